package org.juniper.upgrade.neutralizer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.juniper.erp.JuniperPack;
import org.juniper.sample.SampleDatabase;
import org.juniper.sample.SampleSpec;
import org.juniper.upgrade.archive.ArchiveLayout;
import org.juniper.upgrade.archive.BackupArchiveReader;
import org.juniper.upgrade.archive.InvalidBackupException;
import org.juniper.upgrade.archive.Sha1;
import org.juniper.upgrade.neutralizer.rules.DeclaredRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rewrite and its check, on a generated archive; the service test restores test archives into PostgreSQL. */
class ArchiveNeutralizerTest {
    private static final JuniperPack PACK = JuniperPack.load();
    private static byte[] upgraded;

    @BeforeAll
    static void sample() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SampleDatabase(PACK).writeBackup(out, new SampleSpec("acme", "17.0", 0.01, 5));
        upgraded = out.toByteArray();
    }

    @Test
    void aTestArchiveIsWrittenOnlyWhenTheCheckBesideItsRewriteFindsEveryRuleHolding() throws Exception {
        ByteArrayOutputStream test = new ByteArrayOutputStream();
        ArchiveNeutralizer.Result result = new ArchiveNeutralizer(PACK).write(() -> new ByteArrayInputStream(upgraded),
                () -> test);

        assertTrue(result.rowsChanged() > 0, "the rules changed rows of the sample");
        assertEquals(entries(upgraded).keySet(), entries(test.toByteArray()).keySet(), "the same entries");
        entries(upgraded).forEach((name, sha1) -> {
            if (!name.equals(ArchiveLayout.DUMP)) {
                assertEquals(sha1, entries(test.toByteArray()).get(name), name + " is copied as it was");
            }
        });
        assertNotEquals(entries(upgraded).get(ArchiveLayout.DUMP), entries(test.toByteArray()).get(
                ArchiveLayout.DUMP), "the dump is rewritten");
    }

    @Test
    void theCheckNamesWhatADumpTheRulesWereNotAppliedToStillBreaks() throws Exception {
        List<DeclaredRule> rules = new ArchiveNeutralizer(PACK).rules(new ArchiveNeutralizer(PACK).manifest(
                () -> new ByteArrayInputStream(upgraded)));
        // the check of a rewrite that never ran, on the untouched dump
        DumpRewriter checker = DumpRewriter.checker(new DumpRewriter(rules));
        checker.rewrite(dump(upgraded), null);

        assertFalse(checker.violations().isEmpty(), "the original dump breaks the rules");
        assertTrue(checker.violations().stream().anyMatch(v -> v.contains("ir_cron")), checker.violations()
                .toString());
    }

    private static Map<String, String> entries(byte[] archive) {
        Map<String, String> entries = new TreeMap<>();
        try {
            BackupArchiveReader.read(new ByteArrayInputStream(archive), (name, content) -> entries.put(name,
                    Sha1.of(content.readAllBytes())));
        } catch (IOException | InvalidBackupException e) {
            throw new AssertionError(e);
        }
        return entries;
    }

    private static InputStream dump(byte[] archive) throws IOException, InvalidBackupException {
        byte[][] dump = {null};
        BackupArchiveReader.read(new ByteArrayInputStream(archive), (name, content) -> {
            if (name.equals(ArchiveLayout.DUMP)) {
                dump[0] = content.readAllBytes();
            }
        });
        return new ByteArrayInputStream(dump[0]);
    }
}
