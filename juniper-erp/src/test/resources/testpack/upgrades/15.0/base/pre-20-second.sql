SELECT '15.0/base/pre-20-second.sql';
