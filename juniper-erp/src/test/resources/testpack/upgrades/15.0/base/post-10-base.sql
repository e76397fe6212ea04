SELECT '15.0/base/post-10-base.sql';
