-- Neutralization rules of the delivery module; see base.sql for the format.

-- rule: delivery-test-environment
-- Carriers answer on their test endpoints, so no real shipment is ordered.
UPDATE delivery_carrier
   SET prod_environment = false
 WHERE prod_environment;
