SELECT '0.0.0/base/end-99-every-hop.sql';
