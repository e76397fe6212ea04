-- The translated fields of payment become jsonb (see base/pre-10-translations.sql), under the model name the
-- translations have, before pre-20 renames it.
SELECT pg_temp.juniper_translate('payment', 'payment.acquirer', 'payment_acquirer',
                                 ARRAY['name', 'display_as', 'description', 'pre_msg', 'pending_msg', 'done_msg',
                                       'cancel_msg']);
