package org.juniper.upgrade.intake.operations;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.juniper.upgrade.intake.Intake.attemptOf;
import static org.juniper.upgrade.intake.Intake.awaitState;
import static org.juniper.upgrade.intake.Intake.queued;
import static org.juniper.upgrade.intake.Intake.status;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import org.juniper.upgrade.events.UpgradeFailed;
import org.juniper.upgrade.events.UpgradeProgress;
import org.juniper.upgrade.intake.HeadlessChromium;
import org.juniper.upgrade.intake.Intake.Created;
import org.juniper.upgrade.intake.PlaysTheParts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * An operator in Debian's headless Chromium, driven through its chromedriver: signs in with the keyboard, aborts a
 * running request and retries a failed one. The test plays the worker. The screenshot lands in docs/console.png.
 */
@QuarkusTest
class ConsoleInBrowserTest extends PlaysTheParts {
    private static final Duration WAIT = HeadlessChromium.WAIT;

    @TestHTTPResource("/ops/console")
    URL console;

    ChromeDriver browser;

    @BeforeEach
    void start() {
        browser = HeadlessChromium.start(1200, 1000);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorSignsInAbortsARunningRequestAndRetriesAFailedOneFromTheConsole() throws Exception {
        Created running = queued("production");
        platform.publish(new UpgradeProgress(running.id(), "upgrade", "hop 15.0", Instant.now(),
                attemptOf(running.id())));
        awaitState(running, "progress");
        Created failed = queued("test");
        platform.publish(new UpgradeFailed(failed.id(), "upgrade", "UPGRADE:SCRIPT_FAILED",
                "16.0/sale/post-10-order-lines.sql: division by zero", Instant.now(), attemptOf(failed.id())));
        awaitState(failed, "failed");
        browser.get(console.toString());
        await().atMost(WAIT).until(() -> browser.getCurrentUrl().endsWith("/sign-in"));
        browser.findElement(By.id("token")).sendKeys("local-ops-token", Keys.ENTER);
        await().atMost(WAIT).until(() -> !browser.findElements(By.id("queue")).isEmpty());

        browser.findElement(By.id("abort-run-" + running.id())).sendKeys("the customer migrated by hand", Keys.ENTER);
        awaitNotice("aborted");
        status(running).then().body("state", equalTo("cancelled"))
                .body("stopped.reason", equalTo("the customer migrated by hand"));

        browser.findElement(By.cssSelector("#ended-" + failed.id() + " button")).click();
        awaitNotice("new attempt");
        status(failed).then().body("state", equalTo("pending")).body("attempt.number", equalTo(2));

        // the window's height is the page's plus whatever the browser keeps around its viewport
        JavascriptExecutor page = browser;
        long around = browser.manage().window().getSize().height - (Long) page.executeScript(
                "return window.innerHeight");
        long height = (Long) page.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1200, (int) Math.min(height + around, 6000)));
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("..", "docs", "console.png"), StandardCopyOption.REPLACE_EXISTING);

        browser.manage().window().setSize(new Dimension(400, 900));
        browser.get(console.toString());
        assertTrue((Boolean) page.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"),
                "a phone-sized window shows the page without side-scrolling");
    }

    private void awaitNotice(String text) {
        await().atMost(WAIT).ignoreExceptions().until(() -> browser.findElement(By.className("notice")).getText()
                .contains(text));
    }
}
