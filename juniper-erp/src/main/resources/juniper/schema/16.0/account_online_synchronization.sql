-- Juniper 16.0, module account_online_synchronization (Online Bank Statement Synchronization): what installing it adds to a fresh database, tables and standard data.
-- Laid out as pg_dump does (tables, data, sequence positions, keys, indexes, foreign keys) so that the
-- sample generator can copy it into a dump; README.md lists the conventions.

CREATE TABLE public.account_online_link (
    id serial NOT NULL,
    name character varying,
    state character varying,
    auto_sync boolean,
    client_id character varying NOT NULL,
    access_token character varying,
    refresh_token character varying,
    provider_data text,
    expiring_synchronization_date date,
    last_refresh timestamp without time zone,
    company_id integer NOT NULL,
    provider_type character varying,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.account_online_account (
    id serial NOT NULL,
    name character varying,
    account_online_link_id integer,
    online_identifier character varying NOT NULL,
    balance numeric,
    account_number character varying,
    journal_id integer,
    last_sync date,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

INSERT INTO public.ir_module_module (id, name, shortdesc, summary, author, website, latest_version, published_version, sequence, auto_install, state, demo, license, application, icon, to_buy, create_uid, create_date, write_uid, write_date) VALUES
    (8, 'account_online_synchronization', '{"en_US": "Online Bank Statement Synchronization"}', '{"en_US": "Synchronize bank statements with online banks"}', 'Juniper S.A.', 'https://www.juniper.example', '16.0.1.0', NULL, 100, false, 'installed', false, 'LGPL-3', false, '/account_online_synchronization/static/description/icon.png', false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_model_data (id, noupdate, name, module, model, res_id, create_uid, create_date, write_uid, write_date) VALUES
    (119, true, 'module_account_online_synchronization', 'base', 'ir.module.module', 8, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (120, false, 'online_sync_cron_ir_actions_server', 'account_online_synchronization', 'ir.actions.server', 8, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (121, false, 'online_sync_cron', 'account_online_synchronization', 'ir.cron', 8, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_module_module_dependency (id, name, module_id, auto_install_required, create_uid, create_date, write_uid, write_date) VALUES
    (7, 'account', 8, true, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_act_server (id, name, type, binding_type, usage, state, sequence, model_name, code, activity_user_type, create_uid, create_date, write_uid, write_date) VALUES
    (8, '{"en_US": "Online Synchronization: Fetch new transactions"}', 'ir.actions.server', 'action', 'ir_cron', 'code', 5, 'account.online.link', 'model._cron_fetch_online_transactions()', 'specific', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_cron (id, ir_actions_server_id, cron_name, user_id, active, interval_number, interval_type, numbercall, doall, nextcall, lastcall, priority, create_uid, create_date, write_uid, write_date) VALUES
    (8, 8, 'Online Synchronization: Fetch new transactions', 1, true, 12, 'hours', -1, false, '2021-03-16 03:00:00', NULL, 5, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

SELECT pg_catalog.setval('public.ir_module_module_id_seq', 8, true);
SELECT pg_catalog.setval('public.ir_model_data_id_seq', 145, true);
SELECT pg_catalog.setval('public.ir_module_module_dependency_id_seq', 7, true);
SELECT pg_catalog.setval('public.ir_act_server_id_seq', 8, true);
SELECT pg_catalog.setval('public.ir_cron_id_seq', 8, true);

ALTER TABLE ONLY public.account_online_link
    ADD CONSTRAINT account_online_link_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.account_online_account
    ADD CONSTRAINT account_online_account_pkey PRIMARY KEY (id);


ALTER TABLE ONLY public.account_online_link
    ADD CONSTRAINT account_online_link_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.account_online_link
    ADD CONSTRAINT account_online_link_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.account_online_link
    ADD CONSTRAINT account_online_link_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.account_online_account
    ADD CONSTRAINT account_online_account_account_online_link_id_fkey FOREIGN KEY (account_online_link_id) REFERENCES public.account_online_link(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.account_online_account
    ADD CONSTRAINT account_online_account_journal_id_fkey FOREIGN KEY (journal_id) REFERENCES public.account_journal(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.account_online_account
    ADD CONSTRAINT account_online_account_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.account_online_account
    ADD CONSTRAINT account_online_account_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;
