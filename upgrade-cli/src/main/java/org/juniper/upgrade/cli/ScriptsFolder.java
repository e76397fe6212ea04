package org.juniper.upgrade.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.juniper.erp.CustomScripts;
import org.juniper.erp.InvalidScriptsException;
import org.juniper.erp.JuniperPack;

/**
 * {@code --scripts DIR}: the upgrade scripts of the customer's own modules, a folder laid out as the platform's
 * ({@code <version>/<module>/{pre,post,end}-NN-name.sql}, {@code 0.0.0} for every hop). It is zipped and checked
 * here with the parser intake and the worker use, so that a misplaced file is told before a long dump and before
 * anything is uploaded.
 */
final class ScriptsFolder {
    /**
     * The zipped folder, ready to upload.
     *
     * @param scripts what the platform will read in it
     */
    record Packed(Path folder, byte[] zip, CustomScripts scripts) {
        String describe() {
            return scripts.scripts().size() + " upgrade script(s) for " + String.join(", ", scripts.modules());
        }
    }

    private ScriptsFolder() {
    }

    /** Zips and checks {@code folder}; a folder the platform would refuse ends the run with every problem. */
    static Packed pack(Path folder, JuniperPack pack) {
        byte[] zip = zip(folder);
        try {
            return new Packed(folder, zip, CustomScripts.read(pack, zip));
        } catch (InvalidScriptsException e) {
            throw refused(folder, e.problems());
        }
    }

    /** Refuses scripts of versions the upgrade from {@code source} to {@code target} does not go through. */
    static void requireWithin(Packed packed, JuniperPack pack, String source, String target) {
        List<String> hops;
        try {
            hops = pack.hops(source, target);
        } catch (IllegalArgumentException e) {
            // an unknown version is the platform's to refuse, with its own list of versions
            return;
        }
        List<CustomScripts.Problem> outside = packed.scripts().outsideHops(hops);
        if (!outside.isEmpty()) {
            throw refused(packed.folder(), outside);
        }
    }

    /**
     * The zip of the files under {@code folder}, by their path under it, in name order. Files and folders whose name
     * starts with a dot (.git, editors' files) are left out; anything else is sent as it is, so that the platform's
     * check names it.
     */
    static byte[] zip(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new CliFailure(Exit.USAGE, "--scripts " + folder + " is not a folder: give the folder that holds "
                    + "<version>/<module>/{pre,post,end}-NN-name.sql");
        }
        List<Path> files = new ArrayList<>();
        long total = 0;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) walk.sorted()::iterator) {
                Path relative = folder.relativize(path);
                boolean hidden = false;
                for (Path part : relative) {
                    hidden |= part.toString().startsWith(".");
                }
                if (!hidden && Files.isRegularFile(path)) {
                    files.add(path);
                    total += Files.size(path);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CliFailure(Exit.USAGE, "cannot read the scripts folder " + folder + ": " + e.getMessage(), e);
        }
        if (total > CustomScripts.MAX_BYTES) {
            throw new CliFailure(Exit.REFUSED, "the scripts in " + folder + " take " + total + " bytes: the platform "
                    + "takes at most " + CustomScripts.MAX_BYTES);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Path file : files) {
                StringBuilder name = new StringBuilder();
                for (Path part : folder.relativize(file)) {
                    name.append(name.length() == 0 ? "" : "/").append(part);
                }
                out.putNextEntry(new ZipEntry(name.toString()));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new CliFailure(Exit.USAGE, "cannot read the scripts folder " + folder + ": " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static CliFailure refused(Path folder, List<CustomScripts.Problem> problems) {
        StringBuilder message = new StringBuilder("the scripts in " + folder + " would be refused by the platform:");
        for (CustomScripts.Problem problem : problems) {
            message.append("\n  ").append(problem.reason()).append(" ").append(problem.message())
                    .append("\n    expected: ").append(problem.expected());
        }
        message.append("\nThe scripts were not sent.");
        return new CliFailure(Exit.REFUSED, message.toString());
    }
}
