-- The translated fields of product become jsonb (see base/pre-10-translations.sql).
SELECT pg_temp.juniper_translate('product', 'uom.category', 'uom_category', ARRAY['name']);
SELECT pg_temp.juniper_translate('product', 'uom.uom', 'uom_uom', ARRAY['name']);
-- From 16.0 on the name index holds the English name, which searching and sorting by name use, not the whole
-- jsonb: it is built once the column is converted, rather than rebuilt on jsonb by the rewrite.
DROP INDEX product_template_name_index;
SELECT pg_temp.juniper_translate('product', 'product.template', 'product_template',
                                 ARRAY['name', 'description', 'description_purchase', 'description_sale']);
CREATE INDEX product_template_name_index ON product_template USING btree (((name ->> 'en_US'::text)));
SELECT pg_temp.juniper_translate('product', 'product.pricelist', 'product_pricelist', ARRAY['name']);
