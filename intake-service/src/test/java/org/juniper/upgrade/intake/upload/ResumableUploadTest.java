package org.juniper.upgrade.intake.upload;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.juniper.upgrade.intake.Intake.create;
import static org.juniper.upgrade.intake.Intake.registerContract;
import static org.juniper.upgrade.intake.Intake.sampleBackup;
import static org.juniper.upgrade.intake.Intake.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.juniper.upgrade.archive.BackupArchiveWriter;
import org.juniper.upgrade.archive.Manifest;
import org.juniper.upgrade.archive.Sha1;
import org.juniper.upgrade.archive.Sha256;
import org.juniper.upgrade.intake.Intake.Created;
import org.juniper.upgrade.intake.RawHttp;
import org.juniper.upgrade.intake.upload.service.ResumableUploads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A backup that arrives over a connection that breaks, on the real S3 server. */
@QuarkusTest
class ResumableUploadTest {
    @TestHTTPResource
    URL intake;

    @BeforeEach
    void contract() {
        registerContract("M2026-0042", "acme-hosting");
    }

    @Test
    void anUploadCutOffInTheMiddleResumesAndCompletesWithTheRightSha256() throws Exception {
        byte[] backup = backupOfAbout(20 * 1024 * 1024);
        Response created = given().contentType(ContentType.JSON).body(Map.of("contract", "M2026-0042",
                "email", "it@acme.example", "database", "big-" + UUID.randomUUID().toString().substring(0, 8),
                "targetVersion", "17.0")).post("/api/v1/requests");
        String id = created.path("id");
        String secret = created.path("secret");

        // 12 MiB of the backup, then the connection drops: one whole 8 MiB part is kept
        sendAndDrop(id, secret, backup, 12 * 1024 * 1024);
        await().atMost(Duration.ofSeconds(10)).until(() -> offset(id, secret) == ResumableUploads.PART_SIZE);

        long offset = offset(id, secret);
        given().header("Authorization", "Bearer " + secret).header("Upload-Offset", offset)
                .header("Backup-Sha256", Sha256.hex(backup)).contentType("application/offset+octet-stream")
                .body(Arrays.copyOfRange(backup, (int) offset, backup.length))
                .patch("/api/v1/requests/" + id + "/backup")
                .then().statusCode(200).body("backup.sha256", equalTo(Sha256.hex(backup)))
                .body("backup.size", equalTo(backup.length));

        assertEquals(backup.length, offset(id, secret), "a finished upload says so");
        given().header("Authorization", "Bearer " + secret).header("Upload-Offset", 0)
                .header("Upload-Length", backup.length).contentType("application/offset+octet-stream")
                .body(new byte[10]).patch("/api/v1/requests/" + id + "/backup")
                .then().statusCode(409).body("failures[0].reason", equalTo("REQUEST:BACKUP_STORED"));
    }

    @Test
    void aPieceThatDoesNotContinueWhereTheUploadStandsIsRefusedWithTheRightOffset() throws Exception {
        byte[] backup = backupOfAbout(9 * 1024 * 1024);
        Response created = given().contentType(ContentType.JSON).body(Map.of("contract", "M2026-0042",
                "email", "it@acme.example", "database", "gap-" + UUID.randomUUID().toString().substring(0, 8),
                "targetVersion", "17.0")).post("/api/v1/requests");
        String id = created.path("id");
        String secret = created.path("secret");

        given().header("Authorization", "Bearer " + secret).header("Upload-Offset", 4096)
                .header("Upload-Length", backup.length).contentType("application/offset+octet-stream")
                .body(new byte[10]).patch("/api/v1/requests/" + id + "/backup")
                .then().statusCode(409).body("failures[0].reason", equalTo("UPLOAD:OFFSET_MISMATCH"))
                .body("failures[0].expected", equalTo("Upload-Offset: 0 (ask with HEAD)"));
    }

    @Test
    void aShortPieceThatIsNotTheLastIsRefusedWithThePartSizeAndRecordsNothing() throws Exception {
        byte[] backup = backupOfAbout(9 * 1024 * 1024);
        Created r = create("test");

        piece(r, 0, (long) backup.length, Arrays.copyOfRange(backup, 0, 1024 * 1024)).then().statusCode(400)
                .time(org.hamcrest.Matchers.lessThan(1000L))
                .body("failures[0].reason", equalTo("UPLOAD:SHORT_PIECE"))
                .body("failures[0].expected", org.hamcrest.Matchers.containsString(
                        "a multiple of " + ResumableUploads.PART_SIZE + " bytes"));

        Response head = given().header("Authorization", "Bearer " + r.secret())
                .head("/api/v1/requests/" + r.id() + "/backup");
        assertEquals("0", head.header("Upload-Offset"));
        assertEquals("-1", head.header("Upload-Length"), "the refused piece announced nothing");
        piece(r, 0, (long) backup.length, backup).then().statusCode(200)
                .body("backup.sha256", equalTo(Sha256.hex(backup)));
    }

    @Test
    void aPieceThatChangesTheAnnouncedLengthIsRefusedAndTheUploadGoesOnAsAnnounced() throws Exception {
        byte[] backup = backupOfAbout(12 * 1024 * 1024);
        Created r = create("test");
        piece(r, 0, (long) backup.length, Arrays.copyOfRange(backup, 0, ResumableUploads.PART_SIZE)).then()
                .statusCode(204).header("Upload-Offset", String.valueOf(ResumableUploads.PART_SIZE));

        piece(r, ResumableUploads.PART_SIZE, backup.length + 1L, Arrays.copyOfRange(backup,
                ResumableUploads.PART_SIZE, backup.length)).then().statusCode(409)
                .body("failures[0].reason", equalTo("UPLOAD:LENGTH_CHANGED"))
                .body("failures[0].expected", equalTo("Upload-Length: " + backup.length
                        + ", or no Upload-Length after the first piece"));

        assertEquals(ResumableUploads.PART_SIZE, offset(r.id(), r.secret()));
        piece(r, ResumableUploads.PART_SIZE, null, Arrays.copyOfRange(backup, ResumableUploads.PART_SIZE,
                backup.length)).then().statusCode(200).body("backup.sha256", equalTo(Sha256.hex(backup)));
    }

    @Test
    void aPieceSentWhileAnotherIsInFlightIsRefusedAndTheFirstCompletesTheUpload() throws Exception {
        byte[] backup = sampleBackup("pieces");
        Created r = create("test");

        try (RawHttp first = RawHttp.start(intake, "PATCH", "/api/v1/requests/" + r.id() + "/backup", Map.of(
                "Authorization", "Bearer " + r.secret(), "Content-Type", "application/offset+octet-stream",
                "Upload-Offset", "0", "Upload-Length", String.valueOf(backup.length),
                "Content-Length", String.valueOf(backup.length)))) {
            first.write(backup, 0, backup.length - 10);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> UploadSafetyTest.inFlight(r));

            for (int i = 0; i < 3; i++) {
                piece(r, 0, (long) backup.length, backup).then().statusCode(409)
                        .time(org.hamcrest.Matchers.lessThan(1000L))
                        .body("failures[0].reason", equalTo("UPLOAD:IN_PROGRESS"));
            }

            first.write(backup, backup.length - 10, backup.length);
            RawHttp.Answer answer = first.answer();
            assertEquals(200, answer.status(), answer.body());
        }
        status(r).then().body("backup.sha256", equalTo(Sha256.hex(backup)));
    }

    private static Response piece(Created r, long offset, Long length, byte[] body) {
        io.restassured.specification.RequestSpecification piece = given()
                .header("Authorization", "Bearer " + r.secret()).header("Upload-Offset", offset)
                .contentType("application/offset+octet-stream").body(body);
        if (length != null) {
            piece = piece.header("Upload-Length", length);
        }
        return piece.patch("/api/v1/requests/" + r.id() + "/backup");
    }

    private static long offset(String id, String secret) {
        return Long.parseLong(given().header("Authorization", "Bearer " + secret)
                .head("/api/v1/requests/" + id + "/backup").header("Upload-Offset"));
    }

    /** Announces the whole backup, sends {@code sent} bytes of it and closes the socket. */
    private void sendAndDrop(String id, String secret, byte[] backup, int sent) throws Exception {
        try (Socket socket = new Socket(intake.getHost(), intake.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH /api/v1/requests/" + id + "/backup HTTP/1.1\r\nHost: " + intake.getHost() + "\r\n"
                    + "Authorization: Bearer " + secret + "\r\nContent-Type: application/offset+octet-stream\r\n"
                    + "Upload-Offset: 0\r\nUpload-Length: " + backup.length + "\r\nContent-Length: " + backup.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(backup, 0, sent);
            out.flush();
            Thread.sleep(1500);
        }
    }

    /** A valid backup made large by one incompressible filestore file. */
    static byte[] backupOfAbout(int size) throws Exception {
        byte[] attachment = new byte[size];
        new Random(42).nextBytes(attachment);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BackupArchiveWriter writer = new BackupArchiveWriter(bytes)) {
            writer.manifest(Manifest.of("acme", "14.0", "15", Map.of("base", "14.0.1.0")));
            try (OutputStream dump = writer.dump()) {
                dump.write("CREATE TABLE res_partner (id integer);\n".getBytes(StandardCharsets.UTF_8));
            }
            writer.filestoreFile(Sha1.of(attachment), new ByteArrayInputStream(attachment));
            writer.finish();
        }
        return bytes.toByteArray();
    }
}
