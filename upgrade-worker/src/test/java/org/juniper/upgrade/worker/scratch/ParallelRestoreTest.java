package org.juniper.upgrade.worker.scratch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.juniper.sample.SampleDatabase;
import org.juniper.sample.SampleSpec;
import org.juniper.upgrade.archive.ArchiveLayout;
import org.juniper.upgrade.archive.BackupArchiveReader;
import org.juniper.upgrade.archive.DumpGuard;
import org.juniper.upgrade.archive.psql.PgProcess;
import org.juniper.upgrade.events.FailureReason;
import org.junit.jupiter.api.Test;

/** The restore of a plain dump over parallel psql sessions, against one psql session, on the scratch cluster. */
@QuarkusTest
class ParallelRestoreTest {
    @Inject
    ScratchDatabases scratch;

    @Test
    void aDumpRestoredInParallelEqualsTheSameDumpRestoredByOnePsql() throws Exception {
        String dump = sampleDump();
        ScratchDatabase parallel = scratch.create("parallel-" + UUID.randomUUID(), 1);
        ScratchDatabase single = scratch.create("single-" + UUID.randomUUID(), 1);
        try {
            parallel.restorePlain(new ByteArrayInputStream(dump.getBytes(StandardCharsets.UTF_8)));
            PgProcess.Result result = PgProcess.run(single.psqlCommand(true), single.env(),
                    stdin -> DumpGuard.copy(new ByteArrayInputStream(dump.getBytes(StandardCharsets.UTF_8)), stdin,
                            "K3y"), null);
            assertEquals(0, result.exitCode(), result.errors());

            String expected = dumpOf(single);
            assertEquals(expected, dumpOf(parallel), "same schema, rows, constraints and sequence positions");
            assertTrue(expected.contains("FOREIGN KEY") && !expected.contains("NOT VALID"), "keys are validated");
            try (Connection connection = parallel.connect(); ResultSet unvalidated = connection.createStatement()
                    .executeQuery("SELECT count(*) FROM pg_constraint WHERE NOT convalidated")) {
                unvalidated.next();
                assertEquals(0, unvalidated.getInt(1));
            }
        } finally {
            parallel.drop();
            single.drop();
        }
    }

    /** Loads that empty the table first are kept to tables whose rows come from one entry only. */
    @Test
    void noRowIsLostWhenATableIsLoadedTwiceOrThroughItsPartitionRoot() throws Exception {
        String dump = """
                SET client_encoding = 'UTF8';

                --
                -- Name: measure; Type: TABLE; Schema: public; Owner: -
                --

                CREATE TABLE public.measure (
                    id integer NOT NULL,
                    taken date NOT NULL
                )
                PARTITION BY RANGE (taken);

                --
                -- Name: measure_2025; Type: TABLE; Schema: public; Owner: -
                --

                CREATE TABLE public.measure_2025 (
                    id integer NOT NULL,
                    taken date NOT NULL
                );

                --
                -- Name: measure_2025; Type: TABLE ATTACH; Schema: public; Owner: -
                --

                ALTER TABLE ONLY public.measure ATTACH PARTITION public.measure_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

                --
                -- Name: note; Type: TABLE; Schema: public; Owner: -
                --

                CREATE TABLE public.note (
                    id integer NOT NULL,
                    body text
                );

                --
                -- Data for Name: measure; Type: TABLE DATA; Schema: public; Owner: -
                --

                COPY public.measure (id, taken) FROM stdin;
                1\t2025-03-01
                \\.

                --
                -- Data for Name: measure; Type: TABLE DATA; Schema: public; Owner: -
                --

                COPY public.measure (id, taken) FROM stdin;
                2\t2025-04-01
                \\.

                --
                -- Data for Name: note; Type: TABLE DATA; Schema: public; Owner: -
                --

                COPY public.note (id, body) FROM stdin;
                1\tfirst
                \\.

                --
                -- Data for Name: note; Type: TABLE DATA; Schema: public; Owner: -
                --

                COPY public.note (id, body) FROM stdin;
                2\tsecond
                \\.

                --
                -- Name: note note_pkey; Type: CONSTRAINT; Schema: public; Owner: -
                --

                ALTER TABLE ONLY public.note
                    ADD CONSTRAINT note_pkey PRIMARY KEY (id);
                """;
        ScratchDatabase db = scratch.create("loads-" + UUID.randomUUID(), 1);
        try {
            db.restorePlain(new ByteArrayInputStream(dump.getBytes(StandardCharsets.UTF_8)));
            try (Connection connection = db.connect(); ResultSet rows = connection.createStatement().executeQuery(
                    "SELECT (SELECT string_agg(id::text, ',' ORDER BY id) FROM measure), "
                            + "(SELECT string_agg(body, ',' ORDER BY id) FROM note)")) {
                rows.next();
                assertEquals("1,2", rows.getString(1), "both loads through the partition root");
                assertEquals("first,second", rows.getString(2), "both loads of the table");
            }
        } finally {
            db.drop();
        }
    }

    @Test
    void aMetaCommandInAnySectionIsRefusedAndNeverRuns() throws Exception {
        String dump = sampleDump();
        Path marker = Path.of(System.getProperty("java.io.tmpdir"), "juniper-owned-" + UUID.randomUUID());
        String escape = "\\! touch " + marker + "\n";
        String[] places = {"-- Name: res_partner; Type: TABLE DATA;", "-- Name: res_partner res_partner_pkey; "
                + "Type: CONSTRAINT;", "-- Name: res_partner res_partner_company_id_fkey; Type: FK CONSTRAINT;"};
        for (String place : places) {
            int at = dump.indexOf(place);
            assertTrue(at > 0, place);
            String hostile = dump.substring(0, at) + escape + dump.substring(at);
            ScratchDatabase db = scratch.create("hostile-" + UUID.randomUUID(), 1);
            try {
                ScratchFailure failure = assertThrows(ScratchFailure.class, () -> db.restorePlain(
                        new ByteArrayInputStream(hostile.getBytes(StandardCharsets.UTF_8))));
                assertEquals(FailureReason.BACKUP_UNSAFE_DUMP, failure.reason(), place + ": " + failure.getMessage());
            } finally {
                db.drop();
            }
            assertFalse(Files.exists(marker), place);
        }
    }

    @Test
    void aMetaCommandInsideALineStopsTheSessionItReaches() throws Exception {
        String dump = sampleDump();
        Path marker = Path.of(System.getProperty("java.io.tmpdir"), "juniper-owned-" + UUID.randomUUID());
        // not at the start of a line, so only the session's restricted mode stands in its way
        String hostile = dump.replace("ALTER TABLE ONLY public.res_partner\n    ADD CONSTRAINT res_partner_pkey",
                "SELECT 1 \\! touch " + marker + "\n;\nALTER TABLE ONLY public.res_partner\n"
                        + "    ADD CONSTRAINT res_partner_pkey");
        assertFalse(hostile.equals(dump));
        ScratchDatabase db = scratch.create("hostile-" + UUID.randomUUID(), 1);
        try {
            ScratchFailure failure = assertThrows(ScratchFailure.class, () -> db.restorePlain(
                    new ByteArrayInputStream(hostile.getBytes(StandardCharsets.UTF_8))));
            assertEquals(FailureReason.RESTORE_FAILED, failure.reason(), failure.getMessage());
            assertTrue(failure.getMessage().contains("restricted"), failure.getMessage());
        } finally {
            db.drop();
        }
        assertFalse(Files.exists(marker));
    }

    private static String sampleDump() throws Exception {
        ByteArrayOutputStream backup = new ByteArrayOutputStream();
        new SampleDatabase().writeBackup(backup, new SampleSpec("acme", "14.0", 0.01, 5));
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        BackupArchiveReader.read(new ByteArrayInputStream(backup.toByteArray()), (name, content) -> {
            if (name.equals(ArchiveLayout.DUMP)) {
                content.transferTo(dump);
            }
        });
        return dump.toString(StandardCharsets.UTF_8);
    }

    /**
     * pg_dump's output without the restrict key it makes up each time, the rows of each table sorted: sessions
     * loading at once may place rows on other pages, which changes the order pg_dump reads them in, not the content.
     */
    private static String dumpOf(ScratchDatabase db) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        db.dump(out);
        StringBuilder text = new StringBuilder();
        List<String> rows = null;
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.matches("\\\\(un)?restrict .*")) {
                continue;
            }
            if (rows != null && !line.equals("\\.")) {
                rows.add(line);
                continue;
            }
            if (rows != null) {
                rows.stream().sorted().forEach(row -> text.append(row).append('\n'));
                rows = null;
            } else if (line.startsWith("COPY ")) {
                rows = new ArrayList<>();
            }
            text.append(line).append('\n');
        }
        return text.toString();
    }
}
