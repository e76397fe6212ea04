SELECT '15.0/sale/end-10-sale.sql';
