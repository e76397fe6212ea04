package org.juniper.upgrade.intake.page;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.juniper.upgrade.intake.Intake.attemptOf;
import static org.juniper.upgrade.intake.Intake.awaitState;
import static org.juniper.upgrade.intake.Intake.ops;
import static org.juniper.upgrade.intake.Intake.queued;
import static org.juniper.upgrade.intake.Intake.sampleBackup;
import static org.juniper.upgrade.intake.Intake.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.juniper.upgrade.events.UpgradeProgress;
import org.juniper.upgrade.intake.HeadlessChromium;
import org.juniper.upgrade.intake.Intake.Created;
import org.juniper.upgrade.intake.PlaysTheParts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A person on the upgrade page in Debian's headless Chromium, the test playing the worker: the form and its upload,
 * and following a request from a browser that does not have its key. The whole journey, upload and download included, is
 * UpgradePageIT's, against the five services.
 */
@QuarkusTest
class UpgradePageInBrowserTest extends PlaysTheParts {
    private static final Duration WAIT = HeadlessChromium.WAIT;

    @TestHTTPResource("/")
    URL page;

    ChromeDriver browser;

    @BeforeEach
    void start() {
        browser = HeadlessChromium.start(1000, 1000);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theFormPreselectsTestLabelsEveryFieldAndSaysPlainlyThatAProductionDatabaseMustNotBeUsedMeanwhile() {
        browser.get(page.toString());
        WebElement test = browser.findElement(By.cssSelector("input[name=purpose][value=test]"));
        WebElement warning = browser.findElement(By.id("production-warning"));
        assertTrue(test.isSelected(), "test is preselected for a database's first request");
        assertFalse(warning.isDisplayed(), "no warning for a test");

        // with the keyboard, as a person without a mouse: from test to production with an arrow key
        test.sendKeys(Keys.ARROW_DOWN);
        assertTrue(browser.findElement(By.cssSelector("input[name=purpose][value=production]")).isSelected());
        assertTrue(warning.isDisplayed() && warning.getText().contains("do not use the database"),
                "a production request says plainly that the database must not be used meanwhile");

        JavascriptExecutor script = browser;
        assertEquals(0L, script.executeScript("return [...document.querySelectorAll('input, select')]"
                + ".filter(field => field.labels.length === 0).length"), "every field has its label");
        browser.manage().window().setSize(new Dimension(400, 900));
        assertTrue((Boolean) script.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"),
                "a phone-sized window shows the form without side-scrolling");
    }

    @Test
    void aPersonRequestsATestUpgradeWithTheFormAndTheBackupGoesUpWithTusBeforeTheRequestIsQueued(@TempDir Path files)
            throws Exception {
        String database = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        Path backup = Files.write(files.resolve(database + ".zip"), sampleBackup(database));
        browser.get(page.toString());
        browser.findElement(By.id("contract")).sendKeys("M2026-0042");
        browser.findElement(By.id("email")).sendKeys("it@acme.example");
        browser.findElement(By.id("target")).sendKeys("17.0");
        browser.findElement(By.id("backup")).sendKeys(backup.toString());
        browser.findElement(By.id("database")).sendKeys(database, Keys.ENTER);

        await().atMost(WAIT).until(() -> browser.getCurrentUrl().contains("/requests/"));
        String id = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        String secret = (String) ((JavascriptExecutor) browser).executeScript(
                "return localStorage.getItem('juniper-upgrade:request:' + arguments[0])", id);
        Created request = new Created(id, secret);
        status(request).then().body("state", equalTo("pending")).body("purpose", equalTo("test"))
                .body("database", equalTo(database)).body("backup.size", equalTo((int) Files.size(backup)));
        await().atMost(WAIT).until(() -> "pending".equals(browser.findElement(By.id("state")).getText()));
        assertFalse(browser.getCurrentUrl().contains(secret), "the key never goes into a URL");
    }

    @Test
    void aPersonWithoutTheKeyInTheBrowserIsAskedForItThenSeesTheLogAsItComesAndCancels() throws Exception {
        Created request = queued("test");
        browser.get(page.toString() + "requests/" + request.id());
        WebElement key = browser.findElement(By.id("secret-input"));
        assertEquals("password", key.getDomAttribute("type"));
        assertEquals("Key to the request", browser.findElement(By.cssSelector("label[for=secret-input]")).getText());

        key.sendKeys("not-the-key", Keys.ENTER);
        await().atMost(WAIT).until(() -> browser.findElement(By.id("failures")).getText().contains("not the key"));
        key.clear();
        key.sendKeys(request.secret(), Keys.ENTER);
        await().atMost(WAIT).until(() -> "pending".equals(browser.findElement(By.id("state")).getText()));
        assertTrue(browser.findElement(By.id("queue-position")).getText().matches("next|\\d+ before yours"),
                "a pending request shows its place in the queue");

        platform.publish(new UpgradeProgress(request.id(), "restore", "restoring the zip backup", Instant.now(),
                attemptOf(request.id())));
        await().atMost(WAIT).until(() -> log().contains("restoring the zip backup"));
        await().atMost(WAIT).until(() -> "Restore".equals(current()));
        platform.publish(new UpgradeProgress(request.id(), "upgrade", "upgrading to 15.0: 12 script(s)",
                Instant.now(), attemptOf(request.id())));
        await().atMost(WAIT).until(() -> log().contains("upgrading to 15.0"));
        assertEquals(2, log().lines().count(), "each line once, as it came: " + log());
        await().atMost(WAIT).until(() -> "Upgrade".equals(current()));
        assertEquals("progress", browser.findElement(By.id("state")).getText());

        browser.findElement(By.id("cancel")).click();
        awaitState(request, "cancelled");
        await().atMost(WAIT).until(() -> "cancelled".equals(browser.findElement(By.id("state")).getText()));
        status(request).then().body("stopped.by", equalTo("requester"));
        assertFalse(browser.getCurrentUrl().contains(request.secret()), "the key never goes into a URL");
    }

    @Test
    void aTestRequestHeldByAPausedLaneSaysSoUntilOperationsResumeIt() throws Exception {
        ops().contentType(ContentType.JSON).body(Map.of("by", "release-manager")).post("/ops/v1/lanes/test/pause")
                .then().statusCode(200);
        try {
            Created request = queued("test");
            browser.get(page.toString() + "requests/" + request.id());
            browser.findElement(By.id("secret-input")).sendKeys(request.secret(), Keys.ENTER);

            await().atMost(WAIT).until(() -> browser.findElement(By.id("held")).isDisplayed());
            assertTrue(browser.findElement(By.id("held")).getText().contains("keeps its place in the queue"));
            ops().post("/ops/v1/lanes/test/resume").then().statusCode(200);
            await().atMost(WAIT).until(() -> !browser.findElement(By.id("held")).isDisplayed());
        } finally {
            ops().post("/ops/v1/lanes/test/resume").then().statusCode(200);
        }
    }

    private String log() {
        return browser.findElement(By.id("log")).getText();
    }

    /** The stage the stages bar marks as the current one. */
    private String current() {
        return browser.findElement(By.cssSelector("#stages li[aria-current=step]")).getText();
    }
}
