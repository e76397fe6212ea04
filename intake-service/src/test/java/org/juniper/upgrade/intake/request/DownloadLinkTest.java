package org.juniper.upgrade.intake.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.juniper.upgrade.intake.Intake.attemptOf;
import static org.juniper.upgrade.intake.Intake.awaitState;
import static org.juniper.upgrade.intake.Intake.ops;
import static org.juniper.upgrade.intake.Intake.queued;
import static org.juniper.upgrade.intake.Intake.status;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.juniper.upgrade.bindings.links.DownloadLinks;
import org.juniper.upgrade.bindings.links.LinksConfig;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.DumpUpgraded;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.events.ReportReady;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.UpgradeFailed;
import org.juniper.upgrade.intake.Intake.Created;
import org.juniper.upgrade.intake.PlaysTheParts;
import org.junit.jupiter.api.Test;

/**
 * A link that opens a request's result in a plain browser, as mails and the page carry: no header, no long-lived
 * secret in the URL, one attempt only, until it expires or is revoked. The test plays the other parts.
 */
@QuarkusTest
class DownloadLinkTest extends PlaysTheParts {
    private static final byte[] ARCHIVE = "the upgraded archive, byte for byte".getBytes(StandardCharsets.UTF_8);
    private static final String REPORT = "<h1>Upgrade report</h1>";

    @ConfigProperty(name = "juniper.intake.public-url")
    Optional<String> publicUrl;

    @Inject
    ArtifactStore store;

    @Inject
    LinksConfig linksConfig;

    @Test
    void aLinkDownloadsTheArchiveAndOpensTheReportWithoutAnyHeaderAndResumesWithRange() throws IOException {
        Created r = done();

        Response links = links(r);
        links.then().statusCode(201).header("Cache-Control", "no-store");
        String download = onThisIntake(links.path("download"));
        assertTrue(!download.contains(r.secret()) && download.startsWith("/links/"), download);

        assertArrayEquals(ARCHIVE, given().get(download).then().statusCode(200).header("Content-Disposition",
                equalTo("attachment; filename=\"" + database(r) + "-17.0.zip\"")).extract().asByteArray());
        assertArrayEquals(Arrays.copyOfRange(ARCHIVE, 10, 20), given().header("Range", "bytes=10-19").get(download)
                .then().statusCode(206).header("Content-Range", "bytes 10-19/" + ARCHIVE.length).extract()
                .asByteArray());
        given().header("Range", "bytes=" + ARCHIVE.length + "-").get(download).then().statusCode(416)
                .header("Content-Range", "bytes */" + ARCHIVE.length)
                .body("failures[0].reason", equalTo("DOWNLOAD:RANGE"));
        given().get(onThisIntake(links.path("report"))).then().statusCode(200).body(equalTo(REPORT));
    }

    @Test
    void aRevokedExpiredOrForgedLinkAnswersAsARequestThatDoesNotExist() throws IOException {
        Created r = done();
        String revoked = onThisIntake(links(r).path("download"));
        String unknown = given().get("/links/" + UUID.randomUUID()).then().statusCode(404).extract().asString();

        given().header("Authorization", "Bearer " + r.secret()).delete("/api/v1/requests/" + r.id() + "/links")
                .then().statusCode(204);

        assertEquals(unknown, given().get(revoked).then().statusCode(404).extract().asString());
        assertEquals(unknown, given().get(revoked + "/report").then().statusCode(404).extract().asString());
        DownloadLinks lastMonth = new DownloadLinks(linksConfig, Clock.fixed(Instant.now().minus(Duration.ofDays(30)),
                ZoneOffset.UTC));
        String expired = "/links/" + lastMonth.mint(UUID.fromString(r.id()), UUID.fromString(attemptOf(r.id())))
                .token();
        assertEquals(unknown, given().get(expired).then().statusCode(404).extract().asString());
        String fresh = onThisIntake(links(r).path("download"));
        assertArrayEquals(ARCHIVE, given().get(fresh).then().statusCode(200).extract().asByteArray(),
                "links issued after the revocation work");
        String forged = fresh.substring(0, fresh.length() - 2) + (fresh.endsWith("AA") ? "BB" : "AA");
        assertEquals(unknown, given().get(forged).then().statusCode(404).extract().asString());
    }

    @Test
    void aFailedRequestsLinkOpensItsReportOnlyAndNoLongerOnceOperationsRetryIt() throws IOException {
        Created r = queued("test");
        String attempt = attemptOf(r.id());
        platform.publish(new UpgradeFailed(r.id(), "upgrade", "SCRIPT:FAILED", "broken", Instant.now(), attempt));
        awaitState(r, "failed");
        store.put(ArtifactKeys.of(r.id()).attempt(attempt).reportHtml(), REPORT.getBytes(StandardCharsets.UTF_8),
                "text/html");

        Response links = links(r);
        links.then().statusCode(201).body("download", nullValue());
        String report = onThisIntake(links.path("report"));
        given().get(report).then().statusCode(200).body(equalTo(REPORT));
        given().get(report.replace("/report", "")).then().statusCode(409)
                .body("failures[0].reason", equalTo("REQUEST:NOT_DONE"));

        ops().post("/ops/v1/requests/" + r.id() + "/retry").then().statusCode(200);
        given().get(report).then().statusCode(404).body("failures[0].reason", equalTo("REQUEST:NOT_FOUND"));
    }

    @Test
    void noLinkIsIssuedBeforeTheRequestHasEndedNorWithoutItsSecret() throws IOException {
        Created r = queued("test");
        links(r).then().statusCode(409).body("failures[0].reason", equalTo("REQUEST:NOT_DONE"));
        given().header("Authorization", "Bearer not-the-secret").post("/api/v1/requests/" + r.id() + "/links")
                .then().statusCode(404).body("failures[0].reason", equalTo("REQUEST:NOT_FOUND"));
    }

    /** A production request that the test's upgrade and report have brought to done. */
    private Created done() throws IOException {
        Created r = queued("production");
        String attempt = attemptOf(r.id());
        ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(r.id()).attempt(attempt);
        StoredObject upgraded = store.put(keys.upgraded(), ARCHIVE, "application/zip");
        store.put(keys.reportHtml(), REPORT.getBytes(StandardCharsets.UTF_8), "text/html");
        platform.publish(new DumpUpgraded(r.id(), Purpose.PRODUCTION, "14.0", "17.0", upgraded, keys.facts(),
                keys.log(), Map.of("restore", 5L), attempt));
        platform.publish(new ReportReady(r.id(), keys.reportHtml(), keys.reportJson(),
                new ReportReady.Summary(1, 1, 0, 0), attempt));
        awaitState(r, "done");
        return r;
    }

    private static String database(Created r) {
        return status(r).path("database");
    }

    /** The link's path: links name the configured public address, which is not where the test's intake listens. */
    private String onThisIntake(String link) {
        publicUrl.ifPresent(url -> assertTrue(link.startsWith(url.replaceAll("/+$", "") + "/links/"), link));
        return URI.create(link).getPath();
    }

    private static Response links(Created r) {
        return given().header("Authorization", "Bearer " + r.secret()).post("/api/v1/requests/" + r.id() + "/links");
    }
}
