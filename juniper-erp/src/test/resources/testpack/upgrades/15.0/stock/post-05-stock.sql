SELECT '15.0/stock/post-05-stock.sql';
