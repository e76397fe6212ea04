-- Juniper 17.0, module account (Invoicing): what installing it adds to a fresh database, tables and standard data.
-- Laid out as pg_dump does (tables, data, sequence positions, keys, indexes, foreign keys) so that the
-- sample generator can copy it into a dump; README.md lists the conventions.

CREATE TABLE public.account_account_type (
    id serial NOT NULL,
    name character varying NOT NULL,
    include_initial_balance boolean,
    type character varying NOT NULL,
    internal_group character varying,
    note text,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.account_account (
    id serial NOT NULL,
    name character varying NOT NULL,
    currency_id integer,
    code character varying(64) NOT NULL,
    deprecated boolean,
    user_type_id integer NOT NULL,
    internal_type character varying,
    internal_group character varying,
    reconcile boolean,
    note text,
    company_id integer NOT NULL,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.account_journal (
    id serial NOT NULL,
    name character varying NOT NULL,
    code character varying(5) NOT NULL,
    active boolean,
    type character varying NOT NULL,
    default_account_id integer,
    sequence integer,
    currency_id integer,
    company_id integer NOT NULL,
    bank_statements_source character varying,
    invoice_reference_type character varying NOT NULL,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.account_tax (
    id serial NOT NULL,
    name jsonb NOT NULL,
    type_tax_use character varying NOT NULL,
    amount_type character varying NOT NULL,
    active boolean,
    company_id integer NOT NULL,
    sequence integer NOT NULL,
    amount numeric NOT NULL,
    description jsonb,
    price_include boolean,
    include_base_amount boolean,
    tax_exigibility character varying,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.account_move (
    id serial NOT NULL,
    name character varying NOT NULL,
    date date NOT NULL,
    ref character varying,
    narration text,
    state character varying NOT NULL,
    posted_before boolean,
    move_type character varying NOT NULL,
    journal_id integer NOT NULL,
    company_id integer,
    currency_id integer NOT NULL,
    partner_id integer,
    commercial_partner_id integer,
    amount_untaxed numeric,
    amount_tax numeric,
    amount_total numeric,
    amount_residual numeric,
    amount_untaxed_signed numeric,
    amount_tax_signed numeric,
    amount_total_signed numeric,
    amount_residual_signed numeric,
    payment_state character varying,
    invoice_user_id integer,
    invoice_date date,
    invoice_date_due date,
    invoice_origin character varying,
    payment_reference character varying,
    sequence_prefix character varying,
    sequence_number integer,
    access_token character varying,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.account_move_line (
    id serial NOT NULL,
    move_id integer NOT NULL,
    move_name character varying,
    date date,
    ref character varying,
    parent_state character varying,
    journal_id integer,
    company_id integer,
    company_currency_id integer,
    account_id integer,
    account_internal_type character varying,
    sequence integer,
    name character varying,
    quantity numeric,
    price_unit numeric,
    discount numeric,
    debit numeric,
    credit numeric,
    balance numeric,
    amount_currency numeric,
    price_subtotal numeric,
    price_total numeric,
    reconciled boolean,
    blocked boolean,
    date_maturity date,
    currency_id integer NOT NULL,
    partner_id integer,
    product_uom_id integer,
    product_id integer,
    tax_line_id integer,
    tax_base_amount numeric,
    exclude_from_invoice_tab boolean,
    amount_residual numeric,
    amount_residual_currency numeric,
    display_type character varying,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone,
    CONSTRAINT account_move_line_check_credit_debit CHECK (((credit * debit) = (0)::numeric)),
    CONSTRAINT account_move_line_check_accountable_required_fields CHECK ((COALESCE((display_type)::text = ANY ((ARRAY['line_section'::character varying, 'line_note'::character varying])::text[]), false) OR (account_id IS NOT NULL)))
);

CREATE TABLE public.account_move_line_account_tax_rel (
    account_move_line_id integer NOT NULL,
    account_tax_id integer NOT NULL
);

INSERT INTO public.ir_module_module (id, name, shortdesc, summary, author, website, latest_version, published_version, sequence, auto_install, state, demo, license, application, icon, to_buy, create_uid, create_date, write_uid, write_date) VALUES
    (6, 'account', '{"en_US": "Invoicing"}', '{"en_US": "Invoices & Payments"}', 'Juniper S.A.', 'https://www.juniper.example', '17.0.1.1', NULL, 100, false, 'installed', false, 'LGPL-3', true, '/account/static/description/icon.png', false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_model_data (id, noupdate, name, module, model, res_id, create_uid, create_date, write_uid, write_date) VALUES
    (70, true, 'module_account', 'base', 'ir.module.module', 6, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (71, false, 'data_account_type_receivable', 'account', 'account.account.type', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (72, false, 'data_account_type_payable', 'account', 'account.account.type', 2, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (73, false, 'data_account_type_liquidity', 'account', 'account.account.type', 3, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (74, false, 'data_account_type_current_assets', 'account', 'account.account.type', 4, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (75, false, 'data_account_type_current_liabilities', 'account', 'account.account.type', 5, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (76, false, 'data_account_type_revenue', 'account', 'account.account.type', 6, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (77, false, 'data_account_type_expenses', 'account', 'account.account.type', 7, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (78, false, 'data_account_type_equity', 'account', 'account.account.type', 8, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (79, false, '1_account_121000', 'account', 'account.account', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (80, false, '1_account_211000', 'account', 'account.account', 2, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (81, false, '1_account_101401', 'account', 'account.account', 3, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (82, false, '1_account_101501', 'account', 'account.account', 4, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (83, false, '1_account_101402', 'account', 'account.account', 5, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (84, false, '1_account_131000', 'account', 'account.account', 6, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (85, false, '1_account_110100', 'account', 'account.account', 7, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (86, false, '1_account_251000', 'account', 'account.account', 8, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (87, false, '1_account_400000', 'account', 'account.account', 9, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (88, false, '1_account_600000', 'account', 'account.account', 10, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (89, false, '1_account_999999', 'account', 'account.account', 11, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (90, false, '1_sale', 'account', 'account.journal', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (91, false, '1_purchase', 'account', 'account.journal', 2, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (92, false, '1_general', 'account', 'account.journal', 3, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (93, false, '1_bank', 'account', 'account.journal', 4, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (94, false, '1_cash', 'account', 'account.journal', 5, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (95, false, '1_tax_sale_15', 'account', 'account.tax', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (96, false, '1_tax_purchase_15', 'account', 'account.tax', 2, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (97, false, 'ir_cron_auto_post_draft_entry_ir_actions_server', 'account', 'ir.actions.server', 6, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (98, false, 'ir_cron_auto_post_draft_entry', 'account', 'ir.cron', 6, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (99, false, 'email_template_edi_invoice', 'account', 'mail.template', 2, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (100, false, 'view_move_form', 'account', 'ir.ui.view', 10, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_module_module_dependency (id, name, module_id, auto_install_required, create_uid, create_date, write_uid, write_date) VALUES
    (5, 'product', 6, true, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.account_account_type (id, name, include_initial_balance, type, internal_group, note, create_uid, create_date, write_uid, write_date) VALUES
    (1, 'Receivable', true, 'receivable', 'asset', NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (2, 'Payable', true, 'payable', 'liability', NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (3, 'Bank and Cash', true, 'liquidity', 'asset', NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (4, 'Current Assets', true, 'other', 'asset', NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (5, 'Current Liabilities', true, 'other', 'liability', NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (6, 'Income', false, 'other', 'income', NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (7, 'Expenses', false, 'other', 'expense', NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (8, 'Equity', true, 'equity', 'equity', NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.account_account (id, name, currency_id, code, deprecated, user_type_id, internal_type, internal_group, reconcile, note, company_id, create_uid, create_date, write_uid, write_date) VALUES
    (1, 'Account Receivable', NULL, '121000', false, 1, 'receivable', 'asset', true, NULL, 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (2, 'Account Payable', NULL, '211000', false, 2, 'payable', 'liability', true, NULL, 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (3, 'Bank', NULL, '101401', false, 3, 'liquidity', 'asset', false, NULL, 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (4, 'Cash', NULL, '101501', false, 3, 'liquidity', 'asset', false, NULL, 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (5, 'Bank Suspense Account', NULL, '101402', false, 4, 'other', 'asset', false, NULL, 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (6, 'Tax Paid', NULL, '131000', false, 4, 'other', 'asset', false, NULL, 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (7, 'Stock Valuation', NULL, '110100', false, 4, 'other', 'asset', false, NULL, 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (8, 'Tax Received', NULL, '251000', false, 5, 'other', 'liability', false, NULL, 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (9, 'Product Sales', NULL, '400000', false, 6, 'other', 'income', false, NULL, 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (10, 'Expenses', NULL, '600000', false, 7, 'other', 'expense', false, NULL, 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (11, 'Undistributed Profits/Losses', NULL, '999999', false, 8, 'equity', 'equity', false, NULL, 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.account_journal (id, name, code, active, type, default_account_id, sequence, currency_id, company_id, bank_statements_source, invoice_reference_type, create_uid, create_date, write_uid, write_date) VALUES
    (1, 'Customer Invoices', 'INV', true, 'sale', 9, 5, NULL, 1, NULL, 'invoice', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (2, 'Vendor Bills', 'BILL', true, 'purchase', 10, 6, NULL, 1, NULL, 'invoice', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (3, 'Miscellaneous Operations', 'MISC', true, 'general', NULL, 9, NULL, 1, NULL, 'invoice', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (4, 'Bank', 'BNK1', true, 'bank', 3, 10, NULL, 1, 'undefined', 'invoice', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (5, 'Cash', 'CSH1', true, 'cash', 4, 11, NULL, 1, NULL, 'invoice', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.account_tax (id, name, type_tax_use, amount_type, active, company_id, sequence, amount, description, price_include, include_base_amount, tax_exigibility, create_uid, create_date, write_uid, write_date) VALUES
    (1, '{"en_US": "Tax 15.00%"}', 'sale', 'percent', true, 1, 1, 15, '{"en_US": "15%"}', false, false, 'on_invoice', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (2, '{"en_US": "Tax 15.00%"}', 'purchase', 'percent', true, 1, 1, 15, '{"en_US": "15%"}', false, false, 'on_invoice', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_act_server (id, name, type, binding_type, usage, state, sequence, model_name, code, activity_user_type, create_uid, create_date, write_uid, write_date) VALUES
    (6, '{"en_US": "Account: Post draft entries with auto_post set to True up to today"}', 'ir.actions.server', 'action', 'ir_cron', 'code', 5, 'account.move', 'model._autopost_draft_entries()', 'specific', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_cron (id, ir_actions_server_id, cron_name, user_id, active, interval_number, interval_type, numbercall, doall, nextcall, lastcall, priority, create_uid, create_date, write_uid, write_date) VALUES
    (6, 6, 'Account: Post draft entries with auto_post set to True up to today', 1, true, 1, 'days', -1, false, '2021-03-16 03:00:00', NULL, 5, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.mail_template (id, name, model, subject, email_from, use_default_to, email_to, partner_to, email_cc, reply_to, lang, body_html, mail_server_id, scheduled_date, auto_delete, report_name, create_uid, create_date, write_uid, write_date) VALUES
    (2, '{"en_US": "Invoice: Send by email"}', 'account.move', '{"en_US": "{{ object.company_id.name }} Invoice (Ref {{ object.name or ''n/a'' }})"}', '{{ (object.user_id.email_formatted or user.email_formatted) }}', false, NULL, '{{ object.partner_id.id }}', NULL, NULL, '{{ object.partner_id.lang }}', '{"en_US": "<div style=\"margin: 0px; padding: 0px;\">\n    <p style=\"margin: 0px; padding: 0px; font-size: 13px;\">\n        Dear <t t-out=\"object.partner_id.name\"/>\n        <t t-if=\"object.partner_id.parent_id\">\n            (<t t-out=\"object.partner_id.parent_id.name\"/>)\n        </t>\n        <br/><br/>\n        Here is your invoice <strong><t t-out=\"object.name\"/></strong>\n        amounting in <strong><t t-out=\"format_amount(object.amount_total, object.currency_id)\"/></strong>\n        from <t t-out=\"object.company_id.name\"/>.\n        <br/><br/>\n        Do not hesitate to contact us if you have any questions.\n        <t t-if=\"object.user_id and object.user_id.signature\">\n            <br/><t t-out=\"object.user_id.signature\"/>\n        </t>\n    </p>\n</div>\n"}', NULL, NULL, true, 'account.report_invoice_with_payments', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_ui_view (id, name, model, key, priority, type, arch_db, arch_fs, arch_updated, arch_prev, inherit_id, field_parent, mode, active, customize_show, create_uid, create_date, write_uid, write_date) VALUES
    (10, 'account.move.form', 'account.move', NULL, 16, 'form', '{"en_US": "<?xml version=\"1.0\"?>\n<form string=\"Account Entry\">\n    <sheet>\n        <h1><field name=\"name\"/></h1>\n        <group>\n            <field name=\"partner_id\"/>\n            <field name=\"invoice_date\"/>\n            <field name=\"journal_id\"/>\n        </group>\n        <field name=\"invoice_line_ids\"/>\n    </sheet>\n</form>\n"}', 'account/views/view_move_form.xml', false, NULL, NULL, NULL, 'primary', true, false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

SELECT pg_catalog.setval('public.ir_module_module_id_seq', 6, true);
SELECT pg_catalog.setval('public.ir_model_data_id_seq', 146, true);
SELECT pg_catalog.setval('public.ir_module_module_dependency_id_seq', 5, true);
SELECT pg_catalog.setval('public.account_account_type_id_seq', 8, true);
SELECT pg_catalog.setval('public.account_account_id_seq', 11, true);
SELECT pg_catalog.setval('public.account_journal_id_seq', 5, true);
SELECT pg_catalog.setval('public.account_tax_id_seq', 2, true);
SELECT pg_catalog.setval('public.ir_act_server_id_seq', 6, true);
SELECT pg_catalog.setval('public.ir_cron_id_seq', 6, true);
SELECT pg_catalog.setval('public.mail_template_id_seq', 2, true);
SELECT pg_catalog.setval('public.ir_ui_view_id_seq', 10, true);

ALTER TABLE ONLY public.account_account_type
    ADD CONSTRAINT account_account_type_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.account_account
    ADD CONSTRAINT account_account_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.account_account
    ADD CONSTRAINT account_account_code_company_uniq UNIQUE (code, company_id);

ALTER TABLE ONLY public.account_journal
    ADD CONSTRAINT account_journal_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.account_journal
    ADD CONSTRAINT account_journal_code_company_uniq UNIQUE (code, name, company_id);

ALTER TABLE ONLY public.account_tax
    ADD CONSTRAINT account_tax_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.account_tax
    ADD CONSTRAINT account_tax_name_company_uniq UNIQUE (name, company_id, type_tax_use);

ALTER TABLE ONLY public.account_move
    ADD CONSTRAINT account_move_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.account_move_line
    ADD CONSTRAINT account_move_line_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.account_move_line_account_tax_rel
    ADD CONSTRAINT account_move_line_account_tax_rel_pkey PRIMARY KEY (account_move_line_id, account_tax_id);

CREATE INDEX account_account_code_index ON public.account_account USING btree (code);
CREATE INDEX account_move_name_index ON public.account_move USING btree (name);
CREATE INDEX account_move_date_index ON public.account_move USING btree (date);
CREATE INDEX account_move_state_index ON public.account_move USING btree (state);
CREATE INDEX account_move_journal_id_index ON public.account_move USING btree (journal_id);
CREATE INDEX account_move_partner_id_index ON public.account_move USING btree (partner_id);
CREATE INDEX account_move_invoice_date_index ON public.account_move USING btree (invoice_date);
CREATE INDEX account_move_payment_reference_index ON public.account_move USING btree (payment_reference);
CREATE INDEX account_move_line_move_id_index ON public.account_move_line USING btree (move_id);
CREATE INDEX account_move_line_date_index ON public.account_move_line USING btree (date);
CREATE INDEX account_move_line_account_id_index ON public.account_move_line USING btree (account_id);
CREATE INDEX account_move_line_partner_id_index ON public.account_move_line USING btree (partner_id);
CREATE INDEX account_move_line_product_id_index ON public.account_move_line USING btree (product_id);
CREATE INDEX account_move_line_journal_id_index ON public.account_move_line USING btree (journal_id);
CREATE INDEX account_move_line_account_tax_rel_account_tax_id_index ON public.account_move_line_account_tax_rel USING btree (account_tax_id);

ALTER TABLE ONLY public.account_account_type
    ADD CONSTRAINT account_account_type_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.account_account_type
    ADD CONSTRAINT account_account_type_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.account_account
    ADD CONSTRAINT account_account_currency_id_fkey FOREIGN KEY (currency_id) REFERENCES public.res_currency(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.account_account
    ADD CONSTRAINT account_account_user_type_id_fkey FOREIGN KEY (user_type_id) REFERENCES public.account_account_type(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.account_account
    ADD CONSTRAINT account_account_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.account_account
    ADD CONSTRAINT account_account_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.account_account
    ADD CONSTRAINT account_account_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.account_journal
    ADD CONSTRAINT account_journal_default_account_id_fkey FOREIGN KEY (default_account_id) REFERENCES public.account_account(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.account_journal
    ADD CONSTRAINT account_journal_currency_id_fkey FOREIGN KEY (currency_id) REFERENCES public.res_currency(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.account_journal
    ADD CONSTRAINT account_journal_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.account_journal
    ADD CONSTRAINT account_journal_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.account_journal
    ADD CONSTRAINT account_journal_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.account_tax
    ADD CONSTRAINT account_tax_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.account_tax
    ADD CONSTRAINT account_tax_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.account_tax
    ADD CONSTRAINT account_tax_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.account_move
    ADD CONSTRAINT account_move_journal_id_fkey FOREIGN KEY (journal_id) REFERENCES public.account_journal(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.account_move
    ADD CONSTRAINT account_move_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.account_move
    ADD CONSTRAINT account_move_currency_id_fkey FOREIGN KEY (currency_id) REFERENCES public.res_currency(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.account_move
    ADD CONSTRAINT account_move_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES public.res_partner(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.account_move
    ADD CONSTRAINT account_move_commercial_partner_id_fkey FOREIGN KEY (commercial_partner_id) REFERENCES public.res_partner(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.account_move
    ADD CONSTRAINT account_move_invoice_user_id_fkey FOREIGN KEY (invoice_user_id) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.account_move
    ADD CONSTRAINT account_move_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.account_move
    ADD CONSTRAINT account_move_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.account_move_line
    ADD CONSTRAINT account_move_line_move_id_fkey FOREIGN KEY (move_id) REFERENCES public.account_move(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.account_move_line
    ADD CONSTRAINT account_move_line_journal_id_fkey FOREIGN KEY (journal_id) REFERENCES public.account_journal(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.account_move_line
    ADD CONSTRAINT account_move_line_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.account_move_line
    ADD CONSTRAINT account_move_line_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.account_account(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.account_move_line
    ADD CONSTRAINT account_move_line_currency_id_fkey FOREIGN KEY (currency_id) REFERENCES public.res_currency(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.account_move_line
    ADD CONSTRAINT account_move_line_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES public.res_partner(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.account_move_line
    ADD CONSTRAINT account_move_line_product_uom_id_fkey FOREIGN KEY (product_uom_id) REFERENCES public.uom_uom(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.account_move_line
    ADD CONSTRAINT account_move_line_product_id_fkey FOREIGN KEY (product_id) REFERENCES public.product_product(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.account_move_line
    ADD CONSTRAINT account_move_line_tax_line_id_fkey FOREIGN KEY (tax_line_id) REFERENCES public.account_tax(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.account_move_line
    ADD CONSTRAINT account_move_line_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.account_move_line
    ADD CONSTRAINT account_move_line_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.account_move_line_account_tax_rel
    ADD CONSTRAINT account_move_line_account_tax_rel_account_move_line_id_fkey FOREIGN KEY (account_move_line_id) REFERENCES public.account_move_line(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.account_move_line_account_tax_rel
    ADD CONSTRAINT account_move_line_account_tax_rel_account_tax_id_fkey FOREIGN KEY (account_tax_id) REFERENCES public.account_tax(id) ON DELETE CASCADE;
