package org.juniper.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.juniper.erp.JuniperPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The schema files keep to the shape the generator copies into a dump. */
class SchemaLayoutTest {
    private static final JuniperPack PACK = JuniperPack.load();
    private final JuniperPack pack = PACK;
    private final SchemaLayout layout = SchemaLayout.of(pack, "14.0", pack.modules("14.0"));

    @Test
    void serialIdsBecomeIntegerColumnsWithTheirOwnSequence() {
        SchemaLayout.Table partners = layout.table("res_partner");
        assertTrue(partners.serial);
        assertEquals("id integer NOT NULL", partners.definitionLines.get(0));
        assertEquals("res_partner_id_seq", partners.sequence());
        assertFalse(layout.table("sale_order_line_invoice_rel").serial);
    }

    @Test
    void postDataComesAsKeysThenIndexesThenForeignKeys() {
        List<SchemaLayout.PostData> items = layout.postData();
        for (int i = 1; i < items.size(); i++) {
            assertTrue(items.get(i - 1).kind().compareTo(items.get(i).kind()) <= 0, items.get(i).name());
        }
        assertTrue(items.stream().anyMatch(p -> p.name().equals("res_partner_pkey")));
        assertTrue(items.stream().anyMatch(p -> p.name().equals("ir_translation_model_unique")));
    }

    static List<String> versions() {
        return PACK.supportedVersions();
    }

    @ParameterizedTest
    @MethodSource("versions")
    void everyVersionKeepsToTheShapeAndRegistersThePackModulesWithTheirVersions(String version) {
        SchemaLayout.Table modules = SchemaLayout.of(pack, version, pack.modules(version)).table("ir_module_module");
        Map<String, String> recorded = new HashMap<>();
        for (String[] row : modules.standardRows) {
            recorded.put(row[modules.columnIndex.get("name")], row[modules.columnIndex.get("latest_version")]);
        }
        assertEquals(pack.moduleVersions(version, pack.modules(version)), recorded);
    }

    @Test
    void standardRecordsAreFoundByXmlId() {
        assertEquals(1, layout.ref("base.autovacuum_job"));
        assertEquals(2, layout.ref("base.user_admin"));
        assertTrue(layout.firstFreeId("res_partner") > layout.ref("base.public_partner"));
    }
}
