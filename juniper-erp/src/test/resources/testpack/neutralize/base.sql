-- generic base rules
-- rule: first
UPDATE a SET b = 1;

-- rule: second
-- a comment inside a rule is dropped
UPDATE c
   SET d = 2;
