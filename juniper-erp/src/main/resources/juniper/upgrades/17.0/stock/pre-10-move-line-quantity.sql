-- Juniper 17.0 keeps a single quantity on stock move lines, as Odoo 17 does: the quantity done on done lines, the
-- quantity reserved on the others.
-- The notes give the rows of each field that have a value: one pass counts them for the three fields.
CREATE TEMPORARY TABLE juniper_move_line_values ON COMMIT DROP AS
SELECT count(qty_done) AS qty_done, count(product_uom_qty) AS product_uom_qty, count(product_qty) AS product_qty
  FROM stock_move_line;

SELECT pg_temp.juniper_rename_field('stock', 'stock.move.line', 'qty_done', 'quantity',
                                    (SELECT qty_done FROM juniper_move_line_values));

-- Many lines of a large database are not done: rewriting the table once, with its indexes, is about twice as fast
-- as updating those lines one by one through every index.
ALTER TABLE stock_move_line
    ALTER COLUMN quantity TYPE numeric
    USING CASE WHEN state NOT IN ('done', 'cancel') AND coalesce(quantity, 0) = 0 THEN product_uom_qty
               ELSE quantity END;

SELECT pg_temp.juniper_remove_field('stock', 'stock.move.line', 'product_uom_qty',
                                    'the reserved quantity is the quantity of the line from 17.0 on',
                                    (SELECT product_uom_qty FROM juniper_move_line_values));
SELECT pg_temp.juniper_remove_field('stock', 'stock.move.line', 'product_qty',
                                    'the reserved quantity is the quantity of the line from 17.0 on',
                                    (SELECT product_qty FROM juniper_move_line_values));
