-- The translated fields of account become jsonb (see base/pre-10-translations.sql).
SELECT pg_temp.juniper_translate('account', 'account.tax', 'account_tax', ARRAY['name', 'description']);
