-- rule: sale-rule
UPDATE sale_order SET note = NULL;
