-- Juniper 15.0, module contacts (Contacts): what installing it adds to a fresh database, tables and standard data.
-- Laid out as pg_dump does (tables, data, sequence positions, keys, indexes, foreign keys) so that the
-- sample generator can copy it into a dump; README.md lists the conventions.

INSERT INTO public.ir_module_module (id, name, shortdesc, summary, author, website, latest_version, published_version, sequence, auto_install, state, demo, license, application, icon, to_buy, create_uid, create_date, write_uid, write_date) VALUES
    (3, 'contacts', 'Contacts', 'Centralize your address book', 'Juniper S.A.', 'https://www.juniper.example', '15.0.1.0', NULL, 100, false, 'installed', false, 'LGPL-3', true, '/contacts/static/description/icon.png', false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_model_data (id, noupdate, name, module, model, res_id, create_uid, create_date, write_uid, write_date) VALUES
    (43, true, 'module_contacts', 'base', 'ir.module.module', 3, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44'),
    (44, false, 'res_partner_kanban_view', 'contacts', 'ir.ui.view', 6, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_module_module_dependency (id, name, module_id, auto_install_required, create_uid, create_date, write_uid, write_date) VALUES
    (2, 'mail', 3, true, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

INSERT INTO public.ir_ui_view (id, name, model, key, priority, type, arch_db, arch_fs, arch_updated, arch_prev, inherit_id, field_parent, mode, active, customize_show, create_uid, create_date, write_uid, write_date) VALUES
    (6, 'res.partner.kanban', 'res.partner', NULL, 16, 'kanban', '<?xml version="1.0"?>
<kanban class="o_res_partner_kanban">
    <field name="display_name"/>
    <field name="email"/>
    <field name="phone"/>
    <field name="mobile"/>
    <templates>
        <t t-name="kanban-box">
            <div class="oe_kanban_global_click"><strong><field name="display_name"/></strong></div>
        </t>
    </templates>
</kanban>
', 'contacts/views/res_partner_kanban_view.xml', false, NULL, NULL, NULL, 'primary', true, false, 1, '2021-03-15 09:12:44', 1, '2021-03-15 09:12:44');

SELECT pg_catalog.setval('public.ir_module_module_id_seq', 3, true);
SELECT pg_catalog.setval('public.ir_model_data_id_seq', 44, true);
SELECT pg_catalog.setval('public.ir_module_module_dependency_id_seq', 2, true);
SELECT pg_catalog.setval('public.ir_ui_view_id_seq', 6, true);
