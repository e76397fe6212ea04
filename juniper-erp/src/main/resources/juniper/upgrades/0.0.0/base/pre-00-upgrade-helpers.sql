-- Runs first on every hop. It creates the helpers the version scripts share, in the session's temporary schema:
-- they need no right beyond owning the database, and vanish with the hop's connection. Call them qualified,
-- e.g. SELECT pg_temp.juniper_rename_model('stock', 'stock.production.lot', 'stock.lot');
-- It also creates the table where the scripts record what the customer must know about the upgrade
-- (JuniperPack.UPGRADE_NOTES_TABLE; README.md lists the kinds of notes).

-- Created once: CREATE TABLE IF NOT EXISTS would raise a notice on every later hop, and the engine logs notices as
-- progress lines.
DO $$
BEGIN
    IF to_regclass('public.juniper_upgrade_note') IS NULL THEN
        CREATE TABLE public.juniper_upgrade_note (
            id serial PRIMARY KEY,
            version character varying NOT NULL,
            module character varying NOT NULL,
            kind character varying NOT NULL,
            model character varying,
            res_id integer,
            name character varying,
            row_count bigint,
            reason text NOT NULL,
            create_date timestamp without time zone NOT NULL DEFAULT (now() AT TIME ZONE 'UTC')
        );
    END IF;
END
$$;

-- Records one fact of the hop: what (kind, model, res_id, name), how many rows it touched, and why.
CREATE OR REPLACE FUNCTION pg_temp.juniper_note(module text, kind text, model text, res_id integer, name text,
                                                row_count bigint, reason text) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO public.juniper_upgrade_note (version, module, kind, model, res_id, name, row_count, reason)
    VALUES (current_setting('juniper.version'), $1, $2, $3, $4, $5, $6, $7);
$$;

-- Translatable text columns become jsonb keyed by language in 16.0, so the helpers that read or rewrite text
-- build their SQL for the column's type at the time they run: a text column, or every language of a jsonb one.
CREATE OR REPLACE FUNCTION pg_temp.juniper_is_jsonb(table_name text, column_name text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT atttypid = 'jsonb'::regtype FROM pg_attribute
     WHERE attrelid = format('public.%I', $1)::regclass AND attname = $2 AND NOT attisdropped;
$$;

-- An SQL condition: the column (of any language) matches the regular expression.
CREATE OR REPLACE FUNCTION pg_temp.juniper_matches_sql(table_name text, column_name text, pattern text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN pg_temp.juniper_is_jsonb($1, $2)
                THEN format('EXISTS (SELECT 1 FROM jsonb_each_text(%I) t WHERE t.value ~ %L)', $2, $3)
                ELSE format('%I ~ %L', $2, $3) END;
$$;

-- An SQL expression: the column with every match of the regular expression replaced, in every language.
CREATE OR REPLACE FUNCTION pg_temp.juniper_replace_sql(table_name text, column_name text, pattern text,
                                                       replacement text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN pg_temp.juniper_is_jsonb($1, $2)
                THEN format('(SELECT jsonb_object_agg(t.key, regexp_replace(t.value, %L, %L, ''g'')) '
                            'FROM jsonb_each_text(%I) t)', $3, $4, $2)
                ELSE format('regexp_replace(%I, %L, %L, ''g'')', $2, $3, $4) END;
$$;

-- A view shipped by a module of the ERP, as opposed to one the customer made (no xml id, or one of a custom
-- module): the upgrade adapts the former and only deactivates the latter.
CREATE OR REPLACE FUNCTION pg_temp.juniper_is_standard_view(view_id integer) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM ir_model_data d JOIN ir_module_module m ON m.name = d.module
                    WHERE d.model = 'ir.ui.view' AND d.res_id = $1 AND m.author = 'Juniper S.A.');
$$;

-- Renames a table with its id sequence, and the constraints and indexes named after it, as a fresh install of
-- the new version names them.
CREATE OR REPLACE FUNCTION pg_temp.juniper_rename_table(old_table text, new_table text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE public.%I RENAME TO %I', old_table, new_table);
    IF to_regclass(format('public.%I', old_table || '_id_seq')) IS NOT NULL THEN
        EXECUTE format('ALTER SEQUENCE public.%I RENAME TO %I', old_table || '_id_seq', new_table || '_id_seq');
    END IF;
    PERFORM pg_temp.juniper_rename_dependents(new_table, old_table || '_', new_table || '_');
END
$$;

-- Renames a column, and the constraints and indexes named after it.
CREATE OR REPLACE FUNCTION pg_temp.juniper_rename_column(table_name text, old_column text, new_column text)
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE public.%I RENAME COLUMN %I TO %I', table_name, old_column, new_column);
    PERFORM pg_temp.juniper_rename_dependents(table_name, table_name || '_' || old_column || '_',
                                              table_name || '_' || new_column || '_');
END
$$;

-- Renames the constraints, then the other indexes, of a table whose names start with old_prefix (renaming a
-- constraint renames the index behind it).
CREATE OR REPLACE FUNCTION pg_temp.juniper_rename_dependents(table_name text, old_prefix text, new_prefix text)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    item record;
BEGIN
    FOR item IN SELECT conname AS name FROM pg_constraint
                 WHERE conrelid = format('public.%I', table_name)::regclass AND starts_with(conname, old_prefix) LOOP
        EXECUTE format('ALTER TABLE public.%I RENAME CONSTRAINT %I TO %I', table_name, item.name,
                       new_prefix || substr(item.name, length(old_prefix) + 1));
    END LOOP;
    FOR item IN SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                 WHERE i.indrelid = format('public.%I', table_name)::regclass
                   AND starts_with(c.relname, old_prefix) LOOP
        EXECUTE format('ALTER INDEX public.%I RENAME TO %I', item.name,
                       new_prefix || substr(item.name, length(old_prefix) + 1));
    END LOOP;
END
$$;

-- Renames a model: its table, and every reference to it by name. Translations are keyed by model name too, so a
-- hop that still has ir_translation converts a model's translations before renaming it.
CREATE OR REPLACE FUNCTION pg_temp.juniper_rename_model(module text, old_model text, new_model text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    reference text[];
    row_count bigint;
BEGIN
    PERFORM pg_temp.juniper_rename_table(replace(old_model, '.', '_'), replace(new_model, '.', '_'));
    FOREACH reference SLICE 1 IN ARRAY ARRAY[['ir_model_data', 'model'], ['ir_attachment', 'res_model'],
            ['ir_ui_view', 'model'], ['ir_act_server', 'model_name'], ['ir_webhook', 'model_name'],
            ['mail_message', 'model'], ['mail_template', 'model']] LOOP
        IF to_regclass(format('public.%I', reference[1])) IS NOT NULL THEN
            EXECUTE format('UPDATE public.%I SET %I = $1 WHERE %I = $2', reference[1], reference[2], reference[2])
                USING new_model, old_model;
        END IF;
    END LOOP;
    EXECUTE format('SELECT count(*) FROM public.%I', replace(new_model, '.', '_')) INTO row_count;
    PERFORM pg_temp.juniper_note(module, 'model_renamed', old_model, NULL, new_model, row_count,
                                 format('model %s is called %s from %s on', old_model, new_model,
                                        current_setting('juniper.version')));
END
$$;

-- Renames a field: its column, and its uses in the views of its model. The note gives the rows that have a value:
-- a script that has counted them already passes the count, which spares a pass over a large table.
CREATE OR REPLACE FUNCTION pg_temp.juniper_rename_field(module text, model text, old_field text, new_field text,
                                                        known_count bigint DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    row_count bigint := known_count;
BEGIN
    PERFORM pg_temp.juniper_rename_column(replace(model, '.', '_'), old_field, new_field);
    EXECUTE format('UPDATE ir_ui_view SET arch_db = %s WHERE model = $1 AND %s',
                   pg_temp.juniper_replace_sql('ir_ui_view', 'arch_db', format('name="%s"', old_field),
                                               format('name="%s"', new_field)),
                   pg_temp.juniper_matches_sql('ir_ui_view', 'arch_db', format('name="%s"', old_field)))
        USING model;
    IF row_count IS NULL THEN
        EXECUTE format('SELECT count(*) FROM public.%I WHERE %I IS NOT NULL', replace(model, '.', '_'), new_field)
            INTO row_count;
    END IF;
    PERFORM pg_temp.juniper_note(module, 'field_renamed', model, NULL, old_field || ' -> ' || new_field, row_count,
                                 format('field %s.%s is called %s from %s on', model, old_field, new_field,
                                        current_setting('juniper.version')));
END
$$;

-- Removes a field whose data the calling script has already moved where it belongs. Standard views of its model
-- lose the field's element; the customer's views that use it would fail to load, so they are deactivated and
-- noted with the reason. Like juniper_rename_field, it takes the count of rows with a value when the script has it.
CREATE OR REPLACE FUNCTION pg_temp.juniper_remove_field(module text, model text, field text, reason text,
                                                        known_count bigint DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    uses_field text := pg_temp.juniper_matches_sql('ir_ui_view', 'arch_db', format('name="%s"', field));
    custom_view record;
    row_count bigint := known_count;
BEGIN
    EXECUTE format('UPDATE ir_ui_view SET arch_db = %s '
                   'WHERE model = $1 AND %s AND pg_temp.juniper_is_standard_view(id)',
                   pg_temp.juniper_replace_sql('ir_ui_view', 'arch_db',
                                               format('\s*<field name="%s"[^>]*/>', field), ''),
                   uses_field)
        USING model;
    FOR custom_view IN EXECUTE format('SELECT id, name FROM ir_ui_view WHERE model = $1 AND active AND %s '
                               'AND NOT pg_temp.juniper_is_standard_view(id) ORDER BY id', uses_field) USING model LOOP
        UPDATE ir_ui_view SET active = false WHERE id = custom_view.id;
        PERFORM pg_temp.juniper_note(module, 'view_deactivated', 'ir.ui.view', custom_view.id, custom_view.name, NULL,
                                     format('uses the field %s.%s: %s', model, field, reason));
    END LOOP;
    IF row_count IS NULL THEN
        EXECUTE format('SELECT count(*) FROM public.%I WHERE %I IS NOT NULL', replace(model, '.', '_'), field)
            INTO row_count;
    END IF;
    EXECUTE format('ALTER TABLE public.%I DROP COLUMN %I', replace(model, '.', '_'), field);
    PERFORM pg_temp.juniper_note(module, 'field_removed', model, NULL, field, row_count, reason);
END
$$;

-- A module renamed (new_name is not installed) or merged into another one (new_name is installed): its records
-- and the dependencies on it pass to new_name, as Odoo's rename_module and merge_module do.
CREATE OR REPLACE FUNCTION pg_temp.juniper_replace_module(old_name text, new_name text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    old_id integer := (SELECT id FROM ir_module_module WHERE name = old_name);
    merged boolean := EXISTS (SELECT 1 FROM ir_module_module WHERE name = new_name);
    records bigint;
BEGIN
    IF old_id IS NULL THEN
        RETURN;
    END IF;
    UPDATE ir_model_data d SET module = new_name
     WHERE d.module = old_name
       AND NOT EXISTS (SELECT 1 FROM ir_model_data o WHERE o.module = new_name AND o.name = d.name);
    GET DIAGNOSTICS records = ROW_COUNT;
    -- xml ids the other module already has are its own records
    DELETE FROM ir_model_data WHERE module = old_name;
    DELETE FROM ir_module_module_dependency d
     WHERE d.name = old_name
       AND EXISTS (SELECT 1 FROM ir_module_module_dependency o WHERE o.module_id = d.module_id AND o.name = new_name);
    UPDATE ir_module_module_dependency SET name = new_name WHERE name = old_name;
    IF merged THEN
        DELETE FROM ir_model_data WHERE module = 'base' AND model = 'ir.module.module' AND name = 'module_' || old_name;
        DELETE FROM ir_module_module WHERE id = old_id;
    ELSE
        UPDATE ir_module_module
           SET name = new_name, icon = replace(icon, '/' || old_name || '/', '/' || new_name || '/')
         WHERE id = old_id;
        UPDATE ir_model_data SET name = 'module_' || new_name
         WHERE module = 'base' AND model = 'ir.module.module' AND name = 'module_' || old_name;
    END IF;
    PERFORM pg_temp.juniper_note('base', CASE WHEN merged THEN 'module_merged' ELSE 'module_renamed' END,
                                 'ir.module.module', old_id, old_name, records,
                                 format(CASE WHEN merged THEN 'module %s is merged into %s from %s on'
                                             ELSE 'module %s is called %s from %s on' END,
                                        old_name, new_name, current_setting('juniper.version')));
END
$$;

-- Adds the attachment row, with its xml id, of a standard file that the hop brings, unless the database has it
-- already; the engine writes the file itself to the filestore (JuniperPack.standardFiles).
CREATE OR REPLACE FUNCTION pg_temp.juniper_add_standard_file(module text, name text, file_name text, checksum text,
                                                             file_size integer, mimetype text) RETURNS void
LANGUAGE sql AS $$
    WITH attachment AS (
        INSERT INTO ir_attachment (name, res_model, type, public, store_fname, file_size, checksum, mimetype,
                                   create_uid, create_date, write_uid, write_date)
        SELECT $3, 'ir.ui.view', 'binary', true, substr($4, 1, 2) || '/' || $4, $5, $4, $6,
               1, now() AT TIME ZONE 'UTC', 1, now() AT TIME ZONE 'UTC'
         WHERE NOT EXISTS (SELECT 1 FROM ir_model_data WHERE module = $1 AND name = $2)
        RETURNING id
    )
    INSERT INTO ir_model_data (noupdate, name, module, model, res_id, create_uid, create_date, write_uid, write_date)
    SELECT false, $2, $1, 'ir.attachment', id, 1, now() AT TIME ZONE 'UTC', 1, now() AT TIME ZONE 'UTC'
      FROM attachment;
$$;
