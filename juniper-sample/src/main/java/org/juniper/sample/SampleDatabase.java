package org.juniper.sample;

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
 * any scale, and the same spec always gives the same entries. Every version of the pack is generated from the same
 * description of the customer, under that version's names and shapes.
 */
public final class SampleDatabase {
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
        VersionShape shape = new VersionShape(pack.supportedVersions(), spec.version());
        List<String> modules = pack.modules(spec.version());
        SchemaLayout layout = SchemaLayout.of(pack, spec.version(), modules);
        CustomModule custom = spec.customModule() ? CustomModule.install(layout, spec.version()) : null;
        SampleModel model = new SampleModel(spec, layout, shape, custom);
        CustomerSetup setup = new CustomerSetup(model, spec.databaseName());
        Attachments attachments = new Attachments(model);
        Map<String, DumpWriter.TableRows> tables = new LinkedHashMap<>(new BusinessTables(model).tables());
        tables.putAll(setup.tables());
        tables.put("ir_attachment", attachments::writeTable);

        Map<String, String> moduleVersions = new LinkedHashMap<>(pack.moduleVersions(spec.version(), modules));
        if (custom != null) {
            moduleVersions.put(CustomModule.NAME, spec.version() + ".1.0");
        }
        BackupArchiveWriter archive = new BackupArchiveWriter(out);
        archive.manifest(Manifest.of(spec.databaseName(), spec.version(), PG_VERSION, moduleVersions));
        try (OutputStream dump = archive.dump()) {
            new DumpWriter(dump, layout, shape).write(tables, setup.standardChanges());
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
