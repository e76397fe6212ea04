-- Juniper 18.0, module product (Products & Pricelists): what installing it adds to a fresh database, tables and standard data.
-- Laid out as pg_dump does (tables, data, sequence positions, keys, indexes, foreign keys) so that the
-- sample generator can copy it into a dump; README.md lists the conventions.

CREATE TABLE public.uom_category (
    id serial NOT NULL,
    name jsonb NOT NULL,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.uom_uom (
    id serial NOT NULL,
    name jsonb NOT NULL,
    category_id integer NOT NULL,
    factor numeric NOT NULL,
    rounding numeric NOT NULL,
    active boolean,
    uom_type character varying NOT NULL,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone,
    CONSTRAINT uom_uom_factor_gt_zero CHECK ((factor <> (0)::numeric)),
    CONSTRAINT uom_uom_rounding_gt_zero CHECK ((rounding > (0)::numeric))
);

CREATE TABLE public.product_category (
    id serial NOT NULL,
    name character varying NOT NULL,
    complete_name character varying,
    parent_id integer,
    parent_path character varying,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.product_pricelist (
    id serial NOT NULL,
    name jsonb NOT NULL,
    active boolean,
    currency_id integer NOT NULL,
    company_id integer,
    sequence integer,
    discount_policy character varying,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.product_template (
    id serial NOT NULL,
    name jsonb NOT NULL,
    sequence integer,
    description jsonb,
    description_purchase jsonb,
    description_sale jsonb,
    type character varying NOT NULL,
    categ_id integer NOT NULL,
    list_price numeric,
    volume numeric,
    weight numeric,
    sale_ok boolean,
    purchase_ok boolean,
    uom_id integer NOT NULL,
    uom_po_id integer NOT NULL,
    company_id integer,
    active boolean,
    color integer,
    default_code character varying,
    can_image_1024_be_zoomed boolean,
    tracking character varying NOT NULL,
    sale_delay double precision,
    invoice_policy character varying,
    purchase_method character varying,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.product_product (
    id serial NOT NULL,
    default_code character varying,
    active boolean,
    product_tmpl_id integer NOT NULL,
    barcode character varying,
    combination_indices character varying,
    volume numeric,
    weight numeric,
    can_image_variant_1024_be_zoomed boolean,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

INSERT INTO public.ir_module_module (id, name, shortdesc, summary, author, website, latest_version, published_version, sequence, auto_install, state, demo, license, application, icon, to_buy, create_uid, create_date, write_uid, write_date) VALUES
    (4, 'product', '{"en_US": "Products & Pricelists"}', '{"en_US": "Products, variants, units of measure and pricelists"}', 'Juniper S.A.', 'https://www.juniper.example', '18.0.1.2', NULL, 100, false, 'installed', false, 'LGPL-3', false, '/product/static/description/icon.png', false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_model_data (id, noupdate, name, module, model, res_id, create_uid, create_date, write_uid, write_date) VALUES
    (45, true, 'module_product', 'base', 'ir.module.module', 4, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (46, false, 'uom_categ_unit', 'product', 'uom.category', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (47, false, 'uom_categ_weight', 'product', 'uom.category', 2, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (48, false, 'uom_categ_working', 'product', 'uom.category', 3, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (49, false, 'uom_categ_length', 'product', 'uom.category', 4, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (50, false, 'uom_categ_volume', 'product', 'uom.category', 5, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (51, false, 'product_uom_unit', 'product', 'uom.uom', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (52, false, 'product_uom_dozen', 'product', 'uom.uom', 2, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (53, false, 'product_uom_kgm', 'product', 'uom.uom', 3, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (54, false, 'product_uom_gram', 'product', 'uom.uom', 4, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (55, false, 'product_uom_hour', 'product', 'uom.uom', 5, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (56, false, 'product_uom_day', 'product', 'uom.uom', 6, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (57, false, 'product_uom_meter', 'product', 'uom.uom', 7, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (58, false, 'product_uom_litre', 'product', 'uom.uom', 8, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (59, false, 'product_category_all', 'product', 'product.category', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (60, false, 'product_category_1', 'product', 'product.category', 2, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (61, false, 'list0', 'product', 'product.pricelist', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (62, false, 'product_template_form_view', 'product', 'ir.ui.view', 7, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_module_module_dependency (id, name, module_id, auto_install_required, create_uid, create_date, write_uid, write_date) VALUES
    (3, 'mail', 4, true, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.uom_category (id, name, create_uid, create_date, write_uid, write_date) VALUES
    (1, '{"en_US": "Unit"}', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (2, '{"en_US": "Weight"}', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (3, '{"en_US": "Working Time"}', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (4, '{"en_US": "Length / Distance"}', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (5, '{"en_US": "Volume"}', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.uom_uom (id, name, category_id, factor, rounding, active, uom_type, create_uid, create_date, write_uid, write_date) VALUES
    (1, '{"en_US": "Units"}', 1, 1, 0.01, true, 'reference', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (2, '{"en_US": "Dozens"}', 1, 0.08333333333333, 0.01, true, 'bigger', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (3, '{"en_US": "kg"}', 2, 1, 0.01, true, 'reference', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (4, '{"en_US": "g"}', 2, 1000, 0.01, true, 'smaller', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (5, '{"en_US": "Hours"}', 3, 8, 0.01, true, 'smaller', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (6, '{"en_US": "Days"}', 3, 1, 0.01, true, 'reference', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (7, '{"en_US": "m"}', 4, 1, 0.01, true, 'reference', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (8, '{"en_US": "L"}', 5, 1, 0.01, true, 'reference', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.product_category (id, name, complete_name, parent_id, parent_path, create_uid, create_date, write_uid, write_date) VALUES
    (1, 'All', 'All', NULL, '1/', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (2, 'Saleable', 'All / Saleable', 1, '1/2/', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.product_pricelist (id, name, active, currency_id, company_id, sequence, discount_policy, create_uid, create_date, write_uid, write_date) VALUES
    (1, '{"en_US": "Public Pricelist"}', true, 1, NULL, 16, 'with_discount', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_ui_view (id, name, model, key, priority, type, arch_db, arch_fs, arch_updated, arch_prev, inherit_id, field_parent, mode, active, customize_show, create_uid, create_date, write_uid, write_date) VALUES
    (7, 'product.template.common.form', 'product.template', NULL, 16, 'form', '{"en_US": "<?xml version=\"1.0\"?>\n<form string=\"Product\">\n    <sheet>\n        <h1><field name=\"name\"/></h1>\n        <group>\n            <field name=\"type\"/>\n            <field name=\"categ_id\"/>\n            <field name=\"default_code\"/>\n            <field name=\"list_price\" widget=\"monetary\"/>\n            <field name=\"uom_id\"/>\n        </group>\n    </sheet>\n</form>\n"}', 'product/views/product_template_form_view.xml', false, NULL, NULL, NULL, 'primary', true, false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

SELECT pg_catalog.setval('public.ir_module_module_id_seq', 4, true);
SELECT pg_catalog.setval('public.ir_model_data_id_seq', 146, true);
SELECT pg_catalog.setval('public.ir_module_module_dependency_id_seq', 3, true);
SELECT pg_catalog.setval('public.uom_category_id_seq', 5, true);
SELECT pg_catalog.setval('public.uom_uom_id_seq', 8, true);
SELECT pg_catalog.setval('public.product_category_id_seq', 2, true);
SELECT pg_catalog.setval('public.product_pricelist_id_seq', 1, true);
SELECT pg_catalog.setval('public.ir_ui_view_id_seq', 7, true);

ALTER TABLE ONLY public.uom_category
    ADD CONSTRAINT uom_category_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.uom_uom
    ADD CONSTRAINT uom_uom_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.product_category
    ADD CONSTRAINT product_category_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.product_pricelist
    ADD CONSTRAINT product_pricelist_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.product_template
    ADD CONSTRAINT product_template_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.product_product
    ADD CONSTRAINT product_product_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.product_product
    ADD CONSTRAINT product_product_barcode_uniq UNIQUE (barcode);

CREATE INDEX product_category_name_index ON public.product_category USING btree (name);
CREATE INDEX product_category_parent_path_index ON public.product_category USING btree (parent_path);
CREATE INDEX product_template_name_index ON public.product_template USING btree (((name ->> 'en_US'::text)));
CREATE INDEX product_template_company_id_index ON public.product_template USING btree (company_id);
CREATE INDEX product_product_default_code_index ON public.product_product USING btree (default_code);
CREATE INDEX product_product_product_tmpl_id_index ON public.product_product USING btree (product_tmpl_id);
CREATE UNIQUE INDEX product_product_combination_unique ON public.product_product USING btree (product_tmpl_id, combination_indices) WHERE (active IS TRUE);

ALTER TABLE ONLY public.uom_category
    ADD CONSTRAINT uom_category_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.uom_category
    ADD CONSTRAINT uom_category_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.uom_uom
    ADD CONSTRAINT uom_uom_category_id_fkey FOREIGN KEY (category_id) REFERENCES public.uom_category(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.uom_uom
    ADD CONSTRAINT uom_uom_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.uom_uom
    ADD CONSTRAINT uom_uom_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.product_category
    ADD CONSTRAINT product_category_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.product_category(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.product_category
    ADD CONSTRAINT product_category_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.product_category
    ADD CONSTRAINT product_category_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.product_pricelist
    ADD CONSTRAINT product_pricelist_currency_id_fkey FOREIGN KEY (currency_id) REFERENCES public.res_currency(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.product_pricelist
    ADD CONSTRAINT product_pricelist_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.product_pricelist
    ADD CONSTRAINT product_pricelist_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.product_pricelist
    ADD CONSTRAINT product_pricelist_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.product_template
    ADD CONSTRAINT product_template_categ_id_fkey FOREIGN KEY (categ_id) REFERENCES public.product_category(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.product_template
    ADD CONSTRAINT product_template_uom_id_fkey FOREIGN KEY (uom_id) REFERENCES public.uom_uom(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.product_template
    ADD CONSTRAINT product_template_uom_po_id_fkey FOREIGN KEY (uom_po_id) REFERENCES public.uom_uom(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.product_template
    ADD CONSTRAINT product_template_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.product_template
    ADD CONSTRAINT product_template_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.product_template
    ADD CONSTRAINT product_template_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.product_product
    ADD CONSTRAINT product_product_product_tmpl_id_fkey FOREIGN KEY (product_tmpl_id) REFERENCES public.product_template(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.product_product
    ADD CONSTRAINT product_product_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.product_product
    ADD CONSTRAINT product_product_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;
