-- Juniper 15.0, module mail (Discuss): what installing it adds to a fresh database, tables and standard data.
-- Laid out as pg_dump does (tables, data, sequence positions, keys, indexes, foreign keys) so that the
-- sample generator can copy it into a dump; README.md lists the conventions.

CREATE TABLE public.mail_message (
    id serial NOT NULL,
    subject character varying,
    date timestamp without time zone,
    body text,
    parent_id integer,
    model character varying,
    res_id integer,
    record_name character varying,
    message_type character varying NOT NULL,
    subtype_id integer,
    email_from character varying,
    author_id integer,
    reply_to character varying,
    message_id character varying,
    is_internal boolean,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.mail_template (
    id serial NOT NULL,
    name character varying,
    model character varying,
    subject character varying,
    email_from character varying,
    use_default_to boolean,
    email_to character varying,
    partner_to character varying,
    email_cc character varying,
    reply_to character varying,
    lang character varying,
    body_html text,
    mail_server_id integer,
    scheduled_date character varying,
    auto_delete boolean,
    report_name character varying,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.mail_channel (
    id serial NOT NULL,
    name character varying NOT NULL,
    channel_type character varying,
    description text,
    uuid character varying(50),
    email_send boolean,
    public character varying NOT NULL,
    active boolean,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.fetchmail_server (
    id serial NOT NULL,
    name character varying NOT NULL,
    active boolean,
    state character varying,
    server character varying,
    port integer,
    server_type character varying NOT NULL,
    is_ssl boolean,
    attach boolean,
    original boolean,
    date timestamp without time zone,
    "user" character varying,
    password character varying,
    object_id integer,
    priority integer,
    configuration text,
    script character varying,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

INSERT INTO public.ir_module_module (id, name, shortdesc, summary, author, website, latest_version, published_version, sequence, auto_install, state, demo, license, application, icon, to_buy, create_uid, create_date, write_uid, write_date) VALUES
    (2, 'mail', 'Discuss', 'Chat, mail gateway and private channels', 'Juniper S.A.', 'https://www.juniper.example', '15.0.1.2', NULL, 100, false, 'installed', false, 'LGPL-3', false, '/mail/static/description/icon.png', false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_model_data (id, noupdate, name, module, model, res_id, create_uid, create_date, write_uid, write_date) VALUES
    (33, true, 'module_mail', 'base', 'ir.module.module', 2, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (34, false, 'ir_cron_mail_scheduler_action_ir_actions_server', 'mail', 'ir.actions.server', 2, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (35, false, 'ir_cron_mail_scheduler_action', 'mail', 'ir.cron', 2, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (36, false, 'ir_cron_delete_notification_ir_actions_server', 'mail', 'ir.actions.server', 3, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (37, false, 'ir_cron_delete_notification', 'mail', 'ir.cron', 3, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (38, false, 'ir_cron_mail_gateway_action_ir_actions_server', 'mail', 'ir.actions.server', 4, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (39, false, 'ir_cron_mail_gateway_action', 'mail', 'ir.cron', 4, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (40, false, 'channel_all_employees', 'mail', 'mail.channel', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (41, false, 'mail_template_partner_mass', 'mail', 'mail.template', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (42, false, 'message_notification_email', 'mail', 'ir.ui.view', 5, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_module_module_dependency (id, name, module_id, auto_install_required, create_uid, create_date, write_uid, write_date) VALUES
    (1, 'base', 2, true, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_act_server (id, name, type, binding_type, usage, state, sequence, model_name, code, activity_user_type, create_uid, create_date, write_uid, write_date) VALUES
    (2, 'Mail: Email Queue Manager', 'ir.actions.server', 'action', 'ir_cron', 'code', 5, 'mail.mail', 'model.process_email_queue()', 'specific', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (3, 'Notification: Delete Notifications older than 6 Month', 'ir.actions.server', 'action', 'ir_cron', 'code', 5, 'mail.notification', 'model._gc_notifications(max_age_days=180)', 'specific', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (4, 'Mail: Fetchmail Service', 'ir.actions.server', 'action', 'ir_cron', 'code', 5, 'fetchmail.server', 'model._fetch_mails()', 'specific', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_cron (id, ir_actions_server_id, cron_name, user_id, active, interval_number, interval_type, numbercall, doall, nextcall, lastcall, priority, create_uid, create_date, write_uid, write_date) VALUES
    (2, 2, 'Mail: Email Queue Manager', 1, true, 1, 'hours', -1, false, '2021-03-16 03:00:00', NULL, 5, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (3, 3, 'Notification: Delete Notifications older than 6 Month', 1, true, 1, 'days', -1, false, '2021-03-16 03:00:00', NULL, 5, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (4, 4, 'Mail: Fetchmail Service', 1, false, 5, 'minutes', -1, false, '2021-03-16 03:00:00', NULL, 5, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.mail_channel (id, name, channel_type, description, uuid, email_send, public, active, create_uid, create_date, write_uid, write_date) VALUES
    (1, 'general', 'channel', 'General announcements for all employees.', '1d8c9b3e-2f4a-4d7b-9c6e-5a0b8e7f3c21', false, 'groups', true, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.mail_template (id, name, model, subject, email_from, use_default_to, email_to, partner_to, email_cc, reply_to, lang, body_html, mail_server_id, scheduled_date, auto_delete, report_name, create_uid, create_date, write_uid, write_date) VALUES
    (1, 'Partner: Mass Mail', 'res.partner', 'News from {{ user.company_id.name }}', '{{ (object.user_id.email_formatted or user.email_formatted) }}', false, NULL, '{{ object.id }}', NULL, NULL, '{{ object.partner_id.lang }}', '<div>
    <p>Hello <t t-out="object.name"/>,</p>
    <p>Here is what is new at <t t-out="user.company_id.name"/>.</p>
</div>
', NULL, NULL, true, NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_ui_view (id, name, model, key, priority, type, arch_db, arch_fs, arch_updated, arch_prev, inherit_id, field_parent, mode, active, customize_show, create_uid, create_date, write_uid, write_date) VALUES
    (5, 'message_notification_email', NULL, 'mail.message_notification_email', 16, 'qweb', '<t t-name="mail.message_notification_email">
<div>
    <t t-raw="message.body"/>
    <p>Sent by <t t-esc="company.name"/></p>
</div>
</t>
', 'mail/views/message_notification_email.xml', false, NULL, NULL, NULL, 'primary', true, false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

SELECT pg_catalog.setval('public.ir_module_module_id_seq', 2, true);
SELECT pg_catalog.setval('public.ir_model_data_id_seq', 42, true);
SELECT pg_catalog.setval('public.ir_module_module_dependency_id_seq', 1, true);
SELECT pg_catalog.setval('public.ir_act_server_id_seq', 4, true);
SELECT pg_catalog.setval('public.ir_cron_id_seq', 4, true);
SELECT pg_catalog.setval('public.mail_channel_id_seq', 1, true);
SELECT pg_catalog.setval('public.mail_template_id_seq', 1, true);
SELECT pg_catalog.setval('public.ir_ui_view_id_seq', 5, true);

ALTER TABLE ONLY public.mail_message
    ADD CONSTRAINT mail_message_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.mail_template
    ADD CONSTRAINT mail_template_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.mail_channel
    ADD CONSTRAINT mail_channel_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.fetchmail_server
    ADD CONSTRAINT fetchmail_server_pkey PRIMARY KEY (id);

CREATE INDEX mail_message_model_res_id_index ON public.mail_message USING btree (model, res_id);
CREATE INDEX mail_message_author_id_index ON public.mail_message USING btree (author_id);
CREATE INDEX mail_message_message_id_index ON public.mail_message USING btree (message_id);
CREATE INDEX mail_message_parent_id_index ON public.mail_message USING btree (parent_id);
CREATE INDEX mail_template_model_index ON public.mail_template USING btree (model);
CREATE INDEX mail_channel_uuid_index ON public.mail_channel USING btree (uuid);

ALTER TABLE ONLY public.mail_message
    ADD CONSTRAINT mail_message_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.mail_message(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.mail_message
    ADD CONSTRAINT mail_message_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.res_partner(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.mail_message
    ADD CONSTRAINT mail_message_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.mail_message
    ADD CONSTRAINT mail_message_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.mail_template
    ADD CONSTRAINT mail_template_mail_server_id_fkey FOREIGN KEY (mail_server_id) REFERENCES public.ir_mail_server(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.mail_template
    ADD CONSTRAINT mail_template_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.mail_template
    ADD CONSTRAINT mail_template_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.mail_channel
    ADD CONSTRAINT mail_channel_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.mail_channel
    ADD CONSTRAINT mail_channel_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.fetchmail_server
    ADD CONSTRAINT fetchmail_server_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.fetchmail_server
    ADD CONSTRAINT fetchmail_server_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;
