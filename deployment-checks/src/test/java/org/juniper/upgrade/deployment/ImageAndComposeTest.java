package org.juniper.upgrade.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ImageAndComposeTest {
    private static final String DOCKERFILE = "src/main/docker/Dockerfile.jvm";

    @Test
    void everyServiceImageRunsItsOwnFastJarOnAMaintainedJre17AndExposesItsHttpAndManagementPorts() {
        for (String service : Project.SERVICES) {
            String dockerfile = Project.read(Project.path(service).resolve(DOCKERFILE));
            ServiceConfig config = ServiceConfig.of(service);
            assertTrue(dockerfile.contains("\nFROM eclipse-temurin:17-jre\n"), service);
            for (String part : List.of("lib/", "app/", "quarkus/", "quarkus-run.jar")) {
                assertTrue(dockerfile.contains("COPY --chown=1001:0 " + service + "/target/quarkus-app/" + part),
                        service + " copies its own " + part);
            }
            assertTrue(dockerfile.contains("\"-jar\", \"/deployments/quarkus-run.jar\"]"), service);
            assertTrue(dockerfile.contains("\nEXPOSE " + config.httpPort(Map.of()) + " " + config.managementPort(Map.of())
                    + "\n"), service);
            assertTrue(!config.managementHost(Map.of()).startsWith("127."), service + " image: management on loopback");
            assertTrue(dockerfile.contains("\nUSER 1001\n"), service + " runs as no root");
            for (String variable : config.imageEnv.keySet()) {
                assertTrue(config.reads(variable), service + " image sets " + variable + ", which it does not read");
            }
        }
    }

    @Test
    void theWorkerImagesPostgresClientMatchesItsScratchPostgresEverywhere() {
        Matcher major = Pattern.compile("\nARG PG_MAJOR=(\\d+)\n")
                .matcher(Project.read(Project.path("upgrade-worker").resolve(DOCKERFILE)));
        assertTrue(major.find(), "the worker image pins PG_MAJOR");
        String expected = "postgres:" + major.group(1);
        List<String> images = new ArrayList<>();
        for (Manifests manifests : Manifests.all().toList()) {
            for (ObjectNode workload : manifests.workloads()) {
                for (JsonNode sidecar : workload.at("/spec/template/spec/initContainers")) {
                    if (sidecar.path("name").asText().equals("scratch-postgres")) {
                        images.add(sidecar.path("image").asText());
                        assertEquals("Always", sidecar.path("restartPolicy").asText(), "a native sidecar");
                        assertTrue(sidecar.path("args").toString().contains("fsync=off"), "tuned for speed");
                    }
                }
            }
        }
        images.add(compose().at("/services/scratch-postgres/image").asText());
        assertEquals(7, images.size(), "both lanes in each kustomization, and compose: " + images);
        images.forEach(image -> assertTrue(image.equals(expected) || image.startsWith(expected + "."), image));
    }

    @Test
    void composeRunsEveryServiceFromItsImageFileWithSettingsItReadsAndHealthChecksOnReadinessOnTheManagementPort() {
        JsonNode services = compose().path("services");
        for (String service : Project.SERVICES) {
            JsonNode entry = services.path(service);
            assertEquals("juniper/" + service, entry.path("image").asText().replaceAll(":.*", ""), service);
            assertEquals(service + "/" + DOCKERFILE, entry.at("/build/dockerfile").asText());
            assertTrue(Files.exists(Project.path("deploy/compose").resolve(entry.at("/build/context").asText())
                    .resolve(entry.at("/build/dockerfile").asText())), service);
            ServiceConfig config = ServiceConfig.of(service);
            Map<String, String> env = new TreeMap<>();
            entry.path("environment").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            env.keySet().forEach(v -> assertTrue(config.reads(v), service + " does not read " + v));
            assertEquals("kafka:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"), service);
            int port = config.httpPort(env);
            int management = config.managementPort(env);
            assertTrue(entry.path("ports").get(0).asText().endsWith(":" + port), service);
            assertTrue(entry.path("ports").get(1).asText().endsWith(":" + management), service);
            assertTrue(entry.at("/healthcheck/test").toString().contains("/dev/tcp/127.0.0.1/" + management + " ")
                    && entry.at("/healthcheck/test").toString().contains("GET /q/health/ready"), service);
        }
        services.fields().forEachRemaining(s -> s.getValue().path("depends_on").fieldNames().forEachRemaining(
                dependency -> assertTrue(services.has(dependency), s.getKey() + " depends on " + dependency)));
    }

    @Test
    void composeCreatesTheTopicsAndDatabasesFromTheLocalRunnersFiles() {
        JsonNode services = compose().path("services");
        List<String> mounts = new ArrayList<>();
        services.fields().forEachRemaining(s -> s.getValue().path("volumes").forEach(v -> mounts.add(v.asText())));
        for (String file : List.of("../local/topics.txt:", "../local/postgres-platform.sql:",
                "../local/postgres-scratch.sql:", "./seaweedfs-s3.json:")) {
            String mount = mounts.stream().filter(m -> m.startsWith(file)).findFirst()
                    .orElseThrow(() -> new AssertionError("no mount of " + file));
            assertTrue(Files.exists(Project.path("deploy/compose").resolve(mount.substring(0, mount.indexOf(':')))));
        }
        assertEquals("false", services.at("/kafka/environment/KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText());
        assertTrue(services.at("/kafka-topics/command/0").asText().contains("/topics.txt"));
    }

    private static JsonNode compose() {
        return Project.yaml(Project.path("deploy/compose/compose.yaml"));
    }
}
