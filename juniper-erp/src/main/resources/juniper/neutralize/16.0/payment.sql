-- Neutralization rules of the payment module from 16.0 on, where payment acquirers are payment providers; see
-- ../base.sql for the format.

-- rule: payment-providers-test
UPDATE payment_provider
   SET state = 'test'
 WHERE state = 'enabled';

-- rule: payment-credentials-cleared
-- Live keys would still charge real cards in test mode.
UPDATE payment_provider
   SET stripe_secret_key = NULL,
       stripe_webhook_secret = NULL,
       paypal_pdt_token = NULL,
       adyen_skin_hmac_key = NULL;

-- rule: payment-tokens-archived
-- Saved cards must not be charged again from the copy.
UPDATE payment_token
   SET active = false;
