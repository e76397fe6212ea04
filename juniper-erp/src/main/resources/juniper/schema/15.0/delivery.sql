-- Juniper 15.0, module delivery (Delivery Costs): what installing it adds to a fresh database, tables and standard data.
-- Laid out as pg_dump does (tables, data, sequence positions, keys, indexes, foreign keys) so that the
-- sample generator can copy it into a dump; README.md lists the conventions.

CREATE TABLE public.delivery_carrier (
    id serial NOT NULL,
    name character varying NOT NULL,
    active boolean,
    sequence integer,
    delivery_type character varying NOT NULL,
    integration_level character varying,
    prod_environment boolean,
    debug_logging boolean,
    company_id integer,
    product_id integer NOT NULL,
    invoice_policy character varying NOT NULL,
    margin double precision,
    free_over boolean,
    amount numeric,
    fixed_price numeric,
    carrier_description text,
    fedex_developer_key character varying,
    fedex_developer_password character varying,
    fedex_account_number character varying,
    fedex_meter_number character varying,
    ups_username character varying,
    ups_passwd character varying,
    ups_shipper_number character varying,
    ups_access_number character varying,
    dhl_site_id character varying,
    dhl_password character varying,
    dhl_account_number character varying,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

INSERT INTO public.ir_module_module (id, name, shortdesc, summary, author, website, latest_version, published_version, sequence, auto_install, state, demo, license, application, icon, to_buy, create_uid, create_date, write_uid, write_date) VALUES
    (12, 'delivery', 'Delivery Costs', 'Send your shippings through a carrier and compute costs', 'Juniper S.A.', 'https://www.juniper.example', '15.0.1.0', NULL, 100, false, 'installed', false, 'LGPL-3', false, '/delivery/static/description/icon.png', false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_model_data (id, noupdate, name, module, model, res_id, create_uid, create_date, write_uid, write_date) VALUES
    (139, true, 'module_delivery', 'base', 'ir.module.module', 12, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (140, false, 'product_product_delivery_product_template', 'delivery', 'product.template', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (141, false, 'product_product_delivery', 'delivery', 'product.product', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (142, false, 'free_delivery_carrier', 'delivery', 'delivery.carrier', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (143, false, 'view_delivery_carrier_form', 'delivery', 'ir.ui.view', 14, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_module_module_dependency (id, name, module_id, auto_install_required, create_uid, create_date, write_uid, write_date) VALUES
    (11, 'sale', 12, true, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (12, 'stock', 12, true, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.product_template (id, name, sequence, description, description_purchase, description_sale, type, categ_id, list_price, volume, weight, sale_ok, purchase_ok, uom_id, uom_po_id, company_id, active, color, default_code, can_image_1024_be_zoomed, tracking, sale_delay, invoice_policy, purchase_method, create_uid, create_date, write_uid, write_date) VALUES
    (1, 'Free delivery charges', 1, NULL, NULL, NULL, 'service', 1, 0, 0, 0, false, false, 1, 1, NULL, true, 0, 'Delivery_007', false, 'none', 0, 'order', 'purchase', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.product_product (id, default_code, active, product_tmpl_id, barcode, combination_indices, volume, weight, can_image_variant_1024_be_zoomed, create_uid, create_date, write_uid, write_date) VALUES
    (1, 'Delivery_007', true, 1, NULL, '', 0, 0, false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.delivery_carrier (id, name, active, sequence, delivery_type, integration_level, prod_environment, debug_logging, company_id, product_id, invoice_policy, margin, free_over, amount, fixed_price, carrier_description, fedex_developer_key, fedex_developer_password, fedex_account_number, fedex_meter_number, ups_username, ups_passwd, ups_shipper_number, ups_access_number, dhl_site_id, dhl_password, dhl_account_number, create_uid, create_date, write_uid, write_date) VALUES
    (1, 'Free delivery charges', true, 10, 'fixed', 'rate', false, false, NULL, 1, 'estimated', 0, false, 1000, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_ui_view (id, name, model, key, priority, type, arch_db, arch_fs, arch_updated, arch_prev, inherit_id, field_parent, mode, active, customize_show, create_uid, create_date, write_uid, write_date) VALUES
    (14, 'delivery.carrier.form', 'delivery.carrier', NULL, 16, 'form', '<?xml version="1.0"?>
<form string="Carrier">
    <sheet>
        <h1><field name="name"/></h1>
        <group>
            <field name="delivery_type"/>
            <field name="prod_environment"/>
            <field name="product_id"/>
        </group>
    </sheet>
</form>
', 'delivery/views/view_delivery_carrier_form.xml', false, NULL, NULL, NULL, 'primary', true, false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

SELECT pg_catalog.setval('public.ir_module_module_id_seq', 12, true);
SELECT pg_catalog.setval('public.ir_model_data_id_seq', 144, true);
SELECT pg_catalog.setval('public.ir_module_module_dependency_id_seq', 12, true);
SELECT pg_catalog.setval('public.product_template_id_seq', 1, true);
SELECT pg_catalog.setval('public.product_product_id_seq', 1, true);
SELECT pg_catalog.setval('public.delivery_carrier_id_seq', 1, true);
SELECT pg_catalog.setval('public.ir_ui_view_id_seq', 14, true);

ALTER TABLE ONLY public.delivery_carrier
    ADD CONSTRAINT delivery_carrier_pkey PRIMARY KEY (id);


ALTER TABLE ONLY public.delivery_carrier
    ADD CONSTRAINT delivery_carrier_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.delivery_carrier
    ADD CONSTRAINT delivery_carrier_product_id_fkey FOREIGN KEY (product_id) REFERENCES public.product_product(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.delivery_carrier
    ADD CONSTRAINT delivery_carrier_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.delivery_carrier
    ADD CONSTRAINT delivery_carrier_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;
