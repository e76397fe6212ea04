-- Juniper 16.0 keeps translations in the translated columns themselves, as jsonb keyed by language
-- ({"en_US": "Chair", "fr_FR": "Chaise"}), like Odoo 16, instead of the ir_translation table. Every module converts
-- its own columns in its pre scripts with pg_temp.juniper_translate; base's post script drops ir_translation.

-- ir_translation, in one pass: per kind, field and language, how many translations there are, for the note of
-- those with nowhere to go, and the model translations to move, as one object keyed by record id
-- ({"42": "Chaise"}). The objects are stored uncompressed: each is read whole, once per column converted.
CREATE TEMPORARY TABLE juniper_translation (
    type character varying,
    name character varying NOT NULL,
    lang character varying,
    total bigint NOT NULL,
    translations jsonb
) ON COMMIT DROP;
ALTER TABLE juniper_translation ALTER COLUMN translations SET STORAGE EXTERNAL;
INSERT INTO juniper_translation
SELECT type, name, lang, count(*),
       jsonb_object(array_agg(res_id::text) FILTER (WHERE moved), array_agg(value) FILTER (WHERE moved))
  FROM (SELECT type, name, lang, res_id, value,
               type = 'model' AND res_id IS NOT NULL AND lang <> 'en_US' AND value <> '' AS moved
          FROM ir_translation) t
 GROUP BY type, name, lang;

-- The fields converted, so that base's post script can tell which translations have nowhere to go.
CREATE TEMPORARY TABLE juniper_translated_field (name character varying PRIMARY KEY) ON COMMIT DROP;

-- The translations of a field into a language. Declared immutable although it reads a table, which nothing changes
-- during the conversions: called with constants in the expression of a rewrite, it is evaluated once, when the
-- rewrite is planned, and each row finds its translation in the object instead of running a query of its own.
CREATE FUNCTION pg_temp.juniper_translations(field text, language text) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT translations FROM juniper_translation WHERE type = 'model' AND name = field AND lang = language;
$$;

-- The expression of a column's jsonb value: its English text and its translations, keyed by language; null when it
-- has neither. jsonb_build_object takes at most 50 pairs, so they come in groups of 40.
CREATE FUNCTION pg_temp.juniper_translated_sql(column_name text, field text, languages text[]) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT format('nullif(jsonb_strip_nulls(%s), ''{}'')',
                  string_agg(format('jsonb_build_object(%s)', pairs), ' || ' ORDER BY chunk))
      FROM (SELECT (position - 1) / 40 AS chunk, string_agg(pair, ', ' ORDER BY position) AS pairs
              FROM unnest(format('''en_US'', %I', column_name)
                          || ARRAY(SELECT format('%L, pg_temp.juniper_translations(%L, %L) ->> id::text',
                                                 language, field, language)
                                     FROM unnest(languages) language))
                   WITH ORDINALITY AS p(pair, position)
             GROUP BY 1) chunks;
$$;

-- Turns the columns of a model's table into jsonb with their translations, in the one rewrite the change of type
-- makes anyway: large catalogues have millions of translations, which row updates would write a second time.
CREATE FUNCTION pg_temp.juniper_translate(module text, model text, table_name text, columns text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    languages text[];
    conversions text[] := '{}';
    translated text[] := '{}';
    column_name text;
    field text;
    done bigint := 0;
BEGIN
    FOREACH column_name IN ARRAY columns LOOP
        field := model || ',' || column_name;
        languages := ARRAY(SELECT lang FROM juniper_translation
                            WHERE type = 'model' AND name = field AND translations IS NOT NULL ORDER BY lang);
        IF cardinality(languages) > 0 THEN
            conversions := conversions || format('ALTER COLUMN %I TYPE jsonb USING %s', column_name,
                                                 pg_temp.juniper_translated_sql(column_name, field, languages));
            translated := translated || format('%I ?| %L', column_name, languages);
        ELSE
            conversions := conversions || format('ALTER COLUMN %1$I TYPE jsonb USING CASE WHEN %1$I IS NULL '
                                                 'THEN NULL ELSE jsonb_build_object(''en_US'', %1$I) END', column_name);
        END IF;
    END LOOP;
    EXECUTE format('ALTER TABLE public.%I %s', table_name, array_to_string(conversions, ', '));
    INSERT INTO juniper_translated_field SELECT model || ',' || c FROM unnest(columns) c;
    IF cardinality(translated) > 0 THEN
        EXECUTE format('SELECT count(*) FROM public.%I WHERE %s', table_name, array_to_string(translated, ' OR '))
            INTO done;
    END IF;
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
