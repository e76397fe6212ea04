-- The translated fields of mail become jsonb (see base/pre-10-translations.sql).
SELECT pg_temp.juniper_translate('mail', 'mail.template', 'mail_template', ARRAY['name', 'subject', 'body_html']);
