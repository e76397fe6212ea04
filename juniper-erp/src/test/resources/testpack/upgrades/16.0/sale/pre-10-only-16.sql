SELECT '16.0/sale/pre-10-only-16.sql';
