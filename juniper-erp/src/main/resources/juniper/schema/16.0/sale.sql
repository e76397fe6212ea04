-- Juniper 16.0, module sale (Sales): what installing it adds to a fresh database, tables and standard data.
-- Laid out as pg_dump does (tables, data, sequence positions, keys, indexes, foreign keys) so that the
-- sample generator can copy it into a dump; README.md lists the conventions.

CREATE TABLE public.sale_order (
    id serial NOT NULL,
    access_token character varying,
    name character varying NOT NULL,
    origin character varying,
    client_order_ref character varying,
    reference character varying,
    state character varying,
    date_order timestamp without time zone NOT NULL,
    validity_date date,
    require_signature boolean,
    require_payment boolean,
    user_id integer,
    partner_id integer NOT NULL,
    partner_invoice_id integer NOT NULL,
    partner_shipping_id integer NOT NULL,
    pricelist_id integer NOT NULL,
    currency_id integer,
    analytic_account_id integer,
    invoice_status character varying,
    note text,
    amount_untaxed numeric,
    amount_tax numeric,
    amount_total numeric,
    currency_rate numeric,
    company_id integer NOT NULL,
    team_id integer,
    signed_by character varying,
    signed_on timestamp without time zone,
    commitment_date timestamp without time zone,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone,
    CONSTRAINT sale_order_date_order_conditional_required CHECK (((((state)::text = ANY ((ARRAY['sale'::character varying, 'done'::character varying])::text[])) AND (date_order IS NOT NULL)) OR ((state)::text <> ALL ((ARRAY['sale'::character varying, 'done'::character varying])::text[]))))
);

CREATE TABLE public.sale_order_line (
    id serial NOT NULL,
    order_id integer NOT NULL,
    name text NOT NULL,
    sequence integer,
    invoice_status character varying,
    price_unit numeric NOT NULL,
    price_subtotal numeric,
    price_tax double precision,
    price_total numeric,
    price_reduce numeric,
    price_reduce_taxinc numeric,
    price_reduce_taxexcl numeric,
    discount numeric,
    product_id integer,
    product_uom_qty numeric NOT NULL,
    product_uom integer,
    qty_delivered_method character varying,
    qty_delivered numeric,
    qty_delivered_manual numeric,
    qty_to_invoice numeric,
    qty_invoiced numeric,
    untaxed_amount_invoiced numeric,
    untaxed_amount_to_invoice numeric,
    salesman_id integer,
    currency_id integer,
    company_id integer,
    order_partner_id integer,
    is_expense boolean,
    is_downpayment boolean,
    state character varying,
    customer_lead double precision NOT NULL,
    display_type character varying,
    is_delivery boolean,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone,
    CONSTRAINT sale_order_line_accountable_required_fields CHECK (((display_type IS NOT NULL) OR ((product_id IS NOT NULL) AND (product_uom IS NOT NULL)))),
    CONSTRAINT sale_order_line_non_accountable_null_fields CHECK (((display_type IS NULL) OR ((product_id IS NULL) AND (price_unit = (0)::numeric) AND (product_uom_qty = (0)::numeric) AND (product_uom IS NULL) AND (customer_lead = (0)::double precision))))
);

CREATE TABLE public.sale_order_line_invoice_rel (
    invoice_line_id integer NOT NULL,
    order_line_id integer NOT NULL
);

CREATE TABLE public.sale_order_transaction_rel (
    sale_order_id integer NOT NULL,
    transaction_id integer NOT NULL
);

INSERT INTO public.ir_module_module (id, name, shortdesc, summary, author, website, latest_version, published_version, sequence, auto_install, state, demo, license, application, icon, to_buy, create_uid, create_date, write_uid, write_date) VALUES
    (11, 'sale', '{"en_US": "Sales"}', '{"en_US": "From quotations to invoices"}', 'Juniper S.A.', 'https://www.juniper.example', '16.0.1.1', NULL, 100, false, 'installed', false, 'LGPL-3', true, '/sale/static/description/icon.png', false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_model_data (id, noupdate, name, module, model, res_id, create_uid, create_date, write_uid, write_date) VALUES
    (134, true, 'module_sale', 'base', 'ir.module.module', 11, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (135, false, 'send_invoice_cron_ir_actions_server', 'sale', 'ir.actions.server', 11, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (136, false, 'send_invoice_cron', 'sale', 'ir.cron', 11, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (137, false, 'email_template_edi_sale', 'sale', 'mail.template', 5, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (138, false, 'view_order_form', 'sale', 'ir.ui.view', 13, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_module_module_dependency (id, name, module_id, auto_install_required, create_uid, create_date, write_uid, write_date) VALUES
    (10, 'payment', 11, true, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_act_server (id, name, type, binding_type, usage, state, sequence, model_name, code, activity_user_type, create_uid, create_date, write_uid, write_date) VALUES
    (11, '{"en_US": "automatic invoicing: send ready invoice"}', 'ir.actions.server', 'action', 'ir_cron', 'code', 5, 'payment.transaction', 'model._cron_send_invoice()', 'specific', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_cron (id, ir_actions_server_id, cron_name, user_id, active, interval_number, interval_type, numbercall, doall, nextcall, lastcall, priority, create_uid, create_date, write_uid, write_date) VALUES
    (11, 11, 'automatic invoicing: send ready invoice', 1, false, 1, 'days', -1, false, '2021-03-16 03:00:00', NULL, 5, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.mail_template (id, name, model, subject, email_from, use_default_to, email_to, partner_to, email_cc, reply_to, lang, body_html, mail_server_id, scheduled_date, auto_delete, report_name, create_uid, create_date, write_uid, write_date) VALUES
    (5, '{"en_US": "Sales Order: Send by email"}', 'sale.order', '{"en_US": "{{ object.company_id.name }} {{ object.state in (''draft'', ''sent'') and ''Quotation'' or ''Order'' }} (Ref {{ object.name or ''n/a'' }})"}', '{{ (object.user_id.email_formatted or user.email_formatted) }}', false, NULL, '{{ object.partner_id.id }}', NULL, NULL, '{{ object.partner_id.lang }}', '{"en_US": "<div style=\"margin: 0px; padding: 0px;\">\n    <p style=\"margin: 0px; padding: 0px; font-size: 13px;\">\n        Dear <t t-out=\"object.partner_id.name\"/>\n        <t t-if=\"object.partner_id.parent_id\">\n            (<t t-out=\"object.partner_id.parent_id.name\"/>)\n        </t>\n        <br/><br/>\n        Here is your <t t-out=\"object.state in (''draft'', ''sent'') and ''quotation'' or ''order''\"/> <strong><t t-out=\"object.name\"/></strong>\n        amounting in <strong><t t-out=\"format_amount(object.amount_total, object.currency_id)\"/></strong>\n        from <t t-out=\"object.company_id.name\"/>.\n        <br/><br/>\n        Do not hesitate to contact us if you have any questions.\n        <t t-if=\"object.user_id and object.user_id.signature\">\n            <br/><t t-out=\"object.user_id.signature\"/>\n        </t>\n    </p>\n</div>\n"}', NULL, NULL, true, 'sale.action_report_saleorder', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_ui_view (id, name, model, key, priority, type, arch_db, arch_fs, arch_updated, arch_prev, inherit_id, field_parent, mode, active, customize_show, create_uid, create_date, write_uid, write_date) VALUES
    (13, 'sale.order.form', 'sale.order', NULL, 16, 'form', '{"en_US": "<?xml version=\"1.0\"?>\n<form string=\"Sales Order\">\n    <sheet>\n        <h1><field name=\"name\"/></h1>\n        <group>\n            <field name=\"partner_id\"/>\n            <field name=\"validity_date\"/>\n            <field name=\"pricelist_id\"/>\n        </group>\n        <field name=\"order_line\"/>\n    </sheet>\n</form>\n"}', 'sale/views/view_order_form.xml', false, NULL, NULL, NULL, 'primary', true, false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

SELECT pg_catalog.setval('public.ir_module_module_id_seq', 11, true);
SELECT pg_catalog.setval('public.ir_model_data_id_seq', 145, true);
SELECT pg_catalog.setval('public.ir_module_module_dependency_id_seq', 10, true);
SELECT pg_catalog.setval('public.ir_act_server_id_seq', 11, true);
SELECT pg_catalog.setval('public.ir_cron_id_seq', 11, true);
SELECT pg_catalog.setval('public.mail_template_id_seq', 5, true);
SELECT pg_catalog.setval('public.ir_ui_view_id_seq', 13, true);

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.sale_order_line
    ADD CONSTRAINT sale_order_line_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.sale_order_line_invoice_rel
    ADD CONSTRAINT sale_order_line_invoice_rel_pkey PRIMARY KEY (invoice_line_id, order_line_id);

ALTER TABLE ONLY public.sale_order_transaction_rel
    ADD CONSTRAINT sale_order_transaction_rel_pkey PRIMARY KEY (sale_order_id, transaction_id);

CREATE INDEX sale_order_name_index ON public.sale_order USING btree (name);
CREATE INDEX sale_order_state_index ON public.sale_order USING btree (state);
CREATE INDEX sale_order_date_order_index ON public.sale_order USING btree (date_order);
CREATE INDEX sale_order_user_id_index ON public.sale_order USING btree (user_id);
CREATE INDEX sale_order_partner_id_index ON public.sale_order USING btree (partner_id);
CREATE INDEX sale_order_company_id_index ON public.sale_order USING btree (company_id);
CREATE INDEX sale_order_line_order_id_index ON public.sale_order_line USING btree (order_id);
CREATE INDEX sale_order_line_product_id_index ON public.sale_order_line USING btree (product_id);
CREATE INDEX sale_order_line_salesman_id_index ON public.sale_order_line USING btree (salesman_id);
CREATE INDEX sale_order_line_order_partner_id_index ON public.sale_order_line USING btree (order_partner_id);
CREATE INDEX sale_order_line_invoice_rel_order_line_id_index ON public.sale_order_line_invoice_rel USING btree (order_line_id);
CREATE INDEX sale_order_transaction_rel_transaction_id_index ON public.sale_order_transaction_rel USING btree (transaction_id);

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES public.res_partner(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_partner_invoice_id_fkey FOREIGN KEY (partner_invoice_id) REFERENCES public.res_partner(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_partner_shipping_id_fkey FOREIGN KEY (partner_shipping_id) REFERENCES public.res_partner(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_pricelist_id_fkey FOREIGN KEY (pricelist_id) REFERENCES public.product_pricelist(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_currency_id_fkey FOREIGN KEY (currency_id) REFERENCES public.res_currency(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.sale_order_line
    ADD CONSTRAINT sale_order_line_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.sale_order(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.sale_order_line
    ADD CONSTRAINT sale_order_line_product_id_fkey FOREIGN KEY (product_id) REFERENCES public.product_product(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.sale_order_line
    ADD CONSTRAINT sale_order_line_product_uom_fkey FOREIGN KEY (product_uom) REFERENCES public.uom_uom(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.sale_order_line
    ADD CONSTRAINT sale_order_line_salesman_id_fkey FOREIGN KEY (salesman_id) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.sale_order_line
    ADD CONSTRAINT sale_order_line_currency_id_fkey FOREIGN KEY (currency_id) REFERENCES public.res_currency(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.sale_order_line
    ADD CONSTRAINT sale_order_line_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.sale_order_line
    ADD CONSTRAINT sale_order_line_order_partner_id_fkey FOREIGN KEY (order_partner_id) REFERENCES public.res_partner(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.sale_order_line
    ADD CONSTRAINT sale_order_line_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.sale_order_line
    ADD CONSTRAINT sale_order_line_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.sale_order_line_invoice_rel
    ADD CONSTRAINT sale_order_line_invoice_rel_invoice_line_id_fkey FOREIGN KEY (invoice_line_id) REFERENCES public.account_move_line(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.sale_order_line_invoice_rel
    ADD CONSTRAINT sale_order_line_invoice_rel_order_line_id_fkey FOREIGN KEY (order_line_id) REFERENCES public.sale_order_line(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.sale_order_transaction_rel
    ADD CONSTRAINT sale_order_transaction_rel_sale_order_id_fkey FOREIGN KEY (sale_order_id) REFERENCES public.sale_order(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.sale_order_transaction_rel
    ADD CONSTRAINT sale_order_transaction_rel_transaction_id_fkey FOREIGN KEY (transaction_id) REFERENCES public.payment_transaction(id) ON DELETE CASCADE;
