package org.juniper.upgrade.intake.upload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.juniper.upgrade.intake.Intake.create;
import static org.juniper.upgrade.intake.Intake.sampleBackup;
import static org.juniper.upgrade.intake.Intake.start;
import static org.juniper.upgrade.intake.Intake.status;
import static org.juniper.upgrade.intake.Intake.upload;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.juniper.upgrade.archive.BackupArchiveWriter;
import org.juniper.upgrade.archive.Manifest;
import org.juniper.upgrade.events.Topics;
import org.juniper.upgrade.intake.Intake.Created;
import org.juniper.upgrade.intake.PlaysTheParts;
import org.junit.jupiter.api.Test;

/** Every backup is checked as it streams to the store: a bad one is refused with its reason and nothing is queued. */
@QuarkusTest
class BackupCheckTest extends PlaysTheParts {
    @Test
    void aBackupEscapingTheArchiveFailsTheRequestAndQueuesNothing() throws IOException {
        Created r = create("test");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("../../etc/passwd"));
            out.write("root".getBytes(StandardCharsets.UTF_8));
        }

        upload(r, zip.toByteArray()).then().statusCode(422).body("failures[0].reason", equalTo("BACKUP:PATH_ESCAPE"));

        status(r).then().body("state", equalTo("failed")).body("failure.reason", equalTo("BACKUP:PATH_ESCAPE"));
        start(r).then().statusCode(409);
    }

    @Test
    void aBackupOfAnotherVersionThanDeclaredFailsTheRequest() throws IOException {
        Response response = given().contentType(ContentType.JSON).body(Map.of("contract", "M2026-0042",
                "email", "it@acme.example", "database", "v-" + UUID.randomUUID().toString().substring(0, 8),
                "targetVersion", "17.0", "sourceVersion", "15.0")).post("/api/v1/requests");
        Created r = new Created(response.path("id"), response.path("secret"));

        upload(r, sampleBackup()).then().statusCode(422)
                .body("failures[0].reason", equalTo("BACKUP:VERSION_MISMATCH"));
        start(r).then().statusCode(409);
    }

    @Test
    void aManifestThatDoesNotDescribeItsDumpIsRefusedAndNothingIsQueued() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BackupArchiveWriter writer = new BackupArchiveWriter(bytes)) {
            writer.manifest(Manifest.of("acme", "14.0", "15", Map.of("base", "14.0.1.3")));
            try (OutputStream dump = writer.dump()) {
                dump.write(("CREATE TABLE ir_module_module (name varchar, latest_version varchar, state varchar);\n"
                        + "COPY ir_module_module (name, latest_version, state) FROM stdin;\n"
                        + "base\t16.0.1.3\tinstalled\n\\.\n").getBytes(StandardCharsets.UTF_8));
            }
            writer.finish();
        }
        Created r = create("test");

        upload(r, bytes.toByteArray()).then().statusCode(422)
                .body("failures[0].reason", equalTo("BACKUP:MANIFEST_MISMATCH"))
                .body("failures[0].message", containsString("says version 14.0 but the dump's modules are at 16.0"));
        start(r).then().statusCode(409);
        assertTrue(platform.read(Topics.REQUESTED, r.id(), Duration.ofSeconds(2), l -> false).isEmpty(),
                "nothing queued");
    }

    @Test
    void aDamagedOrForeignFileIsRefusedWithItsReason() throws IOException {
        byte[] backup = sampleBackup();
        upload(create("test"), java.util.Arrays.copyOf(backup, backup.length - 40)).then().statusCode(422)
                .body("failures[0].reason", org.hamcrest.Matchers.oneOf("BACKUP:CORRUPT", "BACKUP:NO_DUMP",
                        "BACKUP:NO_MANIFEST"));
        upload(create("test"), "just some text".getBytes(StandardCharsets.UTF_8)).then().statusCode(422)
                .body("failures[0].reason", equalTo("BACKUP:UNKNOWN_FORMAT"));
    }

    @Test
    void aCustomFormatDumpNeedsItsSourceVersion() {
        byte[] custom = "PGDMP\u0001\u000e\u0000 not really a dump".getBytes(StandardCharsets.ISO_8859_1);

        upload(create("test"), custom).then().statusCode(422)
                .body("failures[0].reason", equalTo("BACKUP:VERSION_UNKNOWN"));
    }

    @Test
    void aBackupWhoseChecksumDiffersFromTheAnnouncedOneIsRefused() throws IOException {
        Created r = create("test");

        given().header("Authorization", "Bearer " + r.secret()).header("Backup-Sha256", "0".repeat(64))
                .contentType("application/zip").body(sampleBackup()).put("/api/v1/requests/" + r.id() + "/backup")
                .then().statusCode(422).body("failures[0].reason", equalTo("BACKUP:CHECKSUM_MISMATCH"));
    }

    @Test
    void aBackupAboveTheSizeCapIsRefusedBeforeAnyByteIsStored() {
        Created r = create("test");

        given().header("Authorization", "Bearer " + r.secret()).header("Upload-Offset", 0)
                .header("Upload-Length", Long.MAX_VALUE / 2).contentType("application/offset+octet-stream")
                .body(new byte[16]).patch("/api/v1/requests/" + r.id() + "/backup")
                .then().statusCode(413).body("failures[0].reason", equalTo("BACKUP:TOO_LARGE"));
        status(r).then().body("state", equalTo("new"));
    }
}
