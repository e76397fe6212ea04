-- rule: since-15
UPDATE renamed SET b = 1;
