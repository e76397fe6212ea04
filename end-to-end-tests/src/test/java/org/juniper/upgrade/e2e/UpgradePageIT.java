package org.juniper.upgrade.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.juniper.upgrade.client.IntakeClient;
import org.juniper.upgrade.client.RequestStatus;
import org.juniper.upgrade.client.Token;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A person in Debian's headless Chromium goes through the upgrade page against the five running services: requests
 * a test upgrade of a 14.0 sample, uploads it through a connection that is cut once midway, follows the request to
 * done while its log grows, opens the report and takes the download. Each step's screenshot lands in docs/page-*.png.
 */
class UpgradePageIT extends RunningPlatform {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** A loaded machine starts a browser slowly. */
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** About 21 MB, of which the 12 MiB before the cut hold a whole 8 MiB part of intake's: an upgrade of a minute. */
    private static final double SCALE = 0.1;
    private static final long CUT_AFTER = 12L * 1024 * 1024;
    private static final Path DOCS = Path.of(System.getProperty("juniper.project.root", ".."), "docs");

    @TempDir
    Path work;

    Path downloads;

    ChromeDriver browser;
    CuttingProxy proxy;

    @BeforeEach
    void start() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "the page is checked in a "
                + "real browser: Debian's chromium and chromium-driver, which ./platform test installs");
        downloads = Files.createDirectory(work.resolve("downloads"));
        proxy = new CuttingProxy(ServiceProcesses.port("intake-service"), CUT_AFTER);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=1000,1100");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().withTimeout(WAIT).build();
        browser = new ChromeDriver(driver, options);
        browser.manage().timeouts().pageLoadTimeout(WAIT);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void aPersonUploadsThroughACutConnectionFollowsTheRequestToDoneOpensTheReportAndTakesTheDownload()
            throws Exception {
        String database = "page-" + UUID.randomUUID().toString().substring(0, 6);
        Path backup = work.resolve(database + ".zip");
        Files.write(backup, TestInstance.sample(database, SCALE));
        assertTrue(Files.size(backup) > CUT_AFTER + 4 * 1024 * 1024, "the sample outlasts the cut by a good part: "
                + Files.size(backup));

        browser.get("http://127.0.0.1:" + proxy.port() + "/");
        assertTrue(browser.findElement(By.cssSelector("input[name=purpose][value=test]")).isSelected(),
                "test is preselected for a database's first request");
        browser.findElement(By.id("contract")).sendKeys("M2026-0042");
        browser.findElement(By.id("email")).sendKeys("person@" + database + ".example");
        browser.findElement(By.id("target")).sendKeys("17.0");
        browser.findElement(By.id("backup")).sendKeys(backup.toString());
        browser.findElement(By.id("database")).sendKeys(database);
        screenshot("page-request");
        browser.findElement(By.cssSelector("#request-form button[type=submit]")).click();

        await().atMost(WAIT).until(() -> browser.findElement(By.id("created")).isDisplayed());
        String secret = browser.findElement(By.id("secret")).getText();
        await().atMost(WAIT).until(proxy::hasCut);
        await().atMost(WAIT).until(() -> browser.findElement(By.id("upload-status")).getText().contains("resumed")
                && Long.parseLong(browser.findElement(By.id("upload-progress")).getDomProperty("value")) > 60);
        screenshot("page-upload");
        await().atMost(Journey.RUN).until(() -> browser.getCurrentUrl().contains("/requests/"));
        String id = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);

        List<Long> offsets = proxy.patchOffsets();
        // a try right after the cut may still find intake storing the part that arrived, and is refused: the one
        // that finishes starts where intake had got to
        assertTrue(offsets.get(0) == 0 && offsets.get(offsets.size() - 1) > 0, "the upload was cut, then resumed "
                + "where intake had got to, not from the start: " + offsets);
        Token request = new Token(UUID.fromString(id), secret);
        IntakeClient intake = TestInstance.intake();
        assertEquals(sha256(backup), intake.status(request).backup().sha256(),
                "the stored backup is the file, byte for byte");

        // the log as the page shows it, read until the request ends: it grows while the request runs
        TreeSet<Integer> lineCounts = new TreeSet<>();
        boolean[] shot = {false};
        await().atMost(Journey.RUN).pollInterval(Duration.ofMillis(250)).until(() -> {
            int lines = browser.findElement(By.id("log")).getText().split("\n", -1).length;
            String state = browser.findElement(By.id("state")).getText();
            if ("progress".equals(state)) {
                lineCounts.add(lines);
                if (!shot[0] && lines > 3) {
                    screenshot("page-follow");
                    shot[0] = true;
                }
            }
            return TestInstance.terminal(state);
        });
        assertEquals("done", intake.status(request).state(), intake.status(request).toString());
        assertTrue(lineCounts.size() >= 2, "the log came as the request ran, in more than one piece: " + lineCounts);
        await().atMost(WAIT).until(() -> browser.findElement(By.id("download")).isDisplayed());
        screenshot("page-done");

        String page = browser.getWindowHandle();
        browser.findElement(By.id("report")).click();
        await().atMost(WAIT).until(() -> browser.getWindowHandles().size() == 2);
        browser.switchTo().window(browser.getWindowHandles().stream().filter(h -> !h.equals(page)).findFirst()
                .orElseThrow());
        await().atMost(WAIT).until(() -> browser.getTitle().equals("Upgrade report: " + database + " 14.0 to 17.0"));
        screenshot("page-report");
        browser.close();
        browser.switchTo().window(page);

        browser.findElement(By.id("download")).click();
        RequestStatus.Result result = intake.status(request).result();
        await().atMost(WAIT).until(() -> downloaded().filter(p -> !p.toString().endsWith(".crdownload"))
                .anyMatch(p -> size(p) == result.size()));
        Path archive = downloaded().filter(p -> size(p) == result.size()).findFirst().orElseThrow();
        assertEquals(result.sha256(), sha256(archive), "the download is the delivered archive");

        browser.manage().window().setSize(new Dimension(400, 900));
        browser.navigate().refresh();
        await().atMost(WAIT).until(() -> browser.findElement(By.id("state")).getText().equals("done"));
        assertTrue((Boolean) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth"),
                "a phone-sized window shows the page without side-scrolling");
    }

    private Stream<Path> downloaded() throws Exception {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.toList().stream();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (Exception e) {
            return -1;
        }
    }

    /** The whole page: the window is made as tall as the page, plus what the browser keeps around it. */
    private void screenshot(String name) throws Exception {
        JavascriptExecutor page = browser;
        long around = browser.manage().window().getSize().height - (Long) page.executeScript(
                "return window.innerHeight");
        long height = (Long) page.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1000, (int) Math.min(height + around, 4000)));
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, DOCS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
