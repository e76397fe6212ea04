SELECT '15.0/base/end-10-base.sql';
