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

-- Turns the columns of a model's table into jsonb, then adds their translations batch by batch of record ids,
-- raising a notice per batch for the engine's log: large catalogues have millions of translations.
CREATE FUNCTION pg_temp.juniper_translate(module text, model text, table_name text, columns text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    batch_size constant integer := 5000;
    fields text[] := ARRAY(SELECT model || ',' || c FROM unnest(columns) c);
    first_id integer;
    last_id integer;
    records bigint;
    batch bigint;
    done bigint := 0;
BEGIN
    EXECUTE format('ALTER TABLE public.%I %s', table_name, (
        SELECT string_agg(format('ALTER COLUMN %1$I TYPE jsonb USING CASE WHEN %1$I IS NULL THEN NULL '
                                 'ELSE jsonb_build_object(''en_US'', %1$I) END', c), ', ')
          FROM unnest(columns) c));
    INSERT INTO juniper_translated_field SELECT unnest(fields);
    SELECT min(res_id), max(res_id), count(DISTINCT res_id) INTO first_id, last_id, records
      FROM juniper_translation WHERE name = ANY (fields);
    FOR batch_start IN coalesce(first_id, 1) .. coalesce(last_id, 0) BY batch_size LOOP
        EXECUTE format('UPDATE public.%I t SET %s FROM (SELECT res_id, %s FROM juniper_translation '
                       'WHERE name = ANY ($1) AND res_id BETWEEN $2 AND $3 GROUP BY res_id) tr WHERE t.id = tr.res_id',
                       table_name,
                       (SELECT string_agg(format('%1$I = CASE WHEN tr.%1$I IS NULL THEN t.%1$I '
                                                 'ELSE coalesce(t.%1$I, ''{}'') || tr.%1$I END', c), ', ')
                          FROM unnest(columns) c),
                       (SELECT string_agg(format('(array_agg(value) FILTER (WHERE name = %L))[1] AS %I',
                                                 model || ',' || c, c), ', ')
                          FROM unnest(columns) c))
            USING fields, batch_start, batch_start + batch_size - 1;
        GET DIAGNOSTICS batch = ROW_COUNT;
        done := done + batch;
        RAISE NOTICE '%: translations of % of % records moved into % (ids up to %)', table_name, done, records,
            array_to_string(columns, ', '), least(batch_start + batch_size - 1, last_id);
    END LOOP;
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
