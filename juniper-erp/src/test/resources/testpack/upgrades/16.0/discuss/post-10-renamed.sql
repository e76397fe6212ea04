SELECT '16.0/discuss/post-10-renamed.sql';
