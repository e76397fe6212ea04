-- Juniper 16.0 keeps translations in the translated columns themselves, as jsonb keyed by language
-- ({"en_US": "Chair", "fr_FR": "Chaise"}), like Odoo 16, instead of the ir_translation table. Every module converts
-- its own columns in its pre scripts with pg_temp.juniper_translate; base's post script drops ir_translation.

-- The model translations, one jsonb per record and field, aggregated once for every module. The English text stays
-- the one in the column.
CREATE TEMPORARY TABLE juniper_translation ON COMMIT DROP AS
SELECT name, res_id, jsonb_object_agg(lang, value) AS value
  FROM ir_translation
 WHERE type = 'model' AND res_id IS NOT NULL AND lang <> 'en_US' AND value <> ''
 GROUP BY name, res_id;
CREATE INDEX ON juniper_translation (name, res_id);
ANALYZE juniper_translation;

-- The fields converted, so that base's post script can tell which translations have nowhere to go.
CREATE TEMPORARY TABLE juniper_translated_field (name character varying PRIMARY KEY) ON COMMIT DROP;

-- A column's English text with its translations, as jsonb; the translations alone when there is no English text.
-- PL/pgSQL, whose lookup plan is prepared once: an SQL function with a FROM clause is planned and started again for
-- every row, which made it most of the cost of converting a large catalogue.
CREATE FUNCTION pg_temp.juniper_translated(english text, field text, record_id integer) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
    translated jsonb;
BEGIN
    SELECT value INTO translated FROM juniper_translation WHERE name = field AND res_id = record_id;
    IF english IS NULL THEN
        RETURN translated;
    END IF;
    RETURN CASE WHEN translated IS NULL THEN jsonb_build_object('en_US', english)
                ELSE jsonb_build_object('en_US', english) || translated END;
END
$$;

-- Turns the columns of a model's table into jsonb with their translations, in the one rewrite the change of type
-- makes anyway: large catalogues have millions of translations, which row updates would write a second time.
CREATE FUNCTION pg_temp.juniper_translate(module text, model text, table_name text, columns text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    fields text[] := ARRAY(SELECT model || ',' || c FROM unnest(columns) c);
    done bigint;
BEGIN
    EXECUTE format('ALTER TABLE public.%I %s', table_name, (
        SELECT string_agg(CASE WHEN EXISTS (SELECT 1 FROM juniper_translation WHERE name = model || ',' || c)
                               THEN format('ALTER COLUMN %1$I TYPE jsonb USING pg_temp.juniper_translated(%1$I, %2$L, id)',
                                           c, model || ',' || c)
                               ELSE format('ALTER COLUMN %1$I TYPE jsonb USING CASE WHEN %1$I IS NULL THEN NULL '
                                           'ELSE jsonb_build_object(''en_US'', %1$I) END', c) END, ', ')
          FROM unnest(columns) c));
    INSERT INTO juniper_translated_field SELECT unnest(fields);
    EXECUTE format('SELECT count(*) FROM public.%I WHERE id IN (SELECT res_id FROM juniper_translation '
                   'WHERE name = ANY ($1))', table_name) INTO done USING fields;
    RAISE NOTICE '%: translations of % records moved into %', table_name, done, array_to_string(columns, ', ');
    IF done > 0 THEN
        PERFORM pg_temp.juniper_note(module, 'translations_converted', model, NULL, array_to_string(columns, ', '),
                                     done, 'translations moved from ir_translation into the jsonb columns');
    END IF;
END
$$;

SELECT pg_temp.juniper_translate('base', 'res.country', 'res_country', ARRAY['name']);
SELECT pg_temp.juniper_translate('base', 'res.partner.category', 'res_partner_category', ARRAY['name']);
SELECT pg_temp.juniper_translate('base', 'ir.module.module', 'ir_module_module',
                                 ARRAY['shortdesc', 'summary', 'description']);
SELECT pg_temp.juniper_translate('base', 'ir.actions.server', 'ir_act_server', ARRAY['name']);
SELECT pg_temp.juniper_translate('base', 'ir.ui.view', 'ir_ui_view', ARRAY['arch_db']);

-- The architecture of views is translated term by term (model_terms): each language gets the English
-- architecture with the text of every translated element replaced.
CREATE FUNCTION pg_temp.juniper_translate_terms(source text, terms jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    translated text := source;
    term record;
BEGIN
    -- longer terms first, so that a term inside another one does not break it
    FOR term IN SELECT key, value FROM jsonb_each_text(terms) ORDER BY length(key) DESC, key LOOP
        translated := replace(translated, '>' || term.key || '<', '>' || term.value || '<');
    END LOOP;
    RETURN translated;
END
$$;

WITH translated AS (
    UPDATE ir_ui_view v
       SET arch_db = v.arch_db || translated.value
      FROM (SELECT t.res_id,
                   jsonb_object_agg(t.lang, pg_temp.juniper_translate_terms(source.arch_db ->> 'en_US', t.terms))
                       AS value
              FROM (SELECT res_id, lang, jsonb_object_agg(src, value) AS terms
                      FROM ir_translation
                     WHERE type = 'model_terms' AND name = 'ir.ui.view,arch_db' AND lang <> 'en_US' AND value <> ''
                     GROUP BY res_id, lang) t
              JOIN ir_ui_view source ON source.id = t.res_id
             GROUP BY t.res_id) translated
     WHERE v.id = translated.res_id
    RETURNING v.id
)
SELECT pg_temp.juniper_note('base', 'translations_converted', 'ir.ui.view', NULL, 'arch_db (terms)', count(*),
                            'translated terms of view architectures moved into the jsonb column')
  FROM translated
HAVING count(*) > 0;
