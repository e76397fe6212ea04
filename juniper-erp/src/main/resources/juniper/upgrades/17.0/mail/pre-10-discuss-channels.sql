-- Juniper 17.0 calls mail channels discuss channels, as Odoo 17 does.
SELECT pg_temp.juniper_rename_model('mail', 'mail.channel', 'discuss.channel');
