-- Juniper 16.0, module base (Base): what installing it adds to a fresh database, tables and standard data.
-- Laid out as pg_dump does (tables, data, sequence positions, keys, indexes, foreign keys) so that the
-- sample generator can copy it into a dump; README.md lists the conventions.

CREATE TABLE public.res_lang (
    id serial NOT NULL,
    name character varying NOT NULL,
    code character varying NOT NULL,
    iso_code character varying,
    url_code character varying NOT NULL,
    active boolean,
    direction character varying NOT NULL,
    date_format character varying NOT NULL,
    time_format character varying NOT NULL,
    week_start integer NOT NULL,
    "grouping" character varying NOT NULL,
    decimal_point character varying NOT NULL,
    thousands_sep character varying,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.res_currency (
    id serial NOT NULL,
    name character varying NOT NULL,
    symbol character varying NOT NULL,
    rounding numeric,
    decimal_places integer,
    active boolean,
    "position" character varying,
    currency_unit_label character varying,
    currency_subunit_label character varying,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.res_country (
    id serial NOT NULL,
    name jsonb NOT NULL,
    code character varying(2),
    address_format text,
    currency_id integer,
    phone_code integer,
    vat_label character varying,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.res_partner (
    id serial NOT NULL,
    name character varying,
    display_name character varying,
    date date,
    title integer,
    parent_id integer,
    ref character varying,
    lang character varying,
    tz character varying,
    user_id integer,
    vat character varying,
    website character varying,
    comment text,
    credit_limit double precision,
    active boolean,
    employee boolean,
    function character varying,
    type character varying,
    street character varying,
    street2 character varying,
    zip character varying,
    city character varying,
    country_id integer,
    email character varying,
    phone character varying,
    mobile character varying,
    is_company boolean,
    color integer,
    partner_share boolean,
    commercial_partner_id integer,
    commercial_company_name character varying,
    company_name character varying,
    company_id integer,
    email_normalized character varying,
    message_bounce integer,
    customer_rank integer,
    supplier_rank integer,
    signup_token character varying,
    signup_type character varying,
    signup_expiration timestamp without time zone,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone,
    CONSTRAINT res_partner_check_name CHECK (((((type)::text = 'contact'::text) AND (name IS NOT NULL)) OR ((type)::text <> 'contact'::text)))
);

CREATE TABLE public.res_company (
    id serial NOT NULL,
    name character varying NOT NULL,
    partner_id integer NOT NULL,
    currency_id integer NOT NULL,
    sequence integer,
    parent_id integer,
    report_header text,
    report_footer text,
    email character varying,
    phone character varying,
    company_registry character varying,
    paperformat_id integer,
    external_report_layout_id integer,
    base_onboarding_company_state character varying,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.res_users (
    id serial NOT NULL,
    active boolean,
    login character varying NOT NULL,
    password character varying,
    company_id integer NOT NULL,
    partner_id integer NOT NULL,
    signature text,
    action_id integer,
    share boolean,
    notification_type character varying NOT NULL,
    totp_secret character varying,
    karma integer,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.res_partner_category (
    id serial NOT NULL,
    name jsonb NOT NULL,
    color integer,
    parent_id integer,
    active boolean,
    parent_path character varying,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.res_partner_res_partner_category_rel (
    category_id integer NOT NULL,
    partner_id integer NOT NULL
);

CREATE TABLE public.ir_module_module (
    id serial NOT NULL,
    name character varying NOT NULL,
    category_id integer,
    shortdesc jsonb,
    summary jsonb,
    description jsonb,
    author character varying,
    maintainer character varying,
    contributors text,
    website character varying,
    latest_version character varying,
    published_version character varying,
    url character varying,
    sequence integer,
    auto_install boolean,
    state character varying(16),
    demo boolean,
    license character varying,
    application boolean,
    icon character varying,
    to_buy boolean,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.ir_module_module_dependency (
    id serial NOT NULL,
    name character varying,
    module_id integer,
    auto_install_required boolean,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.ir_model_data (
    id serial NOT NULL,
    noupdate boolean,
    name character varying NOT NULL,
    module character varying NOT NULL,
    model character varying NOT NULL,
    res_id integer,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.ir_config_parameter (
    id serial NOT NULL,
    key character varying NOT NULL,
    value text NOT NULL,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.ir_act_server (
    id serial NOT NULL,
    name jsonb NOT NULL,
    type character varying NOT NULL,
    help text,
    binding_type character varying NOT NULL,
    usage character varying NOT NULL,
    state character varying NOT NULL,
    sequence integer,
    model_name character varying,
    code text,
    activity_user_type character varying,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.ir_cron (
    id serial NOT NULL,
    ir_actions_server_id integer NOT NULL,
    cron_name character varying,
    user_id integer NOT NULL,
    active boolean,
    interval_number integer,
    interval_type character varying,
    numbercall integer,
    doall boolean,
    nextcall timestamp without time zone NOT NULL,
    lastcall timestamp without time zone,
    priority integer,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.ir_mail_server (
    id serial NOT NULL,
    name character varying NOT NULL,
    smtp_host character varying NOT NULL,
    smtp_port integer NOT NULL,
    smtp_user character varying,
    smtp_pass character varying,
    smtp_encryption character varying NOT NULL,
    smtp_certificate bytea,
    smtp_private_key bytea,
    smtp_debug boolean,
    sequence integer,
    active boolean,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.ir_ui_view (
    id serial NOT NULL,
    name character varying NOT NULL,
    model character varying,
    key character varying,
    priority integer NOT NULL,
    type character varying,
    arch_db jsonb,
    arch_fs character varying,
    arch_updated boolean,
    arch_prev text,
    inherit_id integer,
    field_parent character varying,
    mode character varying NOT NULL,
    active boolean,
    customize_show boolean,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone,
    CONSTRAINT ir_ui_view_inheritance_mode CHECK ((((mode)::text <> 'extension'::text) OR (inherit_id IS NOT NULL))),
    CONSTRAINT ir_ui_view_qweb_required_key CHECK ((((type)::text <> 'qweb'::text) OR (key IS NOT NULL)))
);

CREATE TABLE public.ir_attachment (
    id serial NOT NULL,
    name character varying NOT NULL,
    description text,
    res_model character varying,
    res_field character varying,
    res_id integer,
    company_id integer,
    type character varying NOT NULL,
    url character varying(1024),
    public boolean,
    access_token character varying,
    db_datas bytea,
    store_fname character varying,
    file_size integer,
    checksum character varying(40),
    mimetype character varying,
    index_content text,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.ir_webhook (
    id serial NOT NULL,
    name character varying NOT NULL,
    model_name character varying NOT NULL,
    trigger character varying NOT NULL,
    url character varying NOT NULL,
    secret character varying,
    active boolean,
    last_call timestamp without time zone,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.res_users_apikeys (
    id serial NOT NULL,
    name character varying NOT NULL,
    user_id integer NOT NULL,
    scope character varying,
    index character varying(8) NOT NULL,
    key character varying NOT NULL,
    create_date timestamp without time zone
);

INSERT INTO public.res_currency (id, name, symbol, rounding, decimal_places, active, "position", currency_unit_label, currency_subunit_label, create_uid, create_date, write_uid, write_date) VALUES
    (1, 'EUR', '€', 0.01, 2, true, 'after', 'Euros', 'Cents', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (2, 'USD', '$', 0.01, 2, true, 'before', 'Dollars', 'Cents', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (3, 'GBP', '£', 0.01, 2, true, 'before', 'Pounds', 'Pence', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (4, 'CHF', 'CHF', 0.01, 2, false, 'after', 'Francs', 'Centimes', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_model_data (id, noupdate, name, module, model, res_id, create_uid, create_date, write_uid, write_date) VALUES
    (1, false, 'EUR', 'base', 'res.currency', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (2, false, 'USD', 'base', 'res.currency', 2, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (3, false, 'GBP', 'base', 'res.currency', 3, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (4, false, 'CHF', 'base', 'res.currency', 4, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (5, false, 'us', 'base', 'res.country', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (6, false, 'be', 'base', 'res.country', 2, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (7, false, 'fr', 'base', 'res.country', 3, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (8, false, 'de', 'base', 'res.country', 4, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (9, false, 'es', 'base', 'res.country', 5, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (10, false, 'nl', 'base', 'res.country', 6, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (11, false, 'gb', 'base', 'res.country', 7, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (12, false, 'it', 'base', 'res.country', 8, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (13, false, 'ch', 'base', 'res.country', 9, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (14, false, 'lu', 'base', 'res.country', 10, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (15, false, 'ca', 'base', 'res.country', 11, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (16, false, 'in', 'base', 'res.country', 12, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (17, false, 'lang_en', 'base', 'res.lang', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (18, false, 'main_partner', 'base', 'res.partner', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (19, false, 'partner_root', 'base', 'res.partner', 2, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (20, false, 'partner_admin', 'base', 'res.partner', 3, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (21, false, 'public_partner', 'base', 'res.partner', 4, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (22, false, 'main_company', 'base', 'res.company', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (23, false, 'user_root', 'base', 'res.users', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (24, false, 'user_admin', 'base', 'res.users', 2, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (25, false, 'public_user', 'base', 'res.users', 3, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (26, true, 'module_base', 'base', 'ir.module.module', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (27, false, 'autovacuum_job_ir_actions_server', 'base', 'ir.actions.server', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (28, false, 'autovacuum_job', 'base', 'ir.cron', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (29, false, 'view_partner_form', 'base', 'ir.ui.view', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (30, false, 'view_partner_tree', 'base', 'ir.ui.view', 2, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (31, false, 'view_users_form', 'base', 'ir.ui.view', 3, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (32, false, 'layout', 'base', 'ir.ui.view', 4, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (145, false, 'image_placeholder', 'base', 'ir.attachment', 2, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.res_country (id, name, code, address_format, currency_id, phone_code, vat_label, create_uid, create_date, write_uid, write_date) VALUES
    (1, '{"en_US": "United States"}', 'US', '%(street)s
%(street2)s
%(zip)s %(city)s
%(country_name)s', 2, 1, 'VAT', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (2, '{"en_US": "Belgium"}', 'BE', '%(street)s
%(street2)s
%(zip)s %(city)s
%(country_name)s', 1, 32, 'VAT', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (3, '{"en_US": "France"}', 'FR', '%(street)s
%(street2)s
%(zip)s %(city)s
%(country_name)s', 1, 33, 'TVA', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (4, '{"en_US": "Germany"}', 'DE', '%(street)s
%(street2)s
%(zip)s %(city)s
%(country_name)s', 1, 49, 'USt', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (5, '{"en_US": "Spain"}', 'ES', '%(street)s
%(street2)s
%(zip)s %(city)s
%(country_name)s', 1, 34, 'NIF', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (6, '{"en_US": "Netherlands"}', 'NL', '%(street)s
%(street2)s
%(zip)s %(city)s
%(country_name)s', 1, 31, 'BTW', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (7, '{"en_US": "United Kingdom"}', 'GB', '%(street)s
%(street2)s
%(zip)s %(city)s
%(country_name)s', 3, 44, 'VAT', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (8, '{"en_US": "Italy"}', 'IT', '%(street)s
%(street2)s
%(zip)s %(city)s
%(country_name)s', 1, 39, 'P.IVA', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (9, '{"en_US": "Switzerland"}', 'CH', '%(street)s
%(street2)s
%(zip)s %(city)s
%(country_name)s', 4, 41, 'TVA', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (10, '{"en_US": "Luxembourg"}', 'LU', '%(street)s
%(street2)s
%(zip)s %(city)s
%(country_name)s', 1, 352, 'TVA', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (11, '{"en_US": "Canada"}', 'CA', '%(street)s
%(street2)s
%(zip)s %(city)s
%(country_name)s', 2, 1, 'GST', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (12, '{"en_US": "India"}', 'IN', '%(street)s
%(street2)s
%(zip)s %(city)s
%(country_name)s', 2, 91, 'GSTIN', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.res_lang (id, name, code, iso_code, url_code, active, direction, date_format, time_format, week_start, "grouping", decimal_point, thousands_sep, create_uid, create_date, write_uid, write_date) VALUES
    (1, 'English (US)', 'en_US', 'en', 'en', true, 'ltr', '%m/%d/%Y', '%H:%M:%S', 7, '[3,0]', '.', ',', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.res_partner (id, name, display_name, date, title, parent_id, ref, lang, tz, user_id, vat, website, comment, credit_limit, active, employee, function, type, street, street2, zip, city, country_id, email, phone, mobile, is_company, color, partner_share, commercial_partner_id, commercial_company_name, company_name, company_id, email_normalized, message_bounce, customer_rank, supplier_rank, signup_token, signup_type, signup_expiration, create_uid, create_date, write_uid, write_date) VALUES
    (1, 'My Company', 'My Company', NULL, NULL, NULL, NULL, 'en_US', 'Europe/Brussels', NULL, NULL, 'http://www.example.com', NULL, NULL, true, false, NULL, 'contact', '250 Executive Park Blvd, Suite 3400', NULL, '94134', 'San Francisco', 1, 'info@yourcompany.example', '+1 555-555-5556', NULL, true, 0, false, 1, NULL, NULL, NULL, 'info@yourcompany.example', 0, 0, 0, NULL, NULL, NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (2, 'JuniperBot', 'JuniperBot', NULL, NULL, NULL, NULL, 'en_US', 'Europe/Brussels', NULL, NULL, NULL, NULL, NULL, false, false, NULL, 'contact', NULL, NULL, NULL, NULL, NULL, 'juniperbot@example.com', NULL, NULL, false, 0, false, 2, NULL, NULL, 1, 'juniperbot@example.com', 0, 0, 0, NULL, NULL, NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (3, 'Administrator', 'Administrator', NULL, NULL, 1, NULL, 'en_US', 'Europe/Brussels', NULL, NULL, NULL, NULL, NULL, true, false, NULL, 'contact', NULL, NULL, NULL, NULL, NULL, 'admin@yourcompany.example', NULL, NULL, false, 0, false, 1, NULL, NULL, NULL, 'admin@yourcompany.example', 0, 0, 0, NULL, NULL, NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (4, 'Public user', 'Public user', NULL, NULL, NULL, NULL, 'en_US', 'Europe/Brussels', NULL, NULL, NULL, NULL, NULL, false, false, NULL, 'contact', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false, 0, true, 4, NULL, NULL, NULL, NULL, 0, 0, 0, NULL, NULL, NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.res_company (id, name, partner_id, currency_id, sequence, parent_id, report_header, report_footer, email, phone, company_registry, paperformat_id, external_report_layout_id, base_onboarding_company_state, create_uid, create_date, write_uid, write_date) VALUES
    (1, 'My Company', 1, 1, 0, NULL, NULL, NULL, 'info@yourcompany.example', '+1 555-555-5556', NULL, NULL, NULL, 'not_done', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.res_users (id, active, login, password, company_id, partner_id, signature, action_id, share, notification_type, totp_secret, karma, create_uid, create_date, write_uid, write_date) VALUES
    (1, false, '__system__', NULL, 1, 2, '<span>-- <br/>
__system__</span>', NULL, false, 'email', NULL, 0, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (2, true, 'admin', '$pbkdf2-sha512$25000$Zay1ttY6x/h/z9n7n1OKkQ$0hTkdvFqNqJRCmcvODqA9Dm4YTQwTfMa3DT.QqhOjDgN0aFaW1s8JEmwaYwNzjQSmCY2ZOuhrh2CdSsGVZmUiA', 1, 3, '<span>-- <br/>
admin</span>', NULL, false, 'email', NULL, 0, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (3, false, 'public', NULL, 1, 4, '<span>-- <br/>
public</span>', NULL, true, 'email', NULL, 0, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_module_module (id, name, shortdesc, summary, author, website, latest_version, published_version, sequence, auto_install, state, demo, license, application, icon, to_buy, create_uid, create_date, write_uid, write_date) VALUES
    (1, 'base', '{"en_US": "Base"}', '{"en_US": "The kernel of Juniper, needed for all installation"}', 'Juniper S.A.', 'https://www.juniper.example', '16.0.1.3', NULL, 100, false, 'installed', false, 'LGPL-3', false, '/base/static/description/icon.png', false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_config_parameter (id, key, value, create_uid, create_date, write_uid, write_date) VALUES
    (1, 'base.login_cooldown_after_failure', '10', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (2, 'base.login_cooldown_duration', '60', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (3, 'base.template_portal_user_id', '4', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (4, 'auth_signup.reset_password', 'True', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_act_server (id, name, type, binding_type, usage, state, sequence, model_name, code, activity_user_type, create_uid, create_date, write_uid, write_date) VALUES
    (1, '{"en_US": "Base: Auto-vacuum internal data"}', 'ir.actions.server', 'action', 'ir_cron', 'code', 5, 'ir.autovacuum', 'model._run_vacuum_cleaner()', 'specific', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_cron (id, ir_actions_server_id, cron_name, user_id, active, interval_number, interval_type, numbercall, doall, nextcall, lastcall, priority, create_uid, create_date, write_uid, write_date) VALUES
    (1, 1, 'Base: Auto-vacuum internal data', 1, true, 1, 'days', -1, false, '2021-03-16 03:00:00', NULL, 5, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_ui_view (id, name, model, key, priority, type, arch_db, arch_fs, arch_updated, arch_prev, inherit_id, field_parent, mode, active, customize_show, create_uid, create_date, write_uid, write_date) VALUES
    (1, 'res.partner.form', 'res.partner', NULL, 1, 'form', '{"en_US": "<?xml version=\"1.0\"?>\n<form string=\"Partners\">\n    <sheet>\n        <div class=\"oe_title\">\n            <field name=\"is_company\" invisible=\"1\"/>\n            <h1><field name=\"name\" default_focus=\"1\" placeholder=\"Name\"/></h1>\n        </div>\n        <group>\n            <group>\n                <field name=\"type\" groups=\"base.group_no_one\"/>\n                <label for=\"street\" string=\"Address\"/>\n                <div class=\"o_address_format\">\n                    <field name=\"street\" placeholder=\"Street...\" class=\"o_address_street\"/>\n                    <field name=\"street2\" placeholder=\"Street 2...\" class=\"o_address_street\"/>\n                    <field name=\"city\" placeholder=\"City\" class=\"o_address_city\"/>\n                    <field name=\"zip\" placeholder=\"ZIP\" class=\"o_address_zip\"/>\n                    <field name=\"country_id\" placeholder=\"Country\" class=\"o_address_country\"/>\n                </div>\n                <field name=\"vat\" placeholder=\"e.g. BE0477472701\"/>\n            </group>\n            <group>\n                <field name=\"function\" placeholder=\"e.g. Sales Director\"/>\n                <field name=\"phone\" widget=\"phone\"/>\n                <field name=\"mobile\" widget=\"phone\"/>\n                <field name=\"email\" widget=\"email\"/>\n                <field name=\"website\" widget=\"url\"/>\n                <field name=\"lang\"/>\n                <field name=\"category_id\" widget=\"many2many_tags\"/>\n            </group>\n        </group>\n        <notebook>\n            <page string=\"Internal Notes\" name=\"internal_notes\">\n                <field name=\"comment\" placeholder=\"Internal note...\"/>\n            </page>\n        </notebook>\n    </sheet>\n</form>\n"}', 'base/views/view_partner_form.xml', false, NULL, NULL, NULL, 'primary', true, false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (2, 'res.partner.tree', 'res.partner', NULL, 16, 'tree', '{"en_US": "<?xml version=\"1.0\"?>\n<tree string=\"Contacts\">\n    <field name=\"display_name\"/>\n    <field name=\"function\" invisible=\"1\"/>\n    <field name=\"phone\"/>\n    <field name=\"mobile\" optional=\"hide\"/>\n    <field name=\"email\"/>\n    <field name=\"city\"/>\n    <field name=\"country_id\"/>\n</tree>\n"}', 'base/views/view_partner_tree.xml', false, NULL, NULL, NULL, 'primary', true, false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (3, 'res.users.form', 'res.users', NULL, 16, 'form', '{"en_US": "<?xml version=\"1.0\"?>\n<form string=\"Users\">\n    <sheet>\n        <h1><field name=\"name\"/></h1>\n        <field name=\"login\"/>\n        <field name=\"company_id\"/>\n        <field name=\"signature\"/>\n    </sheet>\n</form>\n"}', 'base/views/view_users_form.xml', false, NULL, NULL, NULL, 'primary', true, false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (4, 'Web layout', NULL, 'base.layout', 16, 'qweb', '{"en_US": "<t t-name=\"base.layout\">\n    <html t-att-lang=\"lang\">\n        <head><title t-esc=\"title or ''Juniper''\"/></head>\n        <body t-att-class=\"body_classname\">\n            <t t-raw=\"0\"/>\n        </body>\n    </html>\n</t>\n"}', 'base/views/layout.xml', false, NULL, NULL, NULL, 'primary', true, false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_attachment (id, name, res_model, res_id, type, public, store_fname, file_size, checksum, mimetype, create_uid, create_date, write_uid, write_date) VALUES
    (2, 'image_placeholder.svg', 'ir.ui.view', NULL, 'binary', true, '97/97bfe65373fd213da8ae1a953ccb5d8f10817910', 270, '97bfe65373fd213da8ae1a953ccb5d8f10817910', 'image/svg+xml', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

SELECT pg_catalog.setval('public.res_currency_id_seq', 4, true);
SELECT pg_catalog.setval('public.ir_model_data_id_seq', 145, true);
SELECT pg_catalog.setval('public.res_country_id_seq', 12, true);
SELECT pg_catalog.setval('public.res_lang_id_seq', 1, true);
SELECT pg_catalog.setval('public.res_partner_id_seq', 4, true);
SELECT pg_catalog.setval('public.res_company_id_seq', 1, true);
SELECT pg_catalog.setval('public.res_users_id_seq', 3, true);
SELECT pg_catalog.setval('public.ir_module_module_id_seq', 1, true);
SELECT pg_catalog.setval('public.ir_config_parameter_id_seq', 4, true);
SELECT pg_catalog.setval('public.ir_act_server_id_seq', 1, true);
SELECT pg_catalog.setval('public.ir_cron_id_seq', 1, true);
SELECT pg_catalog.setval('public.ir_ui_view_id_seq', 4, true);
SELECT pg_catalog.setval('public.ir_attachment_id_seq', 2, true);

ALTER TABLE ONLY public.res_lang
    ADD CONSTRAINT res_lang_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.res_lang
    ADD CONSTRAINT res_lang_name_uniq UNIQUE (name);

ALTER TABLE ONLY public.res_lang
    ADD CONSTRAINT res_lang_code_uniq UNIQUE (code);

ALTER TABLE ONLY public.res_lang
    ADD CONSTRAINT res_lang_url_code_uniq UNIQUE (url_code);

ALTER TABLE ONLY public.res_currency
    ADD CONSTRAINT res_currency_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.res_currency
    ADD CONSTRAINT res_currency_unique_name UNIQUE (name);

ALTER TABLE ONLY public.res_country
    ADD CONSTRAINT res_country_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.res_country
    ADD CONSTRAINT res_country_code_uniq UNIQUE (code);

ALTER TABLE ONLY public.res_partner
    ADD CONSTRAINT res_partner_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.res_company
    ADD CONSTRAINT res_company_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.res_company
    ADD CONSTRAINT res_company_name_uniq UNIQUE (name);

ALTER TABLE ONLY public.res_users
    ADD CONSTRAINT res_users_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.res_users
    ADD CONSTRAINT res_users_login_key UNIQUE (login);

ALTER TABLE ONLY public.res_partner_category
    ADD CONSTRAINT res_partner_category_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.res_partner_res_partner_category_rel
    ADD CONSTRAINT res_partner_res_partner_category_rel_pkey PRIMARY KEY (category_id, partner_id);

ALTER TABLE ONLY public.ir_module_module
    ADD CONSTRAINT ir_module_module_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.ir_module_module
    ADD CONSTRAINT ir_module_module_name_uniq UNIQUE (name);

ALTER TABLE ONLY public.ir_module_module_dependency
    ADD CONSTRAINT ir_module_module_dependency_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.ir_model_data
    ADD CONSTRAINT ir_model_data_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.ir_model_data
    ADD CONSTRAINT ir_model_data_module_name_uniq UNIQUE (module, name);

ALTER TABLE ONLY public.ir_config_parameter
    ADD CONSTRAINT ir_config_parameter_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.ir_config_parameter
    ADD CONSTRAINT ir_config_parameter_key_uniq UNIQUE (key);

ALTER TABLE ONLY public.ir_act_server
    ADD CONSTRAINT ir_act_server_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.ir_cron
    ADD CONSTRAINT ir_cron_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.ir_mail_server
    ADD CONSTRAINT ir_mail_server_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.ir_ui_view
    ADD CONSTRAINT ir_ui_view_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.ir_attachment
    ADD CONSTRAINT ir_attachment_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.ir_webhook
    ADD CONSTRAINT ir_webhook_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.res_users_apikeys
    ADD CONSTRAINT res_users_apikeys_pkey PRIMARY KEY (id);

CREATE INDEX res_partner_display_name_index ON public.res_partner USING btree (display_name);
CREATE INDEX res_partner_ref_index ON public.res_partner USING btree (ref);
CREATE INDEX res_partner_parent_id_index ON public.res_partner USING btree (parent_id);
CREATE INDEX res_partner_company_id_index ON public.res_partner USING btree (company_id);
CREATE INDEX res_partner_commercial_partner_id_index ON public.res_partner USING btree (commercial_partner_id);
CREATE INDEX res_partner_email_normalized_index ON public.res_partner USING btree (email_normalized);
CREATE INDEX res_partner_vat_index ON public.res_partner USING btree (regexp_replace(upper((vat)::text), '[^A-Z0-9]+'::text, ''::text, 'g'::text));
CREATE INDEX res_partner_category_parent_path_index ON public.res_partner_category USING btree (parent_path);
CREATE INDEX res_partner_res_partner_category_rel_partner_id_index ON public.res_partner_res_partner_category_rel USING btree (partner_id);
CREATE INDEX ir_module_module_state_index ON public.ir_module_module USING btree (state);
CREATE INDEX ir_module_module_dependency_name_index ON public.ir_module_module_dependency USING btree (name);
CREATE INDEX ir_model_data_model_res_id_index ON public.ir_model_data USING btree (model, res_id);
CREATE INDEX ir_ui_view_model_index ON public.ir_ui_view USING btree (model);
CREATE INDEX ir_ui_view_inherit_id_index ON public.ir_ui_view USING btree (inherit_id);
CREATE INDEX ir_attachment_res_model_res_id_index ON public.ir_attachment USING btree (res_model, res_id);
CREATE INDEX ir_attachment_checksum_index ON public.ir_attachment USING btree (checksum);
CREATE INDEX ir_attachment_store_fname_index ON public.ir_attachment USING btree (store_fname);
CREATE INDEX ir_attachment_url_index ON public.ir_attachment USING btree (url);
CREATE INDEX res_users_apikeys_user_id_index_index ON public.res_users_apikeys USING btree (user_id, index);

ALTER TABLE ONLY public.res_lang
    ADD CONSTRAINT res_lang_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.res_lang
    ADD CONSTRAINT res_lang_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.res_currency
    ADD CONSTRAINT res_currency_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.res_currency
    ADD CONSTRAINT res_currency_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.res_country
    ADD CONSTRAINT res_country_currency_id_fkey FOREIGN KEY (currency_id) REFERENCES public.res_currency(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.res_country
    ADD CONSTRAINT res_country_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.res_country
    ADD CONSTRAINT res_country_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.res_partner
    ADD CONSTRAINT res_partner_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.res_partner(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.res_partner
    ADD CONSTRAINT res_partner_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.res_partner
    ADD CONSTRAINT res_partner_country_id_fkey FOREIGN KEY (country_id) REFERENCES public.res_country(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.res_partner
    ADD CONSTRAINT res_partner_commercial_partner_id_fkey FOREIGN KEY (commercial_partner_id) REFERENCES public.res_partner(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.res_partner
    ADD CONSTRAINT res_partner_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.res_partner
    ADD CONSTRAINT res_partner_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.res_partner
    ADD CONSTRAINT res_partner_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.res_company
    ADD CONSTRAINT res_company_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES public.res_partner(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.res_company
    ADD CONSTRAINT res_company_currency_id_fkey FOREIGN KEY (currency_id) REFERENCES public.res_currency(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.res_company
    ADD CONSTRAINT res_company_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.res_company(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.res_company
    ADD CONSTRAINT res_company_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.res_company
    ADD CONSTRAINT res_company_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.res_users
    ADD CONSTRAINT res_users_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.res_users
    ADD CONSTRAINT res_users_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES public.res_partner(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.res_users
    ADD CONSTRAINT res_users_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.res_users
    ADD CONSTRAINT res_users_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.res_partner_category
    ADD CONSTRAINT res_partner_category_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.res_partner_category(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.res_partner_category
    ADD CONSTRAINT res_partner_category_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.res_partner_category
    ADD CONSTRAINT res_partner_category_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.res_partner_res_partner_category_rel
    ADD CONSTRAINT res_partner_res_partner_category_rel_category_id_fkey FOREIGN KEY (category_id) REFERENCES public.res_partner_category(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.res_partner_res_partner_category_rel
    ADD CONSTRAINT res_partner_res_partner_category_rel_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES public.res_partner(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.ir_module_module
    ADD CONSTRAINT ir_module_module_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.ir_module_module
    ADD CONSTRAINT ir_module_module_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.ir_module_module_dependency
    ADD CONSTRAINT ir_module_module_dependency_module_id_fkey FOREIGN KEY (module_id) REFERENCES public.ir_module_module(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.ir_module_module_dependency
    ADD CONSTRAINT ir_module_module_dependency_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.ir_module_module_dependency
    ADD CONSTRAINT ir_module_module_dependency_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.ir_model_data
    ADD CONSTRAINT ir_model_data_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.ir_model_data
    ADD CONSTRAINT ir_model_data_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.ir_config_parameter
    ADD CONSTRAINT ir_config_parameter_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.ir_config_parameter
    ADD CONSTRAINT ir_config_parameter_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.ir_act_server
    ADD CONSTRAINT ir_act_server_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.ir_act_server
    ADD CONSTRAINT ir_act_server_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.ir_cron
    ADD CONSTRAINT ir_cron_ir_actions_server_id_fkey FOREIGN KEY (ir_actions_server_id) REFERENCES public.ir_act_server(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.ir_cron
    ADD CONSTRAINT ir_cron_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.res_users(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.ir_cron
    ADD CONSTRAINT ir_cron_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.ir_cron
    ADD CONSTRAINT ir_cron_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.ir_mail_server
    ADD CONSTRAINT ir_mail_server_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.ir_mail_server
    ADD CONSTRAINT ir_mail_server_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.ir_ui_view
    ADD CONSTRAINT ir_ui_view_inherit_id_fkey FOREIGN KEY (inherit_id) REFERENCES public.ir_ui_view(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.ir_ui_view
    ADD CONSTRAINT ir_ui_view_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.ir_ui_view
    ADD CONSTRAINT ir_ui_view_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.ir_attachment
    ADD CONSTRAINT ir_attachment_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.ir_attachment
    ADD CONSTRAINT ir_attachment_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.ir_attachment
    ADD CONSTRAINT ir_attachment_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.ir_webhook
    ADD CONSTRAINT ir_webhook_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.ir_webhook
    ADD CONSTRAINT ir_webhook_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.res_users_apikeys
    ADD CONSTRAINT res_users_apikeys_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.res_users(id) ON DELETE CASCADE;
