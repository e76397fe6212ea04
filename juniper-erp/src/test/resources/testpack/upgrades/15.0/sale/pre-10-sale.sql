SELECT '15.0/sale/pre-10-sale.sql';
