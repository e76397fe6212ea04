package org.juniper.sample;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.juniper.upgrade.archive.Checksum;

/**
 * {@code java -jar juniper-sample.jar --version 14.0 --scale 0.01 --database acme --seed 42 --out acme.zip}
 * writes a sample customer backup.
 */
public final class SampleBackupCommand {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String HELP = """
            usage: java -jar juniper-sample.jar --out FILE.zip [--version 14.0] [--scale 0.01]
                                                    [--database sample] [--seed 42] [--custom-module]
              --out            where to write the backup zip (required)
              --version        Juniper version of the sample, 14.0 to 18.0 (default 14.0)
              --scale          1 is a mid-size customer (a database of about 1 GB); 0.01 a small test sample
                               (default 0.01)
              --database       database name recorded in the manifest (default sample)
              --seed           the same seed gives the same backup (default 42)
              --custom-module  the customer has its own module, unknown to the pack, with custom fields and a
                               view on a field a later release removes
            """;

    private SampleBackupCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String version = "14.0";
        String scale = "0.01";
        String database = "sample";
        String seed = "42";
        String target = null;
        boolean customModule = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                out.print(HELP);
                return OK;
            }
            if (option.equals("--custom-module")) {
                customModule = true;
                continue;
            }
            if (i + 1 >= args.length || !option.startsWith("--")) {
                return usage(err, option.startsWith("--") ? option + " needs a value" : "unexpected argument '"
                        + option + "'");
            }
            String value = args[++i];
            switch (option) {
                case "--version" -> version = value;
                case "--scale" -> scale = value;
                case "--database" -> database = value;
                case "--seed" -> seed = value;
                case "--out" -> target = value;
                default -> {
                    return usage(err, "unknown option " + option);
                }
            }
        }
        if (target == null) {
            return usage(err, "--out is required");
        }
        SampleSpec spec;
        try {
            spec = new SampleSpec(database, version, Double.parseDouble(scale), Long.parseLong(seed), customModule);
        } catch (NumberFormatException e) {
            return usage(err, "--scale must be a number and --seed an integer");
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        Path path = Path.of(target);
        long started = System.nanoTime();
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
            Checksum checksum = new SampleDatabase().writeBackup(file, spec);
            out.printf(Locale.ROOT, "wrote %s: Juniper %s%s, scale %s, seed %d, %.1f MB in %.1f s (sha256 %s)%n",
                    path, spec.version(), customModule ? " with " + CustomModule.NAME : "", scale, spec.seed(),
                    checksum.size() / 1e6, (System.nanoTime() - started) / 1e9, checksum.sha256());
            return OK;
        } catch (IllegalArgumentException e) {
            deleteQuietly(path);
            return usage(err, e.getMessage());
        } catch (IOException | RuntimeException e) {
            deleteQuietly(path);
            err.println("error: could not write " + path + ": " + e);
            return FAILED;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.print(HELP);
        return USAGE;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // the write error already reported is the one that matters
        }
    }
}
