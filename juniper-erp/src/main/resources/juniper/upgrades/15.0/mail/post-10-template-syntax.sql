-- Juniper 15.0 renders mail templates as Odoo 15 does: inline templates ({{ expr }}) in the one-line fields and
-- QWeb (<t t-out="expr"/>, <t t-if="cond">) in the body, instead of 14.0's ${expr} and "% if" lines. Every template
-- is converted, the customer's too, with its translations; each converted template is noted. The "| safe" filter
-- goes: t-out does not escape markup values.

CREATE FUNCTION pg_temp.juniper_inline_template(source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT regexp_replace($1, '\$\{\s*([^}|]*[^}|\s])\s*(\|\s*safe\s*)?\}', '{{ \1 }}', 'g');
$$;

CREATE FUNCTION pg_temp.juniper_qweb_template(source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT regexp_replace(
               regexp_replace(
                   regexp_replace(
                       regexp_replace(
                           regexp_replace($1, '^([ \t]*)% if (.*):[ \t]*$', '\1<t t-if="\2">', 'gn'),
                           '^([ \t]*)% elif (.*):[ \t]*$', '\1</t><t t-elif="\2">', 'gn'),
                       '^([ \t]*)% else:[ \t]*$', '\1</t><t t-else="">', 'gn'),
                   '^([ \t]*)% endif[ \t]*$', '\1</t>', 'gn'),
               '\$\{\s*([^}|]*[^}|\s])\s*(\|\s*safe\s*)?\}', '<t t-out="\1"/>', 'g');
$$;

WITH converted AS (
    UPDATE mail_template
       SET subject = pg_temp.juniper_inline_template(subject),
           email_from = pg_temp.juniper_inline_template(email_from),
           email_to = pg_temp.juniper_inline_template(email_to),
           partner_to = pg_temp.juniper_inline_template(partner_to),
           email_cc = pg_temp.juniper_inline_template(email_cc),
           reply_to = pg_temp.juniper_inline_template(reply_to),
           lang = pg_temp.juniper_inline_template(lang),
           scheduled_date = pg_temp.juniper_inline_template(scheduled_date),
           body_html = pg_temp.juniper_qweb_template(body_html)
     WHERE concat(subject, email_from, email_to, partner_to, email_cc, reply_to, lang, scheduled_date, body_html)
               ~ '\$\{'
        OR body_html ~ '(?n)^[ \t]*%'
    RETURNING id, name
)
SELECT pg_temp.juniper_note('mail', 'template_converted', 'mail.template', id, name, NULL,
                            '${...} and % lines converted to {{ ... }} and QWeb')
  FROM converted;

UPDATE ir_translation
   SET src = pg_temp.juniper_qweb_template(src),
       value = pg_temp.juniper_qweb_template(value)
 WHERE type = 'model' AND name = 'mail.template,body_html';

UPDATE ir_translation
   SET src = pg_temp.juniper_inline_template(src),
       value = pg_temp.juniper_inline_template(value)
 WHERE type = 'model' AND name IN ('mail.template,subject', 'mail.template,email_from', 'mail.template,email_to',
                                   'mail.template,partner_to', 'mail.template,email_cc', 'mail.template,reply_to',
                                   'mail.template,lang', 'mail.template,scheduled_date');
