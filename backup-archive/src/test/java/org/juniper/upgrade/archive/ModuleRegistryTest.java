package org.juniper.upgrade.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A dump gets its manifest from its own module registry, read as the dump streams by. */
class ModuleRegistryTest {
    private static final String DUMP = """
            --
            -- PostgreSQL database dump
            --

            -- Dumped from database version 15.14
            -- Dumped by pg_dump version 15.18

            COPY public.res_partner (id, name) FROM stdin;
            1\tCOPY public.ir_module_module (id, name) FROM stdin;
            COPY public.ir_module_module (name, state) FROM stdin;
            evil\tinstalled
            \\.

            COPY public.ir_module_module (id, name, description, latest_version, state) FROM stdin;
            1\tbase\tThe kernel\\nof it all\t14.0.1.3\tinstalled
            2\tsale\t\\N\t14.0.1.1\tinstalled
            3\tcrm\t\\N\t14.0.1.0\tuninstalled
            4\tcustom\t\\N\t\\N\tinstalled
            5\tbroken\tinstalled
            \\.

            """;

    /** Another table's data that looks like the registry's header is data: "evil" is no module. */
    @Test
    void installedModulesAndTheServerVersionAreReadFromThePlainDump() {
        ModuleRegistry registry = new ModuleRegistry(BackupArchiveTest.REGISTRY);
        byte[] dump = DUMP.getBytes(StandardCharsets.UTF_8);
        // in pieces that cut lines, as pg_dump's output arrives
        for (int i = 0; i < dump.length; i += 7) {
            registry.write(dump, i, Math.min(7, dump.length - i));
        }
        registry.close();

        assertEquals(Map.of("base", "14.0.1.3", "sale", "14.0.1.1", "custom", ""), registry.installed());
        assertEquals(Optional.of("15"), registry.serverMajor());
        assertEquals(Optional.of("14.0"), registry.version());
        assertTrue(registry.found());
    }

    @Test
    void theGuardReadsTheSameRegistryOnItsWay() throws Exception {
        ModuleRegistry registry = new ModuleRegistry(BackupArchiveTest.REGISTRY);

        DumpGuard.check(new ByteArrayInputStream(DUMP.getBytes(StandardCharsets.UTF_8)), registry);

        assertEquals(Map.of("base", "14.0.1.3", "sale", "14.0.1.1", "custom", ""), registry.installed());
        assertEquals(Optional.of("14.0"), registry.version());
    }

    @Test
    void aModuleWhoseRowIsLongerThanTheGuardDecidesOnIsReadThroughTheGuardToo() throws Exception {
        ModuleRegistry registry = new ModuleRegistry(BackupArchiveTest.REGISTRY);
        String description = "{\"en_US\": \"" + "A long description. ".repeat(2000) + "\"}";
        String dump = "COPY public.ir_module_module (id, name, description, latest_version, state) FROM stdin;\n"
                + "1\tbase\t" + description + "\t14.0.1.3\tinstalled\r\n\\.\r\nSELECT 1;\n";

        DumpGuard.check(new ByteArrayInputStream(dump.getBytes(StandardCharsets.UTF_8)), registry);

        assertEquals(Map.of("base", "14.0.1.3"), registry.installed());
    }

    @Test
    void aQuotedOrUnqualifiedRegistryIsTheRegistryToo() {
        ModuleRegistry registry = new ModuleRegistry(BackupArchiveTest.REGISTRY);

        feed(registry, """
                COPY "ir_module_module" ("name", "state", "latest_version") FROM stdin;
                base\tinstalled\t16.0.1.3
                \\.
                """);

        assertEquals(Map.of("base", "16.0.1.3"), registry.installed());
    }

    @Test
    void withoutABaseModuleTheVersionIsUnknown() {
        ModuleRegistry.Shape shape = BackupArchiveTest.REGISTRY;

        assertEquals(Optional.empty(), shape.version(Map.of("sale", "14.0.1.1")));
        assertEquals(Optional.empty(), shape.version(Map.of()));
        assertEquals(Optional.empty(), shape.version(Map.of("base", "")));
    }

    @Test
    void aDumpWithoutTheRegistryIsSaidToHaveNone() {
        ModuleRegistry registry = new ModuleRegistry(BackupArchiveTest.REGISTRY);

        feed(registry, "COPY public.res_partner (id) FROM stdin;\n1\n\\.\n");

        assertFalse(registry.found());
        assertEquals(Map.of(), registry.installed());
    }

    @Test
    void aLiveDatabaseIsReadWithQueriesOfTheShapesNamesQuoted() {
        assertEquals("select to_regclass('public.\"ir_module_module\"') is not null",
                BackupArchiveTest.REGISTRY.existsSql());
        assertEquals("select \"name\", coalesce(\"latest_version\", '') from public.\"ir_module_module\" where "
                + "\"state\" = 'installed'", BackupArchiveTest.REGISTRY.installedSql());
    }

    private static void feed(ModuleRegistry registry, String dump) {
        byte[] bytes = dump.getBytes(StandardCharsets.UTF_8);
        registry.write(bytes, 0, bytes.length);
    }
}
