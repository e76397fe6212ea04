package org.juniper.upgrade.intake.upload;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.juniper.upgrade.intake.Intake.create;
import static org.juniper.upgrade.intake.Intake.registerContract;
import static org.juniper.upgrade.intake.Intake.sampleBackup;
import static org.juniper.upgrade.intake.Intake.start;
import static org.juniper.upgrade.intake.Intake.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.juniper.upgrade.archive.Sha256;
import org.juniper.upgrade.intake.Intake;
import org.juniper.upgrade.intake.Intake.Created;
import org.juniper.upgrade.intake.upload.service.ResumableUploads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The backup upload driven by a stock tus client, as the upgrade website and page drive it. */
@QuarkusTest
class TusUploadTest {
    private static final int PART = ResumableUploads.PART_SIZE;

    @TestHTTPResource
    URL intake;

    @BeforeEach
    void contract() {
        registerContract("M2026-0042", "acme-hosting");
    }

    @Test
    void aTusClientCutOffMidwayIsResumedByAnotherFromItsUrlStoreAndTheBackupIsAcceptedWithItsSha256()
            throws Exception {
        byte[] backup = ResumableUploadTest.backupOfAbout(20 * 1024 * 1024);
        Created r = create("test");
        TusURLMemoryStore urls = new TusURLMemoryStore();

        try (CuttingProxy proxy = new CuttingProxy(intake, PART + PART / 2)) {
            TusUploader first = client(proxy.url(r), r, urls).resumeOrCreateUpload(upload(backup));
            first.setRequestPayloadSize(backup.length);
            assertThrows(IOException.class, () -> {
                while (first.uploadChunk() > -1) {
                    // the proxy cuts the connection half way through the second part
                }
            });
            // the whole part that arrived is kept, once the server has seen the connection end
            await().atMost(Duration.ofSeconds(10)).until(() -> !UploadSafetyTest.inFlight(r) && tusOffset(r) == PART);

            TusUploader second = client(proxy.url(r), r, urls).resumeOrCreateUpload(upload(backup));
            assertEquals(PART, second.getOffset(), "the new client resumes from the offset the server gives");
            second.setRequestPayloadSize(backup.length);
            while (second.uploadChunk() > -1) {
                // the rest of the backup, in one piece
            }
            second.finish();
        }
        status(r).then().body("state", equalTo("new"))
                .body("backup.sha256", equalTo(Sha256.hex(backup))).body("backup.size", equalTo(backup.length));
    }

    @Test
    void optionsSaysTheVersionTheExtensionsAndTheLargestBackupWithoutASecret() {
        given().options("/api/v1/requests/" + UUID.randomUUID() + "/backup").then().statusCode(204)
                .header("Tus-Resumable", "1.0.0").header("Tus-Version", "1.0.0")
                .header("Tus-Extension", "creation,termination,checksum")
                .header("Tus-Checksum-Algorithm", "sha1,sha256,md5").header("Tus-Max-Size", "21474836480")
                .header("Cache-Control", "no-store");
    }

    @Test
    void everyTusPieceAnswers204WithTheOffsetTheLastOneTooOnceTheBackupIsChecked() throws Exception {
        byte[] backup = ResumableUploadTest.backupOfAbout(12 * 1024 * 1024);
        Created r = create("test");
        tus(r).header("Upload-Length", backup.length).header("Upload-Metadata", "filename YmFja3VwLnppcA==")
                .post("/api/v1/requests/" + r.id() + "/backup").then().statusCode(201)
                .header("Location", "/api/v1/requests/" + r.id() + "/backup").header("Tus-Resumable", "1.0.0")
                .header("Cache-Control", "no-store");

        piece(r, 0, Arrays.copyOfRange(backup, 0, PART)).then().statusCode(204)
                .header("Upload-Offset", String.valueOf(PART)).header("Tus-Resumable", "1.0.0");
        piece(r, PART, Arrays.copyOfRange(backup, PART, backup.length)).then().statusCode(204)
                .header("Upload-Offset", String.valueOf(backup.length)).header("Tus-Resumable", "1.0.0")
                .header("Cache-Control", "no-store");

        status(r).then().body("backup.sha256", equalTo(Sha256.hex(backup)));
        tus(r).head("/api/v1/requests/" + r.id() + "/backup").then().statusCode(204)
                .header("Upload-Offset", String.valueOf(backup.length));
    }

    @Test
    void aTusPieceOfABackupThatIsRefusedAnswers422WithTheReasonAndTusResumable() throws Exception {
        byte[] text = "just some text".getBytes(StandardCharsets.UTF_8);
        Created r = create("test");
        tus(r).header("Upload-Length", text.length).post("/api/v1/requests/" + r.id() + "/backup").then()
                .statusCode(201);

        piece(r, 0, text).then().statusCode(422).header("Tus-Resumable", "1.0.0")
                .body("failures[0].reason", equalTo("BACKUP:UNKNOWN_FORMAT"));
    }

    @Test
    void creatingAgainStartsTheUploadOver() throws Exception {
        byte[] backup = ResumableUploadTest.backupOfAbout(12 * 1024 * 1024);
        Created r = create("test");
        tus(r).header("Upload-Length", backup.length).post("/api/v1/requests/" + r.id() + "/backup");
        piece(r, 0, Arrays.copyOfRange(backup, 0, PART)).then().statusCode(204);

        tus(r).header("Upload-Length", backup.length).post("/api/v1/requests/" + r.id() + "/backup").then()
                .statusCode(201);

        assertEquals(0, tusOffset(r));
        piece(r, 0, backup).then().statusCode(204).header("Upload-Offset", String.valueOf(backup.length));
        status(r).then().body("backup.sha256", equalTo(Sha256.hex(backup)));
    }

    @Test
    void terminationDropsTheUnfinishedUploadAndKeepsTheAcceptedBackup() throws Exception {
        byte[] good = sampleBackup();
        byte[] other = ResumableUploadTest.backupOfAbout(12 * 1024 * 1024);
        Created r = create("test");
        Intake.upload(r, good).then().statusCode(200);
        tus(r).header("Upload-Length", other.length).post("/api/v1/requests/" + r.id() + "/backup").then()
                .statusCode(201);
        piece(r, 0, Arrays.copyOfRange(other, 0, PART)).then().statusCode(204);
        assertEquals(PART, tusOffset(r), "the unfinished upload is the one a tus client continues");

        tus(r).delete("/api/v1/requests/" + r.id() + "/backup").then().statusCode(204)
                .header("Tus-Resumable", "1.0.0");

        tus(r).delete("/api/v1/requests/" + r.id() + "/backup").then().statusCode(404)
                .body("failures[0].reason", equalTo("UPLOAD:NOT_FOUND"));
        piece(r, PART, Arrays.copyOfRange(other, PART, other.length)).then().statusCode(409)
                .body("failures[0].reason", equalTo("REQUEST:BACKUP_STORED"));
        status(r).then().body("backup.sha256", equalTo(Sha256.hex(good)));
        start(r).then().statusCode(200).body("state", equalTo("pending"));
    }

    @Test
    void aTusClientWhoseStoredUrlHasNoUploadCreatesOneAndUploadsTheBackup() throws Exception {
        Created r = create("test");
        tus(r).head("/api/v1/requests/" + r.id() + "/backup").then().statusCode(404);

        byte[] backup = sampleBackup();
        TusURLMemoryStore urls = new TusURLMemoryStore();
        urls.set("backup", new URL(intake, "/api/v1/requests/" + r.id() + "/backup"));
        TusUploader uploader = client(new URL(intake, "/api/v1/requests/" + r.id() + "/backup"), r, urls)
                .resumeOrCreateUpload(upload(backup));
        while (uploader.uploadChunk() > -1) {
            // a small backup
        }
        uploader.finish();
        status(r).then().body("backup.sha256", equalTo(Sha256.hex(backup)));
    }

    @Test
    void aWrongTusVersionIsRefusedWith412AndTheVersionSpoken() {
        Created r = create("test");
        for (String method : new String[] {"HEAD", "PATCH", "POST", "DELETE"}) {
            Response answer = given().header("Authorization", "Bearer " + r.secret())
                    .header("Tus-Resumable", "0.2.2").header("Upload-Length", 10).header("Upload-Offset", 0)
                    .contentType("application/offset+octet-stream").body(new byte[10])
                    .request(method, "/api/v1/requests/" + r.id() + "/backup");
            assertEquals(412, answer.statusCode(), method);
            assertEquals("1.0.0", answer.header("Tus-Version"), method);
            if (!"HEAD".equals(method)) {
                assertEquals("UPLOAD:TUS_VERSION", answer.path("failures[0].reason"), method);
            }
        }
        tus(r).head("/api/v1/requests/" + r.id() + "/backup").then().statusCode(404);
    }

    @Test
    void creationAndTerminationAreRefusedWithoutTusResumable() {
        Created r = create("test");
        given().header("Authorization", "Bearer " + r.secret()).header("Upload-Length", 10)
                .post("/api/v1/requests/" + r.id() + "/backup").then().statusCode(412)
                .header("Tus-Version", "1.0.0").body("failures[0].reason", equalTo("UPLOAD:TUS_VERSION"))
                .body("failures[0].expected", equalTo("Tus-Resumable: 1.0.0"));
    }

    @Test
    void aTusPieceWithoutACreatedUploadIsNotFoundAndOneOfTheWrongTypeIsRefused() {
        Created r = create("test");
        piece(r, 0, new byte[10]).then().statusCode(404).header("Tus-Resumable", "1.0.0")
                .body("failures[0].reason", equalTo("UPLOAD:NOT_FOUND"));
        tus(r).header("Upload-Offset", 0).contentType("application/octet-stream").body(new byte[10])
                .patch("/api/v1/requests/" + r.id() + "/backup").then().statusCode(415)
                .body("failures[0].reason", equalTo("CONTENT_TYPE:UNSUPPORTED"));
    }

    @Test
    void aPieceWithAChecksumCountsOnlyWhenItMatchesAndAMismatchAnswers460AndKeepsNothing() throws Exception {
        byte[] backup = ResumableUploadTest.backupOfAbout(12 * 1024 * 1024);
        byte[] first = Arrays.copyOfRange(backup, 0, PART);
        byte[] rest = Arrays.copyOfRange(backup, PART, backup.length);
        Created r = create("test");
        tus(r).header("Upload-Length", backup.length).post("/api/v1/requests/" + r.id() + "/backup").then()
                .statusCode(201);

        unsentPiece(r, 0, first).header("Upload-Checksum", "sha1 " + digest("SHA-1", rest))
                .patch("/api/v1/requests/" + r.id() + "/backup").then().statusCode(460)
                .header("Tus-Resumable", "1.0.0").body("failures[0].reason", equalTo("UPLOAD:CHECKSUM_MISMATCH"))
                .body("failures[0].expected", equalTo("the piece again, from Upload-Offset 0"));
        assertEquals(0, tusOffset(r), "nothing of the piece that did not match is kept");

        unsentPiece(r, 0, first).header("Upload-Checksum", "sha1 " + digest("SHA-1", first))
                .patch("/api/v1/requests/" + r.id() + "/backup").then().statusCode(204)
                .header("Upload-Offset", String.valueOf(PART));
        unsentPiece(r, PART, rest).header("Upload-Checksum", "sha256 " + digest("SHA-256", rest))
                .patch("/api/v1/requests/" + r.id() + "/backup").then().statusCode(204)
                .header("Upload-Offset", String.valueOf(backup.length));
        status(r).then().body("backup.sha256", equalTo(Sha256.hex(backup)));
    }

    @Test
    void aChecksumOfAnAlgorithmNotTakenOrThatIsNoDigestIsRefusedWith400() {
        Created r = create("test");
        tus(r).header("Upload-Length", 10).post("/api/v1/requests/" + r.id() + "/backup").then().statusCode(201);

        unsentPiece(r, 0, new byte[10]).header("Upload-Checksum", "crc32 AAAAAA==")
                .patch("/api/v1/requests/" + r.id() + "/backup").then().statusCode(400)
                .body("failures[0].reason", equalTo("UPLOAD:CHECKSUM_ALGORITHM"));
        unsentPiece(r, 0, new byte[10]).header("Upload-Checksum", "sha1 AAAAAA==")
                .patch("/api/v1/requests/" + r.id() + "/backup").then().statusCode(400)
                .body("failures[0].reason", equalTo("UPLOAD:CHECKSUM_INVALID"));
        assertEquals(0, tusOffset(r));
    }

    private static String digest(String algorithm, byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    private TusClient client(URL creation, Created r, TusURLMemoryStore urls) {
        TusClient client = new TusClient();
        client.setUploadCreationURL(creation);
        client.setHeaders(Map.of("Authorization", "Bearer " + r.secret()));
        client.enableResuming(urls);
        return client;
    }

    private static TusUpload upload(byte[] backup) {
        TusUpload upload = new TusUpload();
        upload.setInputStream(new ByteArrayInputStream(backup));
        upload.setSize(backup.length);
        upload.setFingerprint("backup");
        upload.setMetadata(Map.of("filename", "backup.zip"));
        return upload;
    }

    private static RequestSpecification tus(Created r) {
        return given().header("Authorization", "Bearer " + r.secret()).header("Tus-Resumable", "1.0.0");
    }

    private static Response piece(Created r, long offset, byte[] body) {
        return unsentPiece(r, offset, body).patch("/api/v1/requests/" + r.id() + "/backup");
    }

    private static RequestSpecification unsentPiece(Created r, long offset, byte[] body) {
        return tus(r).header("Upload-Offset", offset).contentType("application/offset+octet-stream").body(body);
    }

    private static long tusOffset(Created r) {
        return Long.parseLong(tus(r).head("/api/v1/requests/" + r.id() + "/backup").then().statusCode(204)
                .extract().header("Upload-Offset"));
    }

    /** Passes connections on to intake and, once, cuts the one that has carried {@code cutAt} bytes upstream. */
    private static final class CuttingProxy implements AutoCloseable {
        private final ServerSocket server;
        private final AtomicLong untilCut;

        CuttingProxy(URL target, long cutAt) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            untilCut = new AtomicLong(cutAt);
            daemon(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        Socket upstream = new Socket(target.getHost(), target.getPort());
                        daemon(() -> pump(client, upstream, true));
                        daemon(() -> pump(upstream, client, false));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private static void daemon(Runnable work) {
            Thread thread = new Thread(work);
            thread.setDaemon(true);
            thread.start();
        }

        URL url(Created r) throws IOException {
            return new URL("http://127.0.0.1:" + server.getLocalPort() + "/api/v1/requests/" + r.id() + "/backup");
        }

        private void pump(Socket from, Socket to, boolean upstream) {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (upstream && untilCut.get() > 0 && untilCut.addAndGet(-n) <= 0) {
                        break;
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // the other side went away
            } finally {
                close(from);
                close(to);
            }
        }

        private static void close(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // closed already
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
