-- The translated fields of product become jsonb (see base/pre-10-translations.sql).
SELECT pg_temp.juniper_translate('product', 'uom.category', 'uom_category', ARRAY['name']);
SELECT pg_temp.juniper_translate('product', 'uom.uom', 'uom_uom', ARRAY['name']);
SELECT pg_temp.juniper_translate('product', 'product.template', 'product_template',
                                 ARRAY['name', 'description', 'description_purchase', 'description_sale']);
SELECT pg_temp.juniper_translate('product', 'product.pricelist', 'product_pricelist', ARRAY['name']);
