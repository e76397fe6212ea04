-- Templates that read the partner's mobile, which Juniper 18.0 drops (see base/pre-10-partner-mobile.sql), read its
-- phone instead, where the mobile went; each is noted.
DO $$
DECLARE
    pattern constant text := '\.mobile\M';
    template record;
BEGIN
    FOR template IN EXECUTE format('SELECT id, name ->> ''en_US'' AS name FROM mail_template '
                                   'WHERE %s OR %s ORDER BY id',
                                   pg_temp.juniper_matches_sql('mail_template', 'subject', pattern),
                                   pg_temp.juniper_matches_sql('mail_template', 'body_html', pattern)) LOOP
        EXECUTE format('UPDATE mail_template SET subject = %s, body_html = %s WHERE id = $1',
                       pg_temp.juniper_replace_sql('mail_template', 'subject', pattern, '.phone'),
                       pg_temp.juniper_replace_sql('mail_template', 'body_html', pattern, '.phone'))
            USING template.id;
        PERFORM pg_temp.juniper_note('mail', 'template_converted', 'mail.template', template.id, template.name, NULL,
                                     'read the mobile of partners, removed in 18.0: reads their phone instead');
    END LOOP;
END
$$;
