-- Juniper 18.0, module purchase (Purchase): what installing it adds to a fresh database, tables and standard data.
-- Laid out as pg_dump does (tables, data, sequence positions, keys, indexes, foreign keys) so that the
-- sample generator can copy it into a dump; README.md lists the conventions.

CREATE TABLE public.purchase_order (
    id serial NOT NULL,
    name character varying NOT NULL,
    origin character varying,
    partner_ref character varying,
    date_order timestamp without time zone NOT NULL,
    date_approve timestamp without time zone,
    partner_id integer NOT NULL,
    dest_address_id integer,
    currency_id integer NOT NULL,
    state character varying,
    notes text,
    invoice_count integer,
    invoice_status character varying,
    date_planned timestamp without time zone,
    amount_untaxed numeric,
    amount_tax numeric,
    amount_total numeric,
    user_id integer,
    company_id integer NOT NULL,
    currency_rate numeric,
    mail_reminder_confirmed boolean,
    mail_reception_confirmed boolean,
    access_token character varying,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.purchase_order_line (
    id serial NOT NULL,
    name text NOT NULL,
    sequence integer,
    product_qty numeric NOT NULL,
    product_uom_qty numeric,
    date_planned timestamp without time zone,
    product_uom integer,
    product_id integer,
    price_unit numeric NOT NULL,
    price_subtotal numeric,
    price_total numeric,
    price_tax double precision,
    order_id integer NOT NULL,
    company_id integer,
    state character varying,
    qty_invoiced numeric,
    qty_received_method character varying,
    qty_received numeric,
    qty_received_manual numeric,
    qty_to_invoice numeric,
    partner_id integer,
    currency_id integer,
    product_packaging_qty double precision,
    display_type character varying,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone,
    CONSTRAINT purchase_order_line_accountable_required_fields CHECK (((display_type IS NOT NULL) OR ((product_id IS NOT NULL) AND (product_uom IS NOT NULL) AND (date_planned IS NOT NULL))))
);

CREATE TABLE public.account_move_purchase_order_rel (
    purchase_order_id integer NOT NULL,
    account_move_id integer NOT NULL
);

INSERT INTO public.ir_module_module (id, name, shortdesc, summary, author, website, latest_version, published_version, sequence, auto_install, state, demo, license, application, icon, to_buy, create_uid, create_date, write_uid, write_date) VALUES
    (10, 'purchase', '{"en_US": "Purchase"}', '{"en_US": "Purchase orders, tenders and agreements"}', 'Juniper S.A.', 'https://www.juniper.example', '18.0.1.2', NULL, 100, false, 'installed', false, 'LGPL-3', true, '/purchase/static/description/icon.png', false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_model_data (id, noupdate, name, module, model, res_id, create_uid, create_date, write_uid, write_date) VALUES
    (129, true, 'module_purchase', 'base', 'ir.module.module', 10, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (130, false, 'purchase_send_reminder_mail_ir_actions_server', 'purchase', 'ir.actions.server', 10, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (131, false, 'purchase_send_reminder_mail', 'purchase', 'ir.cron', 10, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (132, false, 'email_template_edi_purchase', 'purchase', 'mail.template', 4, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (133, false, 'purchase_order_form', 'purchase', 'ir.ui.view', 12, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_module_module_dependency (id, name, module_id, auto_install_required, create_uid, create_date, write_uid, write_date) VALUES
    (9, 'account', 10, true, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_act_server (id, name, type, binding_type, usage, state, sequence, model_name, code, activity_user_type, create_uid, create_date, write_uid, write_date) VALUES
    (10, '{"en_US": "Purchase reminder"}', 'ir.actions.server', 'action', 'ir_cron', 'code', 5, 'purchase.order', 'model._send_reminder_mail()', 'specific', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_cron (id, ir_actions_server_id, cron_name, user_id, active, interval_number, interval_type, numbercall, doall, nextcall, lastcall, priority, create_uid, create_date, write_uid, write_date) VALUES
    (10, 10, 'Purchase reminder', 1, true, 1, 'days', -1, false, '2021-03-16 03:00:00', NULL, 5, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.mail_template (id, name, model, subject, email_from, use_default_to, email_to, partner_to, email_cc, reply_to, lang, body_html, mail_server_id, scheduled_date, auto_delete, report_name, create_uid, create_date, write_uid, write_date) VALUES
    (4, '{"en_US": "Purchase Order: Send RFQ"}', 'purchase.order', '{"en_US": "{{ object.company_id.name }} Order (Ref {{ object.name or ''n/a'' }})"}', '{{ (object.user_id.email_formatted or user.email_formatted) }}', false, NULL, '{{ object.partner_id.id }}', NULL, NULL, '{{ object.partner_id.lang }}', '{"en_US": "<div style=\"margin: 0px; padding: 0px;\">\n    <p style=\"margin: 0px; padding: 0px; font-size: 13px;\">\n        Dear <t t-out=\"object.partner_id.name\"/>\n        <t t-if=\"object.partner_id.parent_id\">\n            (<t t-out=\"object.partner_id.parent_id.name\"/>)\n        </t>\n        <br/><br/>\n        Here is your request for quotation <strong><t t-out=\"object.name\"/></strong>\n        amounting in <strong><t t-out=\"format_amount(object.amount_total, object.currency_id)\"/></strong>\n        from <t t-out=\"object.company_id.name\"/>.\n        <br/><br/>\n        Do not hesitate to contact us if you have any questions.\n        <t t-if=\"object.user_id and object.user_id.signature\">\n            <br/><t t-out=\"object.user_id.signature\"/>\n        </t>\n    </p>\n</div>\n"}', NULL, NULL, true, 'purchase.report_purchasequotation', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_ui_view (id, name, model, key, priority, type, arch_db, arch_fs, arch_updated, arch_prev, inherit_id, field_parent, mode, active, customize_show, create_uid, create_date, write_uid, write_date) VALUES
    (12, 'purchase.order.form', 'purchase.order', NULL, 16, 'form', '{"en_US": "<?xml version=\"1.0\"?>\n<form string=\"Purchase Order\">\n    <sheet>\n        <h1><field name=\"name\"/></h1>\n        <group>\n            <field name=\"partner_id\"/>\n            <field name=\"partner_ref\"/>\n            <field name=\"date_order\"/>\n        </group>\n        <field name=\"order_line\"/>\n    </sheet>\n</form>\n"}', 'purchase/views/purchase_order_form.xml', false, NULL, NULL, NULL, 'primary', true, false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

SELECT pg_catalog.setval('public.ir_module_module_id_seq', 10, true);
SELECT pg_catalog.setval('public.ir_model_data_id_seq', 147, true);
SELECT pg_catalog.setval('public.ir_module_module_dependency_id_seq', 9, true);
SELECT pg_catalog.setval('public.ir_act_server_id_seq', 10, true);
SELECT pg_catalog.setval('public.ir_cron_id_seq', 10, true);
SELECT pg_catalog.setval('public.mail_template_id_seq', 4, true);
SELECT pg_catalog.setval('public.ir_ui_view_id_seq', 14, true);

ALTER TABLE ONLY public.purchase_order
    ADD CONSTRAINT purchase_order_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.purchase_order_line
    ADD CONSTRAINT purchase_order_line_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.account_move_purchase_order_rel
    ADD CONSTRAINT account_move_purchase_order_rel_pkey PRIMARY KEY (purchase_order_id, account_move_id);

CREATE INDEX purchase_order_name_index ON public.purchase_order USING btree (name);
CREATE INDEX purchase_order_date_order_index ON public.purchase_order USING btree (date_order);
CREATE INDEX purchase_order_state_index ON public.purchase_order USING btree (state);
CREATE INDEX purchase_order_partner_id_index ON public.purchase_order USING btree (partner_id);
CREATE INDEX purchase_order_date_approve_index ON public.purchase_order USING btree (date_approve);
CREATE INDEX purchase_order_company_id_index ON public.purchase_order USING btree (company_id);
CREATE INDEX purchase_order_line_order_id_index ON public.purchase_order_line USING btree (order_id);
CREATE INDEX purchase_order_line_product_id_index ON public.purchase_order_line USING btree (product_id);
CREATE INDEX purchase_order_line_date_planned_index ON public.purchase_order_line USING btree (date_planned);
CREATE INDEX account_move_purchase_order_rel_account_move_id_index ON public.account_move_purchase_order_rel USING btree (account_move_id);

ALTER TABLE ONLY public.purchase_order
    ADD CONSTRAINT purchase_order_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES public.res_partner(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.purchase_order
    ADD CONSTRAINT purchase_order_dest_address_id_fkey FOREIGN KEY (dest_address_id) REFERENCES public.res_partner(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.purchase_order
    ADD CONSTRAINT purchase_order_currency_id_fkey FOREIGN KEY (currency_id) REFERENCES public.res_currency(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.purchase_order
    ADD CONSTRAINT purchase_order_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.purchase_order
    ADD CONSTRAINT purchase_order_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.purchase_order
    ADD CONSTRAINT purchase_order_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.purchase_order
    ADD CONSTRAINT purchase_order_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.purchase_order_line
    ADD CONSTRAINT purchase_order_line_product_uom_fkey FOREIGN KEY (product_uom) REFERENCES public.uom_uom(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.purchase_order_line
    ADD CONSTRAINT purchase_order_line_product_id_fkey FOREIGN KEY (product_id) REFERENCES public.product_product(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.purchase_order_line
    ADD CONSTRAINT purchase_order_line_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.purchase_order(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.purchase_order_line
    ADD CONSTRAINT purchase_order_line_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.purchase_order_line
    ADD CONSTRAINT purchase_order_line_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES public.res_partner(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.purchase_order_line
    ADD CONSTRAINT purchase_order_line_currency_id_fkey FOREIGN KEY (currency_id) REFERENCES public.res_currency(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.purchase_order_line
    ADD CONSTRAINT purchase_order_line_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.purchase_order_line
    ADD CONSTRAINT purchase_order_line_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.account_move_purchase_order_rel
    ADD CONSTRAINT account_move_purchase_order_rel_purchase_order_id_fkey FOREIGN KEY (purchase_order_id) REFERENCES public.purchase_order(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.account_move_purchase_order_rel
    ADD CONSTRAINT account_move_purchase_order_rel_account_move_id_fkey FOREIGN KEY (account_move_id) REFERENCES public.account_move(id) ON DELETE CASCADE;
