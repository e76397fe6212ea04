package org.juniper.erp.sample;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.juniper.erp.JuniperPack;
import org.juniper.upgrade.archive.BackupArchiveWriter;
import org.juniper.upgrade.archive.Checksum;
import org.juniper.upgrade.archive.Manifest;

/**
 * Generates the backup of a realistic customer database, as the ERP's database manager would export it: a plain
 * pg_dump, a manifest and a filestore. Rows stream to the archive as they are generated, so memory stays flat at
 * any scale, and the same spec always gives the same entries.
 */
public final class SampleDatabase {
    /** Versions whose schema the generator fills; later versions are produced by upgrading a 14.0 sample. */
    public static final List<String> GENERATED_VERSIONS = List.of("14.0");
    static final String PG_VERSION = "15";

    private final JuniperPack pack;

    public SampleDatabase() {
        this(JuniperPack.load());
    }

    public SampleDatabase(JuniperPack pack) {
        this.pack = pack;
    }

    /**
     * Writes the backup zip to {@code out}, which stays open.
     *
     * @return the checksum and size of the bytes written
     */
    public Checksum writeBackup(OutputStream out, SampleSpec spec) throws IOException {
        if (!GENERATED_VERSIONS.contains(spec.version())) {
            throw new IllegalArgumentException("the sample generator writes Juniper " + GENERATED_VERSIONS
                    + " databases, not " + spec.version() + "; upgrade a 14.0 sample to get a later version");
        }
        List<String> modules = pack.modules(spec.version());
        SampleModel model = new SampleModel(spec, SchemaLayout.of(pack, spec.version(), modules));
        CustomerSetup setup = new CustomerSetup(model, spec.databaseName());
        Attachments attachments = new Attachments(model);
        Map<String, DumpWriter.TableRows> tables = new LinkedHashMap<>(new BusinessTables(model).tables());
        tables.putAll(setup.tables());
        tables.put("ir_attachment", attachments::writeTable);

        BackupArchiveWriter archive = new BackupArchiveWriter(out);
        archive.manifest(Manifest.of(spec.databaseName(), spec.version(), PG_VERSION,
                pack.moduleVersions(spec.version(), modules)));
        try (OutputStream dump = archive.dump()) {
            new DumpWriter(dump, model.layout).write(tables, setup.standardChanges());
        }
        // a file attached many times is stored once, as the ERP's filestore does
        Set<String> sharedWritten = new HashSet<>();
        attachments.forEach(file -> {
            if (!file.inDatabase() && (!file.shared() || sharedWritten.add(file.sha1()))) {
                archive.filestoreFile(file.sha1(), new ByteArrayInputStream(file.content()));
            }
        });
        return archive.finish();
    }
}
