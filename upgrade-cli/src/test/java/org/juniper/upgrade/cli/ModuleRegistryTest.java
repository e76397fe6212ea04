package org.juniper.upgrade.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A dump file gets its manifest from its own module registry, read as the dump streams by. */
class ModuleRegistryTest {
    private static final String DUMP = """
            --
            -- PostgreSQL database dump
            --

            -- Dumped from database version 15.14
            -- Dumped by pg_dump version 15.18

            COPY public.res_partner (id, name) FROM stdin;
            1\tCOPY public.ir_module_module (id, name) FROM stdin;
            \\.

            COPY public.ir_module_module (id, name, description, latest_version, state) FROM stdin;
            1\tbase\tThe kernel\\nof it all\t14.0.1.3\tinstalled
            2\tsale\t\\N\t14.0.1.1\tinstalled
            3\tcrm\t\\N\t14.0.1.0\tuninstalled
            4\tcustom\t\\N\t\\N\tinstalled
            \\.

            """;

    @Test
    void installedModulesAndTheServerVersionAreReadFromThePlainDump() {
        ModuleRegistry registry = new ModuleRegistry();
        byte[] dump = DUMP.getBytes(StandardCharsets.UTF_8);
        // in pieces that cut lines, as pg_dump's output arrives
        for (int i = 0; i < dump.length; i += 7) {
            registry.write(dump, i, Math.min(7, dump.length - i));
        }
        registry.close();

        assertEquals(Map.of("base", "14.0.1.3", "sale", "14.0.1.1", "custom", ""), registry.installedModules());
        assertEquals(Optional.of("15"), registry.serverMajor());
        assertEquals(Optional.of("14.0"), ModuleRegistry.juniperVersion(registry.installedModules()));
    }

    @Test
    void withoutABaseModuleTheVersionIsUnknown() {
        assertEquals(Optional.empty(), ModuleRegistry.juniperVersion(Map.of("sale", "14.0.1.1")));
        assertEquals(Optional.empty(), ModuleRegistry.juniperVersion(Map.of()));
    }
}
