package org.juniper.upgrade.intake.request;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.juniper.upgrade.intake.Intake.create;
import static org.juniper.upgrade.intake.Intake.queued;
import static org.juniper.upgrade.intake.Intake.sampleBackup;
import static org.juniper.upgrade.intake.Intake.scriptsZip;
import static org.juniper.upgrade.intake.Intake.start;
import static org.juniper.upgrade.intake.Intake.status;
import static org.juniper.upgrade.intake.Intake.upload;
import static org.juniper.upgrade.intake.Intake.uploadScripts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.juniper.upgrade.archive.Sha256;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.bindings.testing.PlatformEvents;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.events.Topics;
import org.juniper.upgrade.events.UpgradeRequested;
import org.juniper.upgrade.intake.Intake.Created;
import org.juniper.upgrade.intake.PlaysTheParts;
import org.junit.jupiter.api.Test;

/** The requester's own upgrade scripts: checked at once, stored, and carried by the queued event. */
@QuarkusTest
class RequestScriptsTest extends PlaysTheParts {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ArtifactStore store;

    @Test
    void customScriptsAreCheckedStoredAndCarriedByTheQueuedEventASecondUploadReplacingTheFirst() throws IOException {
        Created r = create("test");
        upload(r, sampleBackup()).then().statusCode(200);
        byte[] first = scriptsZip(Map.of("15.0/customer_loyalty/post-10-rename.sql", "SELECT 1;",
                "0.0.0/customer_loyalty/end-10-record.sql", "SELECT 2;"));
        byte[] second = scriptsZip(Map.of("16.0/customer_loyalty/post-10-rename.sql", "SELECT 3;",
                "16.0/x_fleet/pre-10-vehicles.sql", "SELECT 4;", "0.0.0/x_fleet/end-10-record.sql", "SELECT 5;"));

        uploadScripts(r, first).then().statusCode(200).body("scripts.count", equalTo(2))
                .body("scripts.modules", equalTo(List.of("customer_loyalty")));
        uploadScripts(r, second).then().statusCode(200).body("scripts.sha256", equalTo(Sha256.hex(second)))
                .body("scripts.size", equalTo(second.length)).body("scripts.count", equalTo(3))
                .body("scripts.modules", equalTo(List.of("customer_loyalty", "x_fleet")));
        start(r).then().statusCode(200).body("state", equalTo("pending")).body("scripts.count", equalTo(3));

        UpgradeRequested data = CloudEvents.data(platform.read(Topics.REQUESTED, r.id(), WAIT, l -> !l.isEmpty())
                .get(0).event(), UpgradeRequested.class);
        assertEquals(new StoredObject(ArtifactKeys.of(r.id()).customScripts(), Sha256.hex(second), second.length),
                data.scripts());
        assertArrayEquals(second, store.readAllBytes(data.scripts().key()));
        assertEquals(data.scripts(), store.find(data.scripts().key()).orElseThrow());
    }

    @Test
    void aRequestWithoutScriptsQueuesAnEventWithoutThem() throws IOException {
        Created r = queued("test");

        PlatformEvents.Received record = platform.read(Topics.REQUESTED, r.id(), WAIT, l -> !l.isEmpty()).get(0);
        assertEquals(null, CloudEvents.data(record.event(), UpgradeRequested.class).scripts());
        assertTrue(!record.value().contains("scripts"), record.value());
    }

    @Test
    void eachBadScriptsZipIsRefusedWithItsReasonAndNothingIsStoredOrChanged() throws IOException {
        ByteArrayOutputStream notUtf8 = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(notUtf8)) {
            out.putNextEntry(new ZipEntry("16.0/customer_loyalty/post-10-a.sql"));
            out.write("SELECT 'caf\u00e9';".getBytes(StandardCharsets.ISO_8859_1));
        }
        Map<String, byte[]> bad = new java.util.LinkedHashMap<>();
        bad.put("SCRIPTS:INVALID 'customer_loyalty/post-10-a.sql' is not where a script goes",
                scriptsZip(Map.of("customer_loyalty/post-10-a.sql", "SELECT 1;")));
        bad.put("SCRIPTS:INVALID '13.0/customer_loyalty/post-10-a.sql' is a script of version 13.0",
                scriptsZip(Map.of("13.0/customer_loyalty/post-10-a.sql", "SELECT 1;")));
        bad.put("SCRIPTS:INVALID '0.0.0/customer_loyalty/end-10-a.sql' holds no SQL",
                scriptsZip(Map.of("0.0.0/customer_loyalty/end-10-a.sql", "-- later\n")));
        bad.put("SCRIPTS:INVALID the zip holds no script", scriptsZip(Map.of()));
        bad.put("SCRIPTS:INVALID '16.0/customer_loyalty/post-10-a.sql' holds COMMIT on line 2, which would end the "
                + "hop's transaction", scriptsZip(Map.of("16.0/customer_loyalty/post-10-a.sql",
                "UPDATE x SET a = 'rollback'; -- then commit\nCOMMIT;")));
        bad.put("SCRIPTS:INVALID the scripts are not a zip archive", "SELECT 1;".getBytes(StandardCharsets.UTF_8));
        // the backup says 14.0 and the request 17.0: 18.0 is no hop of it
        bad.put("SCRIPTS:OUTSIDE_HOPS '18.0/customer_loyalty/post-10-a.sql' is a script of 18.0",
                scriptsZip(Map.of("18.0/customer_loyalty/post-10-a.sql", "SELECT 1;")));
        bad.put("SCRIPTS:TOO_LARGE the scripts are larger than 16777216 bytes",
                new byte[(int) org.juniper.erp.CustomScripts.MAX_BYTES + 1]);
        Created fresh = create("test");
        upload(fresh, sampleBackup()).then().statusCode(200);
        Created withScripts = create("test");
        upload(withScripts, sampleBackup()).then().statusCode(200);
        byte[] good = scriptsZip(Map.of("16.0/customer_loyalty/post-10-a.sql", "SELECT 1;"));
        uploadScripts(withScripts, good).then().statusCode(200);
        bad.put("SCRIPTS:INVALID '16.0/customer_loyalty/post-10-a.sql' is not UTF-8 text", notUtf8.toByteArray());

        for (Map.Entry<String, byte[]> zip : bad.entrySet()) {
            String reason = zip.getKey().substring(0, zip.getKey().indexOf(' '));
            String message = zip.getKey().substring(reason.length() + 1);
            for (Created r : List.of(fresh, withScripts)) {
                uploadScripts(r, zip.getValue()).then()
                        .statusCode(reason.equals("SCRIPTS:TOO_LARGE") ? 413 : 422)
                        .body("failures[0].reason", equalTo(reason))
                        .body("failures[0].message", containsString(message))
                        .body("failures[0].expected", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyString()));
            }
        }

        status(fresh).then().body("state", equalTo("new")).body("scripts", org.hamcrest.Matchers.nullValue());
        assertTrue(!store.exists(ArtifactKeys.of(fresh.id()).customScripts()), "nothing stored");
        status(withScripts).then().body("state", equalTo("new")).body("scripts.sha256", equalTo(Sha256.hex(good)));
        assertArrayEquals(good, store.readAllBytes(ArtifactKeys.of(withScripts.id()).customScripts()));
    }

    @Test
    void scriptsAfterTheStartAreRefusedAndChangeNothing() throws IOException {
        Created r = create("test");
        upload(r, sampleBackup()).then().statusCode(200);
        byte[] sent = scriptsZip(Map.of("16.0/customer_loyalty/post-10-a.sql", "SELECT 1;"));
        uploadScripts(r, sent).then().statusCode(200);
        start(r).then().statusCode(200);

        uploadScripts(r, scriptsZip(Map.of("17.0/customer_loyalty/post-10-b.sql", "SELECT 2;"))).then()
                .statusCode(409).body("failures[0].reason", equalTo("REQUEST:NOT_NEW"))
                .body("failures[0].message", containsString("only while it is new"));

        status(r).then().body("state", equalTo("pending")).body("scripts.sha256", equalTo(Sha256.hex(sent)));
        assertArrayEquals(sent, store.readAllBytes(ArtifactKeys.of(r.id()).customScripts()));
    }

    @Test
    void scriptsFromSomeoneWithoutTheSecretGetTheAnswerOfAnUnknownRequest() throws IOException {
        Created r = create("test");
        byte[] zip = scriptsZip(Map.of("16.0/customer_loyalty/post-10-a.sql", "SELECT 1;"));

        Response wrongSecret = uploadScripts(new Created(r.id(), "not-the-secret"), zip);
        Response unknown = uploadScripts(new Created("00000000-0000-0000-0000-000000000000", r.secret()), zip);

        assertEquals(404, wrongSecret.statusCode());
        assertEquals(unknown.body().asString(), wrongSecret.body().asString());
        assertTrue(!store.exists(ArtifactKeys.of(r.id()).customScripts()), "nothing stored");
        status(r).then().body("scripts", org.hamcrest.Matchers.nullValue());
    }
}
