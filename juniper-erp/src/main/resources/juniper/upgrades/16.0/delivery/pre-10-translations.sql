-- The translated fields of delivery become jsonb (see base/pre-10-translations.sql).
SELECT pg_temp.juniper_translate('delivery', 'delivery.carrier', 'delivery_carrier',
                                 ARRAY['name', 'carrier_description']);
