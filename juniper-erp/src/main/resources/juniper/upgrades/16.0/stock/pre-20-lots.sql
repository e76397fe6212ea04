-- Juniper 16.0 calls production lots simply lots, as Odoo 16 does.
SELECT pg_temp.juniper_rename_model('stock', 'stock.production.lot', 'stock.lot');
