-- The modules that Juniper 15.0 renames, before any module script of the hop runs under the new names
-- (modules/15.0.properties declares them for the pack).
SELECT pg_temp.juniper_replace_module('bank_sync', 'account_online_synchronization');
