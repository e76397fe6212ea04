-- The translated fields of stock become jsonb (see base/pre-10-translations.sql).
SELECT pg_temp.juniper_translate('stock', 'stock.picking.type', 'stock_picking_type', ARRAY['name']);
