-- Once every module has moved its translations into its columns, ir_translation goes. What had nowhere to go is
-- noted, as base's pre script counted it: the code terms, which 16.0 reads from the modules' .po files, and the
-- translations of fields that are not translated any more or whose module is unknown.
SELECT pg_temp.juniper_note('base', 'translations_dropped', NULL, NULL,
                            CASE WHEN type = 'code' THEN 'code terms' ELSE name END, sum(total)::bigint,
                            CASE WHEN type = 'code' THEN 'code terms come with the modules from 16.0 on'
                                 ELSE 'the field is not translated in 16.0' END)
  FROM juniper_translation
 WHERE NOT (type IN ('model', 'model_terms') AND name IN (SELECT name FROM juniper_translated_field))
 GROUP BY CASE WHEN type = 'code' THEN 'code terms' ELSE name END, type = 'code';

DROP TABLE ir_translation;
