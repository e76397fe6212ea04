-- Juniper 17.0, module stock (Inventory): what installing it adds to a fresh database, tables and standard data.
-- Laid out as pg_dump does (tables, data, sequence positions, keys, indexes, foreign keys) so that the
-- sample generator can copy it into a dump; README.md lists the conventions.
-- From 17.0 on, stock also holds the delivery carriers of the former delivery module, merged into it.

CREATE TABLE public.stock_location (
    id serial NOT NULL,
    name character varying NOT NULL,
    complete_name character varying,
    active boolean,
    usage character varying NOT NULL,
    location_id integer,
    comment text,
    parent_path character varying,
    company_id integer,
    scrap_location boolean,
    return_location boolean,
    barcode character varying,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.stock_warehouse (
    id serial NOT NULL,
    name character varying NOT NULL,
    active boolean,
    company_id integer NOT NULL,
    partner_id integer,
    view_location_id integer NOT NULL,
    lot_stock_id integer NOT NULL,
    code character varying(5) NOT NULL,
    reception_steps character varying NOT NULL,
    delivery_steps character varying NOT NULL,
    sequence integer,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.stock_picking_type (
    id serial NOT NULL,
    name jsonb NOT NULL,
    color integer,
    sequence integer,
    sequence_code character varying NOT NULL,
    default_location_src_id integer,
    default_location_dest_id integer,
    code character varying NOT NULL,
    warehouse_id integer,
    active boolean,
    company_id integer NOT NULL,
    barcode character varying,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.stock_lot (
    id serial NOT NULL,
    name character varying NOT NULL,
    ref character varying,
    product_id integer NOT NULL,
    company_id integer NOT NULL,
    note text,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.stock_picking (
    id serial NOT NULL,
    name character varying,
    origin character varying,
    note text,
    backorder_id integer,
    move_type character varying NOT NULL,
    state character varying,
    priority character varying,
    scheduled_date timestamp without time zone,
    date_deadline timestamp without time zone,
    date timestamp without time zone,
    date_done timestamp without time zone,
    location_id integer NOT NULL,
    location_dest_id integer NOT NULL,
    picking_type_id integer NOT NULL,
    partner_id integer,
    company_id integer,
    user_id integer,
    printed boolean,
    is_locked boolean,
    immediate_transfer boolean,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.stock_move (
    id serial NOT NULL,
    name character varying NOT NULL,
    sequence integer,
    priority character varying,
    date timestamp without time zone NOT NULL,
    date_deadline timestamp without time zone,
    company_id integer NOT NULL,
    product_id integer NOT NULL,
    description_picking text,
    product_qty numeric,
    product_uom_qty numeric NOT NULL,
    product_uom integer NOT NULL,
    location_id integer NOT NULL,
    location_dest_id integer NOT NULL,
    partner_id integer,
    picking_id integer,
    state character varying,
    price_unit double precision,
    origin character varying,
    procure_method character varying NOT NULL,
    scrapped boolean,
    picking_type_id integer,
    origin_returned_move_id integer,
    reference character varying,
    additional boolean,
    is_inventory boolean,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.stock_move_line (
    id serial NOT NULL,
    picking_id integer,
    move_id integer,
    company_id integer NOT NULL,
    product_id integer,
    product_uom_id integer NOT NULL,
    quantity numeric,
    lot_id integer,
    lot_name character varying,
    date timestamp without time zone NOT NULL,
    location_id integer NOT NULL,
    location_dest_id integer NOT NULL,
    state character varying,
    reference character varying,
    description_picking text,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.stock_quant (
    id serial NOT NULL,
    product_id integer NOT NULL,
    company_id integer,
    location_id integer NOT NULL,
    lot_id integer,
    quantity numeric NOT NULL,
    reserved_quantity numeric NOT NULL,
    in_date timestamp without time zone NOT NULL,
    inventory_quantity numeric,
    create_uid integer,
    create_date timestamp without time zone,
    write_uid integer,
    write_date timestamp without time zone
);

CREATE TABLE public.delivery_carrier (
    id serial NOT NULL,
    name jsonb NOT NULL,
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
    carrier_description jsonb,
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
    (7, 'stock', '{"en_US": "Inventory"}', '{"en_US": "Manage your stock and logistics activities"}', 'Juniper S.A.', 'https://www.juniper.example', '17.0.1.1', NULL, 100, false, 'installed', false, 'LGPL-3', true, '/stock/static/description/icon.png', false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_model_data (id, noupdate, name, module, model, res_id, create_uid, create_date, write_uid, write_date) VALUES
    (101, true, 'module_stock', 'base', 'ir.module.module', 7, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (102, false, 'stock_location_locations', 'stock', 'stock.location', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (103, false, 'stock_location_locations_partner', 'stock', 'stock.location', 2, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (104, false, 'stock_location_locations_virtual', 'stock', 'stock.location', 3, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (105, false, 'stock_location_suppliers', 'stock', 'stock.location', 4, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (106, false, 'stock_location_customers', 'stock', 'stock.location', 5, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (107, false, 'stock_location_inventory', 'stock', 'stock.location', 6, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (108, false, 'stock_location_scrapped', 'stock', 'stock.location', 7, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (109, false, 'stock_location_view', 'stock', 'stock.location', 8, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (110, false, 'stock_location_stock', 'stock', 'stock.location', 9, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (111, false, 'warehouse0', 'stock', 'stock.warehouse', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (112, false, 'picking_type_in', 'stock', 'stock.picking.type', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (113, false, 'picking_type_out', 'stock', 'stock.picking.type', 2, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (114, false, 'picking_type_internal', 'stock', 'stock.picking.type', 3, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (115, false, 'ir_cron_scheduler_action_ir_actions_server', 'stock', 'ir.actions.server', 7, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (116, false, 'ir_cron_scheduler_action', 'stock', 'ir.cron', 7, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (117, false, 'mail_template_data_delivery_confirmation', 'stock', 'mail.template', 3, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (118, false, 'view_picking_form', 'stock', 'ir.ui.view', 11, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (140, false, 'product_product_delivery_product_template', 'stock', 'product.template', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (141, false, 'product_product_delivery', 'stock', 'product.product', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (142, false, 'free_delivery_carrier', 'stock', 'delivery.carrier', 1, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (143, false, 'view_delivery_carrier_form', 'stock', 'ir.ui.view', 14, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_module_module_dependency (id, name, module_id, auto_install_required, create_uid, create_date, write_uid, write_date) VALUES
    (6, 'product', 7, true, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.stock_location (id, name, complete_name, active, usage, location_id, comment, parent_path, company_id, scrap_location, return_location, barcode, create_uid, create_date, write_uid, write_date) VALUES
    (1, 'Physical Locations', 'Physical Locations', true, 'view', NULL, NULL, '1/', NULL, false, false, NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (2, 'Partner Locations', 'Partner Locations', true, 'view', NULL, NULL, '2/', NULL, false, false, NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (3, 'Virtual Locations', 'Virtual Locations', true, 'view', NULL, NULL, '3/', NULL, false, false, NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (4, 'Vendors', 'Partner Locations/Vendors', true, 'supplier', 2, NULL, '2/4/', NULL, false, false, NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (5, 'Customers', 'Partner Locations/Customers', true, 'customer', 2, NULL, '2/5/', NULL, false, false, NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (6, 'Inventory adjustment', 'Virtual Locations/Inventory adjustment', true, 'inventory', 3, NULL, '3/6/', 1, false, false, NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (7, 'Scrap', 'Virtual Locations/Scrap', true, 'inventory', 3, NULL, '3/7/', 1, true, false, NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (8, 'WH', 'WH', true, 'view', 1, NULL, '1/8/', 1, false, false, NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (9, 'Stock', 'WH/Stock', true, 'internal', 8, NULL, '1/8/9/', 1, false, false, NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.stock_warehouse (id, name, active, company_id, partner_id, view_location_id, lot_stock_id, code, reception_steps, delivery_steps, sequence, create_uid, create_date, write_uid, write_date) VALUES
    (1, 'My Company', true, 1, 1, 8, 9, 'WH', 'one_step', 'ship_only', 10, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.stock_picking_type (id, name, color, sequence, sequence_code, default_location_src_id, default_location_dest_id, code, warehouse_id, active, company_id, barcode, create_uid, create_date, write_uid, write_date) VALUES
    (1, '{"en_US": "Receipts"}', 0, 1, 'IN', 4, 9, 'incoming', 1, true, 1, 'WH-RECEIPTS', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (2, '{"en_US": "Delivery Orders"}', 0, 2, 'OUT', 9, 5, 'outgoing', 1, true, 1, 'WH-DELIVERY', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (3, '{"en_US": "Internal Transfers"}', 0, 3, 'INT', 9, 9, 'internal', 1, true, 1, 'WH-INTERNAL', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_act_server (id, name, type, binding_type, usage, state, sequence, model_name, code, activity_user_type, create_uid, create_date, write_uid, write_date) VALUES
    (7, '{"en_US": "Procurement: run scheduler"}', 'ir.actions.server', 'action', 'ir_cron', 'code', 5, 'procurement.group', 'model.run_scheduler(True)', 'specific', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_cron (id, ir_actions_server_id, cron_name, user_id, active, interval_number, interval_type, numbercall, doall, nextcall, lastcall, priority, create_uid, create_date, write_uid, write_date) VALUES
    (7, 7, 'Procurement: run scheduler', 1, true, 1, 'days', -1, false, '2021-03-16 03:00:00', NULL, 5, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.mail_template (id, name, model, subject, email_from, use_default_to, email_to, partner_to, email_cc, reply_to, lang, body_html, mail_server_id, scheduled_date, auto_delete, report_name, create_uid, create_date, write_uid, write_date) VALUES
    (3, '{"en_US": "Delivery: Send by Email"}', 'stock.picking', '{"en_US": "{{ object.company_id.name }} Delivery Order (Ref {{ object.name or ''n/a'' }})"}', '{{ (object.user_id.email_formatted or user.email_formatted) }}', false, NULL, '{{ object.partner_id.id }}', NULL, NULL, '{{ object.partner_id.lang }}', '{"en_US": "<div style=\"margin: 0px; padding: 0px;\">\n    <p style=\"margin: 0px; padding: 0px; font-size: 13px;\">\n        Hello <t t-out=\"object.partner_id.name\"/>,<br/><br/>\n        We are glad to inform you that your order has been shipped.\n        <t t-if=\"object.carrier_tracking_ref\">\n            Your tracking reference is <strong><t t-out=\"object.carrier_tracking_ref\"/></strong>.\n        </t>\n        <br/><br/>Thank you,\n    </p>\n</div>\n"}', NULL, NULL, true, NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_ui_view (id, name, model, key, priority, type, arch_db, arch_fs, arch_updated, arch_prev, inherit_id, field_parent, mode, active, customize_show, create_uid, create_date, write_uid, write_date) VALUES
    (11, 'stock.picking.form', 'stock.picking', NULL, 16, 'form', '{"en_US": "<?xml version=\"1.0\"?>\n<form string=\"Transfer\">\n    <sheet>\n        <h1><field name=\"name\"/></h1>\n        <group>\n            <field name=\"partner_id\"/>\n            <field name=\"scheduled_date\"/>\n            <field name=\"origin\"/>\n        </group>\n        <field name=\"move_ids_without_package\"/>\n    </sheet>\n</form>\n"}', 'stock/views/view_picking_form.xml', false, NULL, NULL, NULL, 'primary', true, false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (14, 'delivery.carrier.form', 'delivery.carrier', NULL, 16, 'form', '{"en_US": "<?xml version=\"1.0\"?>\n<form string=\"Carrier\">\n    <sheet>\n        <h1><field name=\"name\"/></h1>\n        <group>\n            <field name=\"delivery_type\"/>\n            <field name=\"prod_environment\"/>\n            <field name=\"product_id\"/>\n        </group>\n    </sheet>\n</form>\n"}', 'delivery/views/view_delivery_carrier_form.xml', false, NULL, NULL, NULL, 'primary', true, false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.product_template (id, name, sequence, description, description_purchase, description_sale, type, categ_id, list_price, volume, weight, sale_ok, purchase_ok, uom_id, uom_po_id, company_id, active, color, default_code, can_image_1024_be_zoomed, tracking, sale_delay, invoice_policy, purchase_method, create_uid, create_date, write_uid, write_date) VALUES
    (1, '{"en_US": "Free delivery charges"}', 1, NULL, NULL, NULL, 'service', 1, 0, 0, 0, false, false, 1, 1, NULL, true, 0, 'Delivery_007', false, 'none', 0, 'order', 'purchase', 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.product_product (id, default_code, active, product_tmpl_id, barcode, combination_indices, volume, weight, can_image_variant_1024_be_zoomed, create_uid, create_date, write_uid, write_date) VALUES
    (1, 'Delivery_007', true, 1, NULL, '', 0, 0, false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.delivery_carrier (id, name, active, sequence, delivery_type, integration_level, prod_environment, debug_logging, company_id, product_id, invoice_policy, margin, free_over, amount, fixed_price, carrier_description, fedex_developer_key, fedex_developer_password, fedex_account_number, fedex_meter_number, ups_username, ups_passwd, ups_shipper_number, ups_access_number, dhl_site_id, dhl_password, dhl_account_number, create_uid, create_date, write_uid, write_date) VALUES
    (1, '{"en_US": "Free delivery charges"}', true, 10, 'fixed', 'rate', false, false, NULL, 1, 'estimated', 0, false, 1000, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

SELECT pg_catalog.setval('public.ir_module_module_id_seq', 7, true);
SELECT pg_catalog.setval('public.ir_model_data_id_seq', 146, true);
SELECT pg_catalog.setval('public.ir_module_module_dependency_id_seq', 6, true);
SELECT pg_catalog.setval('public.stock_location_id_seq', 9, true);
SELECT pg_catalog.setval('public.stock_warehouse_id_seq', 1, true);
SELECT pg_catalog.setval('public.stock_picking_type_id_seq', 3, true);
SELECT pg_catalog.setval('public.ir_act_server_id_seq', 7, true);
SELECT pg_catalog.setval('public.ir_cron_id_seq', 7, true);
SELECT pg_catalog.setval('public.mail_template_id_seq', 3, true);
SELECT pg_catalog.setval('public.ir_ui_view_id_seq', 14, true);
SELECT pg_catalog.setval('public.product_template_id_seq', 1, true);
SELECT pg_catalog.setval('public.product_product_id_seq', 1, true);
SELECT pg_catalog.setval('public.delivery_carrier_id_seq', 1, true);

ALTER TABLE ONLY public.stock_location
    ADD CONSTRAINT stock_location_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.stock_location
    ADD CONSTRAINT stock_location_barcode_company_uniq UNIQUE (barcode, company_id);

ALTER TABLE ONLY public.stock_warehouse
    ADD CONSTRAINT stock_warehouse_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.stock_warehouse
    ADD CONSTRAINT stock_warehouse_warehouse_name_uniq UNIQUE (name, company_id);

ALTER TABLE ONLY public.stock_warehouse
    ADD CONSTRAINT stock_warehouse_warehouse_code_uniq UNIQUE (code, company_id);

ALTER TABLE ONLY public.stock_picking_type
    ADD CONSTRAINT stock_picking_type_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.stock_lot
    ADD CONSTRAINT stock_lot_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.stock_lot
    ADD CONSTRAINT stock_lot_name_ref_uniq UNIQUE (name, product_id, company_id);

ALTER TABLE ONLY public.stock_picking
    ADD CONSTRAINT stock_picking_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.stock_picking
    ADD CONSTRAINT stock_picking_name_uniq UNIQUE (name, company_id);

ALTER TABLE ONLY public.stock_move
    ADD CONSTRAINT stock_move_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.stock_move_line
    ADD CONSTRAINT stock_move_line_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.stock_quant
    ADD CONSTRAINT stock_quant_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.delivery_carrier
    ADD CONSTRAINT delivery_carrier_pkey PRIMARY KEY (id);

CREATE INDEX stock_location_location_id_index ON public.stock_location USING btree (location_id);
CREATE INDEX stock_location_parent_path_index ON public.stock_location USING btree (parent_path);
CREATE INDEX stock_location_company_id_index ON public.stock_location USING btree (company_id);
CREATE INDEX stock_lot_product_id_index ON public.stock_lot USING btree (product_id);
CREATE INDEX stock_picking_origin_index ON public.stock_picking USING btree (origin);
CREATE INDEX stock_picking_state_index ON public.stock_picking USING btree (state);
CREATE INDEX stock_picking_scheduled_date_index ON public.stock_picking USING btree (scheduled_date);
CREATE INDEX stock_picking_partner_id_index ON public.stock_picking USING btree (partner_id);
CREATE INDEX stock_picking_picking_type_id_index ON public.stock_picking USING btree (picking_type_id);
CREATE INDEX stock_picking_location_id_index ON public.stock_picking USING btree (location_id);
CREATE INDEX stock_picking_location_dest_id_index ON public.stock_picking USING btree (location_dest_id);
CREATE INDEX stock_move_date_index ON public.stock_move USING btree (date);
CREATE INDEX stock_move_product_id_index ON public.stock_move USING btree (product_id);
CREATE INDEX stock_move_location_id_index ON public.stock_move USING btree (location_id);
CREATE INDEX stock_move_location_dest_id_index ON public.stock_move USING btree (location_dest_id);
CREATE INDEX stock_move_picking_id_index ON public.stock_move USING btree (picking_id);
CREATE INDEX stock_move_state_index ON public.stock_move USING btree (state);
CREATE INDEX stock_move_reference_index ON public.stock_move USING btree (reference);
CREATE INDEX stock_move_line_picking_id_index ON public.stock_move_line USING btree (picking_id);
CREATE INDEX stock_move_line_move_id_index ON public.stock_move_line USING btree (move_id);
CREATE INDEX stock_move_line_product_id_index ON public.stock_move_line USING btree (product_id);
CREATE INDEX stock_move_line_lot_id_index ON public.stock_move_line USING btree (lot_id);
CREATE INDEX stock_move_line_location_id_index ON public.stock_move_line USING btree (location_id);
CREATE INDEX stock_move_line_location_dest_id_index ON public.stock_move_line USING btree (location_dest_id);
CREATE INDEX stock_quant_product_id_index ON public.stock_quant USING btree (product_id);
CREATE INDEX stock_quant_location_id_index ON public.stock_quant USING btree (location_id);
CREATE INDEX stock_quant_lot_id_index ON public.stock_quant USING btree (lot_id);

ALTER TABLE ONLY public.stock_location
    ADD CONSTRAINT stock_location_location_id_fkey FOREIGN KEY (location_id) REFERENCES public.stock_location(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.stock_location
    ADD CONSTRAINT stock_location_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_location
    ADD CONSTRAINT stock_location_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_location
    ADD CONSTRAINT stock_location_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_warehouse
    ADD CONSTRAINT stock_warehouse_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_warehouse
    ADD CONSTRAINT stock_warehouse_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES public.res_partner(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_warehouse
    ADD CONSTRAINT stock_warehouse_view_location_id_fkey FOREIGN KEY (view_location_id) REFERENCES public.stock_location(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_warehouse
    ADD CONSTRAINT stock_warehouse_lot_stock_id_fkey FOREIGN KEY (lot_stock_id) REFERENCES public.stock_location(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_warehouse
    ADD CONSTRAINT stock_warehouse_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_warehouse
    ADD CONSTRAINT stock_warehouse_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_picking_type
    ADD CONSTRAINT stock_picking_type_default_location_src_id_fkey FOREIGN KEY (default_location_src_id) REFERENCES public.stock_location(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_picking_type
    ADD CONSTRAINT stock_picking_type_default_location_dest_id_fkey FOREIGN KEY (default_location_dest_id) REFERENCES public.stock_location(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_picking_type
    ADD CONSTRAINT stock_picking_type_warehouse_id_fkey FOREIGN KEY (warehouse_id) REFERENCES public.stock_warehouse(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.stock_picking_type
    ADD CONSTRAINT stock_picking_type_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_picking_type
    ADD CONSTRAINT stock_picking_type_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_picking_type
    ADD CONSTRAINT stock_picking_type_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_lot
    ADD CONSTRAINT stock_lot_product_id_fkey FOREIGN KEY (product_id) REFERENCES public.product_product(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_lot
    ADD CONSTRAINT stock_lot_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_lot
    ADD CONSTRAINT stock_lot_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_lot
    ADD CONSTRAINT stock_lot_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_picking
    ADD CONSTRAINT stock_picking_backorder_id_fkey FOREIGN KEY (backorder_id) REFERENCES public.stock_picking(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_picking
    ADD CONSTRAINT stock_picking_location_id_fkey FOREIGN KEY (location_id) REFERENCES public.stock_location(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_picking
    ADD CONSTRAINT stock_picking_location_dest_id_fkey FOREIGN KEY (location_dest_id) REFERENCES public.stock_location(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_picking
    ADD CONSTRAINT stock_picking_picking_type_id_fkey FOREIGN KEY (picking_type_id) REFERENCES public.stock_picking_type(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_picking
    ADD CONSTRAINT stock_picking_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES public.res_partner(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_picking
    ADD CONSTRAINT stock_picking_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_picking
    ADD CONSTRAINT stock_picking_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_picking
    ADD CONSTRAINT stock_picking_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_picking
    ADD CONSTRAINT stock_picking_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_move
    ADD CONSTRAINT stock_move_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_move
    ADD CONSTRAINT stock_move_product_id_fkey FOREIGN KEY (product_id) REFERENCES public.product_product(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_move
    ADD CONSTRAINT stock_move_product_uom_fkey FOREIGN KEY (product_uom) REFERENCES public.uom_uom(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_move
    ADD CONSTRAINT stock_move_location_id_fkey FOREIGN KEY (location_id) REFERENCES public.stock_location(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_move
    ADD CONSTRAINT stock_move_location_dest_id_fkey FOREIGN KEY (location_dest_id) REFERENCES public.stock_location(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_move
    ADD CONSTRAINT stock_move_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES public.res_partner(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_move
    ADD CONSTRAINT stock_move_picking_id_fkey FOREIGN KEY (picking_id) REFERENCES public.stock_picking(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_move
    ADD CONSTRAINT stock_move_picking_type_id_fkey FOREIGN KEY (picking_type_id) REFERENCES public.stock_picking_type(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_move
    ADD CONSTRAINT stock_move_origin_returned_move_id_fkey FOREIGN KEY (origin_returned_move_id) REFERENCES public.stock_move(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_move
    ADD CONSTRAINT stock_move_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_move
    ADD CONSTRAINT stock_move_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_move_line
    ADD CONSTRAINT stock_move_line_picking_id_fkey FOREIGN KEY (picking_id) REFERENCES public.stock_picking(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_move_line
    ADD CONSTRAINT stock_move_line_move_id_fkey FOREIGN KEY (move_id) REFERENCES public.stock_move(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_move_line
    ADD CONSTRAINT stock_move_line_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_move_line
    ADD CONSTRAINT stock_move_line_product_id_fkey FOREIGN KEY (product_id) REFERENCES public.product_product(id) ON DELETE CASCADE;

ALTER TABLE ONLY public.stock_move_line
    ADD CONSTRAINT stock_move_line_product_uom_id_fkey FOREIGN KEY (product_uom_id) REFERENCES public.uom_uom(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_move_line
    ADD CONSTRAINT stock_move_line_lot_id_fkey FOREIGN KEY (lot_id) REFERENCES public.stock_lot(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_move_line
    ADD CONSTRAINT stock_move_line_location_id_fkey FOREIGN KEY (location_id) REFERENCES public.stock_location(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_move_line
    ADD CONSTRAINT stock_move_line_location_dest_id_fkey FOREIGN KEY (location_dest_id) REFERENCES public.stock_location(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_move_line
    ADD CONSTRAINT stock_move_line_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_move_line
    ADD CONSTRAINT stock_move_line_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_quant
    ADD CONSTRAINT stock_quant_product_id_fkey FOREIGN KEY (product_id) REFERENCES public.product_product(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_quant
    ADD CONSTRAINT stock_quant_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_quant
    ADD CONSTRAINT stock_quant_location_id_fkey FOREIGN KEY (location_id) REFERENCES public.stock_location(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_quant
    ADD CONSTRAINT stock_quant_lot_id_fkey FOREIGN KEY (lot_id) REFERENCES public.stock_lot(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.stock_quant
    ADD CONSTRAINT stock_quant_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.stock_quant
    ADD CONSTRAINT stock_quant_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.delivery_carrier
    ADD CONSTRAINT delivery_carrier_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.delivery_carrier
    ADD CONSTRAINT delivery_carrier_product_id_fkey FOREIGN KEY (product_id) REFERENCES public.product_product(id) ON DELETE RESTRICT;

ALTER TABLE ONLY public.delivery_carrier
    ADD CONSTRAINT delivery_carrier_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;

ALTER TABLE ONLY public.delivery_carrier
    ADD CONSTRAINT delivery_carrier_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id) ON DELETE SET NULL;
