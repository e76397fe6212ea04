-- Juniper 17.0, module website (Website): what installing it adds to a fresh database, tables and standard data.
-- Laid out as pg_dump does (tables, data, sequence positions, keys, indexes, foreign keys) so that the
-- sample generator can copy it into a dump; README.md lists the conventions.

CREATE TABLE public.website (
    id serial NOT NULL,
    name character varying NOT NULL,
    sequence integer,
    domain character varying,
    company_id integer NOT NULL,
    default_lang_id integer NOT NULL,
    user_id integer NOT NULL,
    social_twitter character varying,
    social_facebook character varying,
    social_linkedin character varying,
    google_analytics_key character varying,
    google_search_console character varying,
    google_maps_api_key character varying,
    cdn_activated boolean,
    cdn_url character varying,
    cookies_bar boolean,
    robots_txt text,
    homepage_id integer,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.website_page (
    id serial NOT NULL,
    url character varying NOT NULL,
    view_id integer NOT NULL,
    website_indexed boolean,
    is_published boolean,
    date_publish timestamp without time zone,
    header_overlay boolean,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

INSERT INTO public.ir_module_module (id, name, shortdesc, summary, author, website, latest_version, published_version, sequence, auto_install, state, demo, license, application, icon, to_buy, create_uid, create_date, write_uid, write_date) VALUES
    (5, 'website', '{"en_US": "Website"}', '{"en_US": "Enterprise website builder"}', 'Juniper S.A.', 'https://www.juniper.example', '17.0.1.0', NULL, 100, false, 'installed', false, 'LGPL-3', true, '/website/static/description/icon.png', false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_model_data (id, noupdate, name, module, model, res_id, create_uid, create_date, write_uid, write_date) VALUES
    (63, true, 'module_website', 'base', 'ir.module.module', 5, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (64, false, 'layout', 'website', 'ir.ui.view', 8, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (65, false, 'homepage', 'website', 'ir.ui.view', 9, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (66, false, 'default_website', 'website', 'website', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (67, false, 'homepage_page', 'website', 'website.page', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (68, false, 'website_visitor_cron_ir_actions_server', 'website', 'ir.actions.server', 5, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (69, false, 'website_visitor_cron', 'website', 'ir.cron', 5, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (144, false, 's_banner_default_image', 'website', 'ir.attachment', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_module_module_dependency (id, name, module_id, auto_install_required, create_uid, create_date, write_uid, write_date) VALUES
    (4, 'mail', 5, true, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_ui_view (id, name, model, key, priority, type, arch_db, arch_fs, arch_updated, arch_prev, inherit_id, field_parent, mode, active, customize_show, create_uid, create_date, write_uid, write_date) VALUES
    (8, 'Main layout', NULL, 'website.layout', 16, 'qweb', '{"en_US": "<data inherit_id=\"base.layout\" name=\"Main layout\">\n    <xpath expr=\"//body\" position=\"inside\">\n        <header><nav class=\"navbar\"><t t-esc=\"website.name\"/></nav></header>\n    </xpath>\n</data>\n"}', 'website/views/layout.xml', false, NULL, NULL, NULL, 'primary', true, false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (9, 'Home', NULL, 'website.homepage', 16, 'qweb', '{"en_US": "<t name=\"Homepage\" t-name=\"website.homepage\">\n    <t t-call=\"website.layout\">\n        <div id=\"wrap\" class=\"oe_structure oe_empty\"/>\n    </t>\n</t>\n"}', 'website/views/homepage.xml', false, NULL, NULL, NULL, 'primary', true, false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.website (id, name, sequence, domain, company_id, default_lang_id, user_id, social_twitter, social_facebook, social_linkedin, google_analytics_key, google_search_console, google_maps_api_key, cdn_activated, cdn_url, cookies_bar, robots_txt, homepage_id, create_uid, create_date, write_uid, write_date) VALUES
    (1, 'My Website', 10, NULL, 1, 1, 3, NULL, NULL, NULL, NULL, NULL, NULL, false, NULL, false, NULL, 9, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.website_page (id, url, view_id, website_indexed, is_published, date_publish, header_overlay, create_uid, create_date, write_uid, write_date) VALUES
    (1, '/', 9, true, true, NULL, false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_act_server (id, name, type, binding_type, usage, state, sequence, model_name, code, activity_user_type, create_uid, create_date, write_uid, write_date) VALUES
    (5, '{"en_US": "Website Visitor : Archive old visitors"}', 'ir.actions.server', 'action', 'ir_cron', 'code', 5, 'website.visitor', 'model._cron_archive_visitors()', 'specific', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_cron (id, ir_actions_server_id, cron_name, user_id, active, interval_number, interval_type, numbercall, doall, nextcall, lastcall, priority, create_uid, create_date, write_uid, write_date) VALUES
    (5, 5, 'Website Visitor : Archive old visitors', 1, true, 1, 'days', -1, false, '2021-03-16 03:00:00', NULL, 5, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_attachment (id, name, res_model, res_id, type, public, store_fname, file_size, checksum, mimetype, create_uid, create_date, write_uid, write_date) VALUES
    (1, 's_banner_default_image.svg', 'ir.ui.view', NULL, 'binary', true, '16/168b2df679178c46cb54f8bc76de15dfa0fd105d', 462, '168b2df679178c46cb54f8bc76de15dfa0fd105d', 'image/svg+xml', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

SELECT pg_catalog.setval('public.ir_module_module_id_seq', 5, true);
SELECT pg_catalog.setval('public.ir_model_data_id_seq', 146, true);
SELECT pg_catalog.setval('public.ir_module_module_dependency_id_seq', 4, true);
SELECT pg_catalog.setval('public.ir_ui_view_id_seq', 9, true);
SELECT pg_catalog.setval('public.website_id_seq', 1, true);
SELECT pg_catalog.setval('public.website_page_id_seq', 1, true);
SELECT pg_catalog.setval('public.ir_act_server_id_seq', 5, true);
SELECT pg_catalog.setval('public.ir_cron_id_seq', 5, true);
SELECT pg_catalog.setval('public.ir_attachment_id_seq', 3, true);

ALTER TABLE ONLY public.website
    ADD CONSTRAINT website_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.website_page
    ADD CONSTRAINT website_page_pkey PRIMARY KEY (id);

CREATE INDEX website_page_view_id_index ON public.website_page USING btree (view_id);

ALTER TABLE ONLY public.website
    ADD CONSTRAINT website_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.website
    ADD CONSTRAINT website_default_lang_id_fkey FOREIGN KEY (default_lang_id) REFERENCES public.res_lang(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.website
    ADD CONSTRAINT website_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.res_users(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.website
    ADD CONSTRAINT website_homepage_id_fkey FOREIGN KEY (homepage_id) REFERENCES public.ir_ui_view(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.website
    ADD CONSTRAINT website_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.website
    ADD CONSTRAINT website_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.website_page
    ADD CONSTRAINT website_page_view_id_fkey FOREIGN KEY (view_id) REFERENCES public.ir_ui_view(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.website_page
    ADD CONSTRAINT website_page_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.website_page
    ADD CONSTRAINT website_page_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;
