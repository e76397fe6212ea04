package org.juniper.sample;

import static org.juniper.sample.BusinessTables.audited;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.juniper.sample.DumpWriter.RowWriter;

/**
 * The customer's own module, unknown to the pack: loyalty cards, two custom fields on partners, and a view that
 * places them after the partner's mobile, a field 18.0 removes. An upgrade has no script for it, so it must stop
 * before running unless the request brings scripts; the objects below are what such scripts would carry along.
 */
public final class CustomModule {
    public static final String NAME = "customer_loyalty";
    /** The module's own table. */
    public static final String TABLE = "x_loyalty_card";
    /** Columns the module adds to the ERP's tables. */
    public static final Map<String, List<String>> COLUMNS = Map.of("res_partner",
            List.of("x_loyalty_tier character varying", "x_loyalty_points integer"));
    /** Every tenth customer has a card. */
    static final int CARD_EVERY = 10;
    private static final String[] TIERS = {"bronze", "silver", "gold"};
    private static final String INSTALLED = "'2020-05-04 08:00:00'";

    private final int moduleId;
    private final int viewId;

    private CustomModule(int moduleId, int viewId) {
        this.moduleId = moduleId;
        this.viewId = viewId;
    }

    /** Adds the module to the layout: its columns, its table and its records, as installing it did. */
    static CustomModule install(SchemaLayout layout, String version) {
        COLUMNS.forEach((table, columns) -> columns.forEach(column -> layout.addColumn(table, column)));
        CustomModule module = new CustomModule(layout.firstFreeId("ir_module_module"),
                layout.firstFreeId("ir_ui_view"));
        int dependency = layout.firstFreeId("ir_module_module_dependency");
        int data = layout.firstFreeId("ir_model_data");
        String audit = ", 1, " + INSTALLED + ", 1, " + INSTALLED + ")";
        boolean translated = layout.table("ir_module_module").columns.stream()
                .anyMatch(c -> c.name().equals("shortdesc") && c.jsonb());
        // the field the view extends: the mobile until a release drops it
        String anchor = layout.table("res_partner").columnIndex.containsKey("mobile") ? "mobile" : "phone";
        String arch = "<data>\n    <field name=\"" + anchor + "\" position=\"after\">\n"
                + "        <field name=\"x_loyalty_tier\"/>\n        <field name=\"x_loyalty_points\"/>\n"
                + "    </field>\n</data>";
        layout.addAll("""
                CREATE TABLE public.%1$s (
                    id serial NOT NULL,
                    partner_id integer NOT NULL,
                    number character varying NOT NULL,
                    points integer,
                    issued date,
                    create_uid integer,
                    create_date timestamp without time zone,
                    write_uid integer,
                    write_date timestamp without time zone
                );

                INSERT INTO public.ir_module_module (id, name, shortdesc, author, latest_version, state, license, \
                application, create_uid, create_date, write_uid, write_date) VALUES
                    (%2$d, '%3$s', %4$s, 'Acme IT', '%5$s.1.0', 'installed', 'OPL-1', false%6$s;

                INSERT INTO public.ir_module_module_dependency (id, name, module_id, create_uid, create_date, \
                write_uid, write_date) VALUES
                    (%7$d, 'contacts', %2$d%6$s,
                    (%8$d, 'sale', %2$d%6$s;

                INSERT INTO public.ir_model_data (id, noupdate, name, module, model, res_id, create_uid, \
                create_date, write_uid, write_date) VALUES
                    (%9$d, true, 'module_%3$s', 'base', 'ir.module.module', %2$d%6$s,
                    (%10$d, false, 'view_partner_form_loyalty', '%3$s', 'ir.ui.view', %11$d%6$s;

                INSERT INTO public.ir_ui_view (id, name, model, priority, type, arch_db, inherit_id, mode, active, \
                create_uid, create_date, write_uid, write_date) VALUES
                    (%11$d, 'res.partner.form.loyalty', 'res.partner', 20, 'form', %12$s, %13$d, 'extension', \
                true%6$s;

                ALTER TABLE ONLY public.%1$s
                    ADD CONSTRAINT %1$s_pkey PRIMARY KEY (id);

                CREATE INDEX %1$s_partner_id_index ON public.%1$s USING btree (partner_id);

                ALTER TABLE ONLY public.%1$s
                    ADD CONSTRAINT %1$s_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES public.res_partner(id) \
                ON DELETE CASCADE;
                """.formatted(TABLE, module.moduleId, NAME,
                literal(translated ? Translated.of("Loyalty cards").json() : "Loyalty cards"), version, audit,
                dependency, dependency + 1, data, data + 1, module.viewId,
                literal(translated ? Translated.of(arch).json() : arch), layout.ref("base.view_partner_form")),
                "the custom module " + NAME);
        return module;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    int viewId() {
        return viewId;
    }

    /** The tier of a customer with a card, null for the others. */
    static String tier(int partnerIndex) {
        return partnerIndex % CARD_EVERY == 0 ? TIERS[partnerIndex / CARD_EVERY % TIERS.length] : null;
    }

    static Integer points(int partnerIndex) {
        return tier(partnerIndex) == null ? null : partnerIndex * 37 % 5_000;
    }

    void writeCards(SampleModel model, DumpWriter.TableData data) throws IOException {
        RowWriter rows = data.columns(audited("id", "partner_id", "number", "points", "issued"));
        int admin = model.ref("base.user_admin");
        int id = 1;
        for (int index = model.users; index < model.partners; index++) {
            if (tier(index) != null) {
                LocalDate issued = SampleModel.SNAPSHOT.toLocalDate().minusDays(index % 700);
                LocalDateTime created = issued.atTime(9, 0);
                rows.write(audited(admin, created, created, id++, model.partnerId(index),
                        "LOY-" + SampleModel.padded(index, 7), points(index), issued));
            }
        }
    }
}
