package org.juniper.upgrade.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.juniper.upgrade.archive.BackupArchiveWriter;
import org.juniper.upgrade.archive.Manifest;
import org.juniper.upgrade.events.CloudEvent;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.Topics;
import org.juniper.upgrade.events.UpgradeProgress;

/** The calls tests make of intake as a requester and as operations, and the backups they send. */
public final class Intake {
    public static final String CONSOLE_COOKIE = "juniper-ops-console";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Intake() {
    }

    public static void registerContract(String code, String project) {
        ops().contentType(ContentType.JSON).body(Map.of("project", project)).put("/ops/v1/contracts/" + code)
                .then().statusCode(200);
    }

    public static io.restassured.specification.RequestSpecification ops() {
        return given().header("Authorization", "Bearer local-ops-token");
    }

    public static Response cancel(Created r) {
        return given().header("Authorization", "Bearer " + r.secret).post("/api/v1/requests/" + r.id + "/cancel");
    }

    public record Created(String id, String secret) {
    }

    /** The request as intake stored it, for what only the parts learn (its attempt) or nobody sees (its keys). */
    public static org.juniper.upgrade.intake.request.repository.UpgradeRequest stored(String requestId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> io.quarkus.arc.Arc.container()
                .instance(org.juniper.upgrade.intake.request.repository.UpgradeRequestRepository.class).get()
                .findById(UUID.fromString(requestId)));
    }

    /** The request's current attempt, as the parts learn it from upgrade.requested. */
    public static String attemptOf(String requestId) {
        return stored(requestId).attempt.toString();
    }

    public static Created create(String purpose) {
        return create(purpose, "acme-" + UUID.randomUUID().toString().substring(0, 8), "it@acme.example");
    }

    public static Created create(String purpose, String database, String email) {
        Response response = given().contentType(ContentType.JSON).body(Map.of("contract", "M2026-0042",
                "email", email, "database", database, "targetVersion", "17.0", "purpose", purpose))
                .post("/api/v1/requests");
        response.then().statusCode(201).body("state", equalTo("new"));
        return new Created(response.path("id"), response.path("secret"));
    }

    public static Created queued(String purpose) throws IOException {
        Created r = create(purpose);
        upload(r, sampleBackup()).then().statusCode(200);
        start(r).then().statusCode(200);
        return r;
    }

    public static Response upload(Created r, byte[] backup) {
        return given().header("Authorization", "Bearer " + r.secret).contentType("application/zip").body(backup)
                .put("/api/v1/requests/" + r.id + "/backup");
    }

    public static Response uploadScripts(Created r, byte[] zip) {
        return given().header("Authorization", "Bearer " + r.secret).contentType("application/zip").body(zip)
                .put("/api/v1/requests/" + r.id + "/scripts");
    }

    public static byte[] scriptsZip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : new java.util.TreeMap<>(files).entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    public static Response start(Created r) {
        return given().header("Authorization", "Bearer " + r.secret).post("/api/v1/requests/" + r.id + "/start");
    }

    public static Response status(Created r) {
        return given().header("Authorization", "Bearer " + r.secret).get("/api/v1/requests/" + r.id);
    }

    public static Response download(Created r) {
        return given().redirects().follow(false).header("Authorization", "Bearer " + r.secret)
                .get("/api/v1/requests/" + r.id + "/download");
    }

    public static Response report(Created r, String format) {
        io.restassured.specification.RequestSpecification request = given().redirects().follow(false)
                .header("Authorization", "Bearer " + r.secret);
        if (format != null) {
            request = request.queryParam("format", format);
        }
        return request.get("/api/v1/requests/" + r.id + "/report");
    }

    public static String log(Created r) {
        return given().header("Authorization", "Bearer " + r.secret).get("/api/v1/requests/" + r.id + "/log")
                .body().asString();
    }

    /** The key the request's backup is stored under. */
    public static String backupKey(Created r) {
        return stored(r.id).backupKey;
    }

    public static void awaitState(Created r, String state) {
        await().atMost(WAIT).until(() -> state.equals(status(r).path("state")));
    }

    public static byte[] sampleBackup() throws IOException {
        return sampleBackup("acme");
    }

    /** A small valid 14.0 backup of {@code database}: backups of different names differ. */
    public static byte[] sampleBackup(String database) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (BackupArchiveWriter writer = new BackupArchiveWriter(bytes)) {
            writer.manifest(Manifest.of(database, "14.0", "15", Map.of("base", "14.0.1.3")));
            try (OutputStream dump = writer.dump()) {
                dump.write("CREATE TABLE res_partner (id integer);\n".getBytes(StandardCharsets.UTF_8));
            }
            writer.finish();
        }
        return bytes.toByteArray();
    }

    /** Signs in to the operations console; returns the session cookie. */
    public static String consoleSession() {
        Response signedIn = given().redirects().follow(false).formParam("token", "local-ops-token")
                .post("/ops/console/sign-in");
        signedIn.then().statusCode(303);
        return signedIn.getCookie(CONSOLE_COOKIE);
    }

    /** Puts a progress event on the dead-letter topic as a consumer that gave up on it would; returns the event. */
    public static CloudEvent deadLetter(String bootstrapServers, UpgradeProgress lost) throws Exception {
        CloudEvent event = CloudEvents.create("/juniper/upgrade-worker", lost);
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            ProducerRecord<String, String> letter = new ProducerRecord<>(Topics.DEAD_LETTER, lost.requestId(),
                    event.data());
            CloudEvents.kafkaHeaders(event).forEach((k, v) -> letter.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            letter.headers().add("dead-letter-topic", Topics.PROGRESS.getBytes(StandardCharsets.UTF_8));
            letter.headers().add("dead-letter-reason", "intake's database was away".getBytes(StandardCharsets.UTF_8));
            producer.send(letter).get();
        }
        return event;
    }
}
