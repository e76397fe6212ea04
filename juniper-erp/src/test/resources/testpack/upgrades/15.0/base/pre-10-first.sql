SELECT '15.0/base/pre-10-first.sql';
