-- Neutralization rules of the delivery module; see base.sql for the format.

-- rule: delivery-test-environment
-- Carriers answer on their test endpoints, so no real shipment is ordered.
UPDATE delivery_carrier
   SET prod_environment = false
 WHERE prod_environment;

-- rule: external-carriers-off
-- Carriers that call a shipping company's service stop; only the fixed-price and rule-based ones stay.
UPDATE delivery_carrier
   SET active = false
 WHERE active
   AND delivery_type NOT IN ('fixed', 'base_on_rule');
