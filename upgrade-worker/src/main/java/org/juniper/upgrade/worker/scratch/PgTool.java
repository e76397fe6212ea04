package org.juniper.upgrade.worker.scratch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where the scratch cluster's PostgreSQL client tools are, and their command lines. */
final class PgTool {
    private PgTool() {
    }

    static Path binary(Optional<String> pgBin, String tool) {
        if (pgBin.isEmpty()) {
            return Path.of(tool);
        }
        Path path = Path.of(pgBin.get(), tool);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(tool + " not found in " + pgBin + "; install the PostgreSQL client "
                    + "tools or set juniper.scratch.pg-bin");
        }
        return path;
    }

    static List<String> args(Path binary, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        return command;
    }
}
