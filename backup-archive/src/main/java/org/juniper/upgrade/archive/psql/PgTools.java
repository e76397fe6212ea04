package org.juniper.upgrade.archive.psql;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the PostgreSQL client tools are, in a folder given by configuration or on the PATH, and their command lines;
 * {@link PgProcess} runs them.
 */
public final class PgTools {
    private final Path folder;

    /** @param folder where the tools are, or null to look on the PATH */
    public PgTools(Path folder) {
        this.folder = folder;
    }

    /** A tool that is not where it was looked for; its message says where that was, the caller what to do. */
    public static final class Missing extends IllegalStateException {
        Missing(String message) {
            super(message);
        }
    }

    /** The tool's path. */
    public Path find(String tool) {
        if (folder != null) {
            Path path = folder.resolve(tool);
            if (Files.isExecutable(path)) {
                return path;
            }
            throw new Missing(tool + " is not in " + folder);
        }
        String searchPath = System.getenv("PATH");
        for (String dir : (searchPath == null ? "" : searchPath).split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return Path.of(dir, tool);
            }
        }
        throw new Missing(tool + " is not installed (not found on the PATH)");
    }

    /** The command line of a tool: its path, then the arguments. */
    public List<String> command(String tool, String... args) {
        List<String> command = new ArrayList<>();
        command.add(find(tool).toString());
        command.addAll(Arrays.asList(args));
        return command;
    }
}
