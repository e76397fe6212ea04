package org.juniper.upgrade.report.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium, run once per call with a fresh profile and no network chatter. The platform script
 * installs it with the other prerequisites.
 */
final class Chromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 60;

    private final Path workDir;

    Chromium(Path workDir) {
        assertTrue(Files.isExecutable(BINARY), BINARY + " is missing: the report is checked in a real browser. "
                + "Install Debian's chromium package (apt-get install -y chromium), which ./platform does with "
                + "the other prerequisites");
        this.workDir = workDir;
    }

    /** The DOM after the page has loaded and its scripts have run. */
    String dumpDom(Path page, int width, int height) throws Exception {
        return run(page, width, height, "--dump-dom");
    }

    void screenshot(Path page, int width, int height, Path png) throws Exception {
        run(page, width, height, "--screenshot=" + png.toAbsolutePath());
        assertTrue(Files.size(png) > 0, "chromium wrote no screenshot");
    }

    private String run(Path page, int width, int height, String action) throws Exception {
        Path profile = Files.createTempDirectory(workDir, "chromium-profile");
        Path out = workDir.resolve("chromium-" + System.nanoTime() + ".out");
        Path err = workDir.resolve("chromium-" + System.nanoTime() + ".err");
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height, action,
                page.toAbsolutePath().toUri().toString()));
        Process chromium = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        if (!chromium.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            chromium.destroyForcibly().waitFor();
            throw new IOException("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + tail(err));
        }
        assertEquals(0, chromium.exitValue(), "chromium failed: " + tail(err));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    }
}
