SELECT '0.0.0/base/pre-01-every-hop.sql';
