-- Neutralization rules of the base module, with the semantics of Odoo's neutralize.sql: a test copy of a database
-- must not act on the outside world. Each rule is one statement after its "-- rule: <name>" line, applied in file
-- order. Written for the 14.0 schema; juniper/neutralize/<version>/base.sql replaces this file from that version on.
-- Statements keep to the declarative subset of SQL that the neutralizer's RuleParser describes (UPDATE, DELETE,
-- INSERT ... VALUES [ON CONFLICT], INSERT ... SELECT from the same table, plain terms and lookups in another table):
-- the neutralizer applies them to the dump's rows as it streams, and its preview prints them back as SQL.

-- rule: crons-off
-- Scheduled actions stop, except the housekeeping one that keeps the database tidy.
UPDATE ir_cron
   SET active = false
 WHERE active
   AND id NOT IN (SELECT res_id FROM ir_model_data
                   WHERE module = 'base' AND name = 'autovacuum_job' AND model = 'ir.cron');

-- rule: mail-servers-archived
UPDATE ir_mail_server
   SET active = false;

-- rule: fake-mail-server
-- Mail goes to a server that cannot exist, so that nothing is sent and nothing falls back to a real server.
INSERT INTO ir_mail_server (name, smtp_host, smtp_port, smtp_encryption, smtp_debug, sequence, active,
                            create_uid, create_date, write_uid, write_date)
VALUES ('neutralization - disable emails', 'invalid', 1, 'none', false, 0, true,
        1, now() AT TIME ZONE 'UTC', 1, now() AT TIME ZONE 'UTC');

-- rule: webhooks-off
UPDATE ir_webhook
   SET active = false,
       secret = NULL;

-- rule: api-keys-cleared
-- Keys issued to the production database must not open the copy.
DELETE FROM res_users_apikeys;

-- rule: database-identity
-- A new identity, so that the copy is never taken for the production database by the services it registers with.
UPDATE ir_config_parameter
   SET value = gen_random_uuid()::text
 WHERE key IN ('database.uuid', 'database.secret');

-- rule: banner
INSERT INTO ir_ui_view (name, type, key, priority, mode, active, inherit_id, arch_db, arch_updated, customize_show,
                        create_uid, create_date, write_uid, write_date)
SELECT 'neutralize_banner', 'qweb', 'base.neutralize_banner', 100, 'extension', true, id,
       '<xpath expr="//body" position="inside"><div id="neutralize_banner" style="background: #d9534f; color: white; text-align: center; padding: 4px;">This is a neutralized test copy: it sends no mail and charges no payment.</div></xpath>',
       false, false, 1, now() AT TIME ZONE 'UTC', 1, now() AT TIME ZONE 'UTC'
  FROM ir_ui_view
 WHERE key = 'base.layout';

-- rule: neutralized-flag
INSERT INTO ir_config_parameter (key, value, create_uid, create_date, write_uid, write_date)
VALUES ('database.is_neutralized', 'true', 1, now() AT TIME ZONE 'UTC', 1, now() AT TIME ZONE 'UTC')
    ON CONFLICT (key) DO UPDATE SET value = 'true';
