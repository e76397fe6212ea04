SELECT '15.0/sale/post-10-sale.sql';
