-- Neutralization rules of the mail module; see base.sql for the format.

-- rule: mail-templates-detached
-- Templates pinned to a production mail server would bypass the fake one.
UPDATE mail_template
   SET mail_server_id = NULL
 WHERE mail_server_id IS NOT NULL;

-- rule: incoming-mail-off
UPDATE fetchmail_server
   SET active = false;
