-- Juniper 18.0, module payment (Payment Engine): what installing it adds to a fresh database, tables and standard data.
-- Laid out as pg_dump does (tables, data, sequence positions, keys, indexes, foreign keys) so that the
-- sample generator can copy it into a dump; README.md lists the conventions.

CREATE TABLE public.payment_provider (
    id serial NOT NULL,
    name jsonb NOT NULL,
    display_as jsonb,
    description jsonb,
    sequence integer,
    code character varying NOT NULL,
    company_id integer NOT NULL,
    state character varying NOT NULL,
    capture_manually boolean,
    journal_id integer,
    check_validity boolean,
    pre_msg jsonb,
    pending_msg jsonb,
    done_msg jsonb,
    cancel_msg jsonb,
    fees_active boolean,
    module_id integer,
    stripe_publishable_key character varying,
    stripe_secret_key character varying,
    stripe_webhook_secret character varying,
    paypal_email_account character varying,
    paypal_seller_account character varying,
    paypal_pdt_token character varying,
    adyen_merchant_account character varying,
    adyen_skin_code character varying,
    adyen_skin_hmac_key character varying,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.payment_token (
    id serial NOT NULL,
    name character varying,
    partner_id integer NOT NULL,
    provider_id integer NOT NULL,
    company_id integer,
    provider_ref character varying NOT NULL,
    active boolean,
    verified boolean,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.payment_transaction (
    id serial NOT NULL,
    last_state_change timestamp without time zone,
    provider_id integer NOT NULL,
    operation character varying,
    state character varying NOT NULL,
    state_message text,
    amount numeric NOT NULL,
    fees numeric,
    currency_id integer NOT NULL,
    reference character varying NOT NULL,
    provider_reference character varying,
    partner_country_id integer,
    payment_token_id integer,
    partner_id integer,
    partner_name character varying,
    partner_lang character varying,
    partner_email character varying,
    partner_zip character varying,
    partner_city character varying,
    partner_phone character varying,
    is_post_processed boolean,
    landing_route character varying,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

INSERT INTO public.ir_module_module (id, name, shortdesc, summary, author, website, latest_version, published_version, sequence, auto_install, state, demo, license, application, icon, to_buy, create_uid, create_date, write_uid, write_date) VALUES
    (9, 'payment', '{"en_US": "Payment Engine"}', '{"en_US": "The payment engine used by payment provider modules"}', 'Juniper S.A.', 'https://www.juniper.example', '18.0.1.0', NULL, 100, false, 'installed', false, 'LGPL-3', false, '/payment/static/description/icon.png', false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_model_data (id, noupdate, name, module, model, res_id, create_uid, create_date, write_uid, write_date) VALUES
    (122, true, 'module_payment', 'base', 'ir.module.module', 9, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (123, false, 'payment_provider_transfer', 'payment', 'payment.provider', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (124, false, 'payment_provider_stripe', 'payment', 'payment.provider', 2, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (125, false, 'payment_provider_paypal', 'payment', 'payment.provider', 3, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (126, false, 'payment_provider_adyen', 'payment', 'payment.provider', 4, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (127, false, 'cron_post_process_payment_tx_ir_actions_server', 'payment', 'ir.actions.server', 9, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (128, false, 'cron_post_process_payment_tx', 'payment', 'ir.cron', 9, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_module_module_dependency (id, name, module_id, auto_install_required, create_uid, create_date, write_uid, write_date) VALUES
    (8, 'account', 9, true, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.payment_provider (id, name, display_as, description, sequence, code, company_id, state, capture_manually, journal_id, check_validity, pre_msg, pending_msg, done_msg, cancel_msg, fees_active, module_id, stripe_publishable_key, stripe_secret_key, stripe_webhook_secret, paypal_email_account, paypal_seller_account, paypal_pdt_token, adyen_merchant_account, adyen_skin_code, adyen_skin_hmac_key, create_uid, create_date, write_uid, write_date) VALUES
    (1, '{"en_US": "Wire Transfer"}', NULL, '{"en_US": "<p>Pay with Wire Transfer</p>"}', 10, 'transfer', 1, 'enabled', false, NULL, false, NULL, '{"en_US": "<i>Pending,</i> Your online payment has been successfully processed."}', '{"en_US": "<i>Done,</i> Your online payment has been successfully processed. Thank you for your order."}', '{"en_US": "<i>Cancel,</i> Your payment has been cancelled."}', false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (2, '{"en_US": "Stripe"}', NULL, '{"en_US": "<p>Pay with Stripe</p>"}', 10, 'stripe', 1, 'disabled', false, NULL, false, NULL, '{"en_US": "<i>Pending,</i> Your online payment has been successfully processed."}', '{"en_US": "<i>Done,</i> Your online payment has been successfully processed. Thank you for your order."}', '{"en_US": "<i>Cancel,</i> Your payment has been cancelled."}', false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (3, '{"en_US": "PayPal"}', NULL, '{"en_US": "<p>Pay with PayPal</p>"}', 10, 'paypal', 1, 'disabled', false, NULL, false, NULL, '{"en_US": "<i>Pending,</i> Your online payment has been successfully processed."}', '{"en_US": "<i>Done,</i> Your online payment has been successfully processed. Thank you for your order."}', '{"en_US": "<i>Cancel,</i> Your payment has been cancelled."}', false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (4, '{"en_US": "Adyen"}', NULL, '{"en_US": "<p>Pay with Adyen</p>"}', 10, 'adyen', 1, 'disabled', false, NULL, false, NULL, '{"en_US": "<i>Pending,</i> Your online payment has been successfully processed."}', '{"en_US": "<i>Done,</i> Your online payment has been successfully processed. Thank you for your order."}', '{"en_US": "<i>Cancel,</i> Your payment has been cancelled."}', false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_act_server (id, name, type, binding_type, usage, state, sequence, model_name, code, activity_user_type, create_uid, create_date, write_uid, write_date) VALUES
    (9, '{"en_US": "payment: post-process transactions"}', 'ir.actions.server', 'action', 'ir_cron', 'code', 5, 'payment.transaction', 'model._cron_post_process_after_done()', 'specific', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_cron (id, ir_actions_server_id, cron_name, user_id, active, interval_number, interval_type, numbercall, doall, nextcall, lastcall, priority, create_uid, create_date, write_uid, write_date) VALUES
    (9, 9, 'payment: post-process transactions', 1, true, 10, 'minutes', -1, false, '2021-03-16 03:00:00', NULL, 5, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

SELECT pg_catalog.setval('public.ir_module_module_id_seq', 9, true);
SELECT pg_catalog.setval('public.ir_model_data_id_seq', 147, true);
SELECT pg_catalog.setval('public.ir_module_module_dependency_id_seq', 8, true);
SELECT pg_catalog.setval('public.payment_provider_id_seq', 4, true);
SELECT pg_catalog.setval('public.ir_act_server_id_seq', 9, true);
SELECT pg_catalog.setval('public.ir_cron_id_seq', 9, true);

ALTER TABLE ONLY public.payment_provider
    ADD CONSTRAINT payment_provider_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.payment_token
    ADD CONSTRAINT payment_token_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.payment_transaction
    ADD CONSTRAINT payment_transaction_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.payment_transaction
    ADD CONSTRAINT payment_transaction_reference_uniq UNIQUE (reference);


ALTER TABLE ONLY public.payment_provider
    ADD CONSTRAINT payment_provider_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.payment_provider
    ADD CONSTRAINT payment_provider_journal_id_fkey FOREIGN KEY (journal_id) REFERENCES public.account_journal(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.payment_provider
    ADD CONSTRAINT payment_provider_module_id_fkey FOREIGN KEY (module_id) REFERENCES public.ir_module_module(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.payment_provider
    ADD CONSTRAINT payment_provider_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.payment_provider
    ADD CONSTRAINT payment_provider_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.payment_token
    ADD CONSTRAINT payment_token_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES public.res_partner(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.payment_token
    ADD CONSTRAINT payment_token_provider_id_fkey FOREIGN KEY (provider_id) REFERENCES public.payment_provider(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.payment_token
    ADD CONSTRAINT payment_token_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.payment_token
    ADD CONSTRAINT payment_token_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.payment_token
    ADD CONSTRAINT payment_token_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.payment_transaction
    ADD CONSTRAINT payment_transaction_provider_id_fkey FOREIGN KEY (provider_id) REFERENCES public.payment_provider(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.payment_transaction
    ADD CONSTRAINT payment_transaction_currency_id_fkey FOREIGN KEY (currency_id) REFERENCES public.res_currency(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.payment_transaction
    ADD CONSTRAINT payment_transaction_partner_country_id_fkey FOREIGN KEY (partner_country_id) REFERENCES public.res_country(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.payment_transaction
    ADD CONSTRAINT payment_transaction_payment_token_id_fkey FOREIGN KEY (payment_token_id) REFERENCES public.payment_token(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.payment_transaction
    ADD CONSTRAINT payment_transaction_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES public.res_partner(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.payment_transaction
    ADD CONSTRAINT payment_transaction_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.payment_transaction
    ADD CONSTRAINT payment_transaction_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;
