-- Juniper 15.0 reworks payment transactions as Odoo 15 did: the kind of operation replaces the flow type, and
-- three fields take the names they keep since.
SELECT pg_temp.juniper_rename_field('payment', 'payment.transaction', 'date', 'last_state_change');
SELECT pg_temp.juniper_rename_field('payment', 'payment.transaction', 'is_processed', 'is_post_processed');
SELECT pg_temp.juniper_rename_field('payment', 'payment.transaction', 'return_url', 'landing_route');
SELECT pg_temp.juniper_rename_field('payment', 'payment.transaction', 'type', 'operation');

ALTER TABLE payment_transaction ALTER COLUMN operation DROP NOT NULL;

UPDATE payment_transaction
   SET operation = CASE operation
                       WHEN 'form' THEN 'online_redirect'
                       WHEN 'form_save' THEN 'online_redirect'
                       WHEN 'server2server' THEN 'online_token'
                       WHEN 'validation' THEN 'validation'
                       ELSE 'offline'
                   END;
