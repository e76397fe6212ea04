package org.juniper.sample;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.juniper.upgrade.archive.BackupArchiveReader;
import org.juniper.upgrade.archive.InvalidBackupException;

/** The dump.sql of a generated sample, for the tests that restore one. */
public final class SampleDumps {
    private SampleDumps() {
    }

    public static byte[] dump(SampleSpec spec) throws IOException, InvalidBackupException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        new SampleDatabase().writeBackup(zip, spec);
        byte[][] dump = {null};
        BackupArchiveReader.read(new ByteArrayInputStream(zip.toByteArray()), (name, in) -> {
            if (name.equals("dump.sql")) {
                dump[0] = in.readAllBytes();
            }
        });
        return dump[0];
    }
}
