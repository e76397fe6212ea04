-- Juniper 16.0 calls payment acquirers payment providers, as Odoo 16 does: the model, its fields and references,
-- and the xml ids of the standard providers. A provider's kind (stripe, paypal...) is its code.
SELECT pg_temp.juniper_rename_model('payment', 'payment.acquirer', 'payment.provider');
SELECT pg_temp.juniper_rename_field('payment', 'payment.provider', 'provider', 'code');
SELECT pg_temp.juniper_rename_field('payment', 'payment.token', 'acquirer_id', 'provider_id');
SELECT pg_temp.juniper_rename_field('payment', 'payment.token', 'acquirer_ref', 'provider_ref');
SELECT pg_temp.juniper_rename_field('payment', 'payment.transaction', 'acquirer_id', 'provider_id');
SELECT pg_temp.juniper_rename_field('payment', 'payment.transaction', 'acquirer_reference', 'provider_reference');

UPDATE ir_model_data
   SET name = 'payment_provider_' || substr(name, length('payment_acquirer_') + 1)
 WHERE module = 'payment' AND model = 'payment.provider' AND name LIKE 'payment\_acquirer\_%';
