-- The modules that Juniper 17.0 merges into others, before any module script of the hop runs
-- (modules/17.0.properties declares them for the pack).
SELECT pg_temp.juniper_replace_module('delivery', 'stock');
