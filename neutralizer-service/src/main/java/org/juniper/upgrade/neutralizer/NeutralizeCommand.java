package org.juniper.upgrade.neutralizer;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.juniper.erp.JuniperPack;
import org.juniper.upgrade.neutralizer.service.ArchiveNeutralizer;

/**
 * The neutralizer on local files, without the platform:
 * {@code neutralize --stdout upgraded.zip} prints the SQL equivalent of what the test archive would get (like
 * {@code odoo-bin neutralize --stdout}); {@code neutralize upgraded.zip test.zip} writes and checks the test archive
 * and prints the time it took.
 */
public final class NeutralizeCommand {
    private NeutralizeCommand() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        ArchiveNeutralizer neutralizer = new ArchiveNeutralizer(JuniperPack.load());
        if (args.length == 2 && args[0].equals("--stdout")) {
            Path archive = Path.of(args[1]);
            out.print(neutralizer.preview(() -> Files.newInputStream(archive)));
            return;
        }
        if (args.length != 2) {
            System.err.println("usage: neutralize --stdout <upgraded.zip> | neutralize <upgraded.zip> <test.zip>");
            System.exit(2);
        }
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        long start = System.nanoTime();
        ArchiveNeutralizer.Result result = neutralizer.write(() -> Files.newInputStream(source),
                () -> Files.newOutputStream(target));
        long done = System.nanoTime();
        out.printf("rules %d, rows changed %d, archive %d bytes%n", result.rules().size(), result.rowsChanged(),
                result.checksum().size());
        // the check runs beside the rewrite, on the bytes the archive receives
        out.printf("neutralize_s %.2f%n", (done - start) / 1e9);
    }
}
