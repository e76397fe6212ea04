SELECT '0.0.0/sale/post-50-every-hop.sql';
