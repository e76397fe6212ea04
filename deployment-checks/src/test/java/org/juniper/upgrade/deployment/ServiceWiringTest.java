package org.juniper.upgrade.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceWiringTest {
    /** Secrets production creates itself (see the production kustomization); everything else must be rendered. */
    private static final Set<String> SECRETS_FROM_OPERATIONS = Set.of("juniper-object-store", "seaweedfs-s3-config",
            "juniper-scratch-admin", "juniper-intake-ops", "juniper-download-links");

    static List<String> kustomizations() {
        return Manifests.KUSTOMIZATIONS;
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyServiceRunsFromItsOwnImage(String kustomization) {
        Manifests manifests = Manifests.of(kustomization);
        Set<String> deployed = new TreeSet<>();
        for (ObjectNode workload : manifests.workloads()) {
            for (JsonNode container : workload.at("/spec/template/spec/containers")) {
                Manifests.serviceOf(container).ifPresent(service -> {
                    assertTrue(Kustomize.name(workload).startsWith(service), Kustomize.name(workload) + " runs "
                            + container.path("image").asText());
                    assertEquals(service, container.path("name").asText());
                    deployed.add(service);
                });
            }
        }
        assertEquals(new TreeSet<>(Project.SERVICES), deployed);
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void probesAndScrapingPointAtTheHealthAndMetricsEndpointsOnTheManagementPortApartFromTheApi(String kustomization) {
        Manifests manifests = Manifests.of(kustomization);
        List<String> problems = new ArrayList<>();
        for (ObjectNode workload : manifests.workloads()) {
            problems.addAll(managementProblems(manifests, workload));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aProbeOrAScrapeOnTheApiPortInsteadOfTheManagementPortFailsTheCheck() {
        Manifests manifests = Manifests.of("base");
        ObjectNode intake = manifests.find("Deployment", "intake-service").orElseThrow().deepCopy();
        ObjectNode container = (ObjectNode) intake.at("/spec/template/spec/containers/0");
        ((ObjectNode) container.at("/readinessProbe/httpGet")).put("port", "http");
        ((ObjectNode) container.at("/livenessProbe/httpGet")).put("port", 8080);
        ((ObjectNode) intake.at("/spec/template/metadata/annotations")).put("prometheus.io/port", "8080");

        List<String> problems = managementProblems(manifests, intake);

        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("readinessProbe on port 8080"), problems.get(0));
        assertTrue(problems.get(1).contains("livenessProbe on port 8080"), problems.get(1));
        assertTrue(problems.get(2).contains("scraped on port 8080"), problems.get(2));
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void noServicePublishesTheHealthAndMetricsOfThePodsItSelects(String kustomization) {
        Manifests manifests = Manifests.of(kustomization);
        for (ObjectNode service : manifests.ofKind("Service")) {
            JsonNode selector = service.at("/spec/selector");
            for (ObjectNode workload : manifests.workloads()) {
                if (!matches(selector, workload.at("/spec/template/metadata/labels"))) {
                    continue;
                }
                for (JsonNode container : workload.at("/spec/template/spec/containers")) {
                    Manifests.serviceOf(container).ifPresent(name -> {
                        int management = ServiceConfig.of(name).managementPort(manifests.environment(container));
                        for (JsonNode port : service.at("/spec/ports")) {
                            assertTrue(containerPort(container, port.path("targetPort")) != management,
                                    Kustomize.name(service) + " publishes the management port of " + name);
                        }
                    });
                }
            }
        }
    }

    /**
     * What is wrong with how a workload's service containers are probed and scraped: health and metrics must be on
     * the service's management interface, on a port of their own that the pod reaches, and the API port must not
     * answer them.
     */
    private static List<String> managementProblems(Manifests manifests, ObjectNode workload) {
        List<String> problems = new ArrayList<>();
        JsonNode pod = workload.at("/spec/template");
        for (JsonNode container : pod.at("/spec/containers")) {
            String service = Manifests.serviceOf(container).orElse(null);
            if (service == null) {
                continue;
            }
            String where = Kustomize.name(workload) + "/" + container.path("name").asText();
            ServiceConfig config = ServiceConfig.of(service);
            Map<String, String> env = manifests.environment(container);
            int port = config.httpPort(env);
            int management = config.managementPort(env);
            if (!config.managementInterface() || management == port) {
                problems.add(where + ": health and metrics are not on a management interface of their own");
            }
            if (config.httpHost(env).startsWith("127.") || config.managementHost(env).startsWith("127.")) {
                problems.add(where + " listens on loopback only");
            }
            if (containerPort(container, IntNode.valueOf(management)) != management) {
                problems.add(where + " declares no container port " + management + " for health and metrics");
            }
            for (String probe : List.of("readinessProbe", "livenessProbe")) {
                int probed = containerPort(container, container.at("/" + probe + "/httpGet/port"));
                if (probed != management) {
                    problems.add(where + ": " + probe + " on port " + probed + ", not on the management port "
                            + management);
                }
            }
            if (!"/q/health/ready".equals(container.at("/readinessProbe/httpGet/path").asText())
                    || !"/q/health/live".equals(container.at("/livenessProbe/httpGet/path").asText())) {
                problems.add(where + ": probes not on /q/health/ready and /q/health/live");
            }
            String scraped = pod.at("/metadata/annotations/prometheus.io~1port").asText();
            if (!String.valueOf(management).equals(scraped)) {
                problems.add(where + ": scraped on port " + scraped + ", not on the management port " + management);
            }
            if (!"/q/metrics".equals(pod.at("/metadata/annotations/prometheus.io~1path").asText())) {
                problems.add(where + ": scraped elsewhere than /q/metrics");
            }
            if (!container.at("/resources/requests/memory").isTextual()
                    || !container.at("/resources/limits/memory").isTextual()) {
                problems.add(where + " has no memory resources");
            }
        }
        return problems;
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyEnvironmentVariableOfAServiceSetsAPropertyItReads(String kustomization) {
        Manifests manifests = Manifests.of(kustomization);
        List<String> unread = new ArrayList<>();
        for (ObjectNode workload : manifests.workloads()) {
            for (JsonNode container : workload.at("/spec/template/spec/containers")) {
                Manifests.serviceOf(container).ifPresent(service -> {
                    ServiceConfig config = ServiceConfig.of(service);
                    for (String variable : manifests.environment(container).keySet()) {
                        if (!config.reads(variable)) {
                            unread.add(Kustomize.name(workload) + ": " + variable);
                        }
                    }
                });
            }
        }
        assertEquals(List.of(), unread);
    }

    /** Without it, /upgrade serves no launcher and the links that leave the platform have no address. */
    @ParameterizedTest
    @MethodSource("kustomizations")
    void intakeIsGivenThePublicAddressItsLauncherAndLinksAreMadeFrom(String kustomization) {
        Manifests manifests = Manifests.of(kustomization);
        List<String> addresses = new ArrayList<>();
        for (ObjectNode workload : manifests.workloads()) {
            for (JsonNode container : workload.at("/spec/template/spec/containers")) {
                if (Manifests.serviceOf(container).filter("intake-service"::equals).isPresent()) {
                    addresses.add(manifests.environment(container).get("JUNIPER_INTAKE_PUBLIC_URL"));
                }
            }
        }
        assertEquals(1, addresses.size(), "one intake deployment: " + addresses);
        String address = addresses.get(0);
        assertTrue(address != null && address.matches(kustomization.endsWith("production") ? "https://[^/]+.*"
                : "https?://[^/]+.*"), kustomization + ": JUNIPER_INTAKE_PUBLIC_URL is " + address);
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void datasourcesUseTheirCloudNativePgClusterAndItsGeneratedCredentials(String kustomization) {
        Manifests manifests = Manifests.of(kustomization);
        Set<String> withDatabase = new TreeSet<>();
        for (ObjectNode workload : manifests.workloads()) {
            for (JsonNode container : workload.at("/spec/template/spec/containers")) {
                String service = Manifests.serviceOf(container).orElse(null);
                if (service == null || !ServiceConfig.of(service).properties.containsKey("quarkus.datasource.jdbc.url")) {
                    continue;
                }
                String url = manifests.environment(container).get("QUARKUS_DATASOURCE_JDBC_URL");
                assertTrue(url != null && url.matches("jdbc:postgresql://[\\w-]+-rw:5432/\\w+"), service + ": " + url);
                String cluster = url.substring("jdbc:postgresql://".length(), url.indexOf("-rw:"));
                ObjectNode db = manifests.find("Cluster", cluster)
                        .orElseThrow(() -> new AssertionError(service + " uses a missing Cluster " + cluster));
                assertEquals(db.at("/spec/bootstrap/initdb/database").asText(), url.substring(url.lastIndexOf('/') + 1));
                for (JsonNode variable : container.path("env")) {
                    if (variable.path("name").asText().matches("QUARKUS_DATASOURCE_(USERNAME|PASSWORD)")) {
                        assertEquals(cluster + "-app", variable.at("/valueFrom/secretKeyRef/name").asText(), service);
                    }
                }
                withDatabase.add(service);
            }
        }
        assertEquals(Set.of("intake-service", "notification-service", "upgrade-worker"), withDatabase);
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyReferencedSecretAndConfigMapIsRenderedOrProvidedByOperationsOrAnOperator(String kustomization) {
        Manifests manifests = Manifests.of(kustomization);
        Set<String> generatedByOperator = new TreeSet<>();
        manifests.ofKind("Cluster").forEach(c -> generatedByOperator.add(Kustomize.name(c) + "-app"));
        Set<String> missingSecrets = new TreeSet<>();
        List<String> missingConfigMaps = new ArrayList<>();
        for (ObjectNode workload : manifests.workloads()) {
            JsonNode pod = workload.at("/spec/template/spec");
            List<JsonNode> references = new ArrayList<>();
            pod.findParents("secretKeyRef").forEach(p -> references.add(p.get("secretKeyRef")));
            pod.findParents("secretName").forEach(references::add);
            for (JsonNode reference : references) {
                String name = reference.has("secretName") ? reference.get("secretName").asText()
                        : reference.path("name").asText();
                if (manifests.find("Secret", name).isEmpty() && !generatedByOperator.contains(name)) {
                    missingSecrets.add(name);
                }
            }
            List<String> configMaps = new ArrayList<>();
            pod.findParents("configMapKeyRef").forEach(p -> configMaps.add(p.at("/configMapKeyRef/name").asText()));
            pod.findParents("configMapRef").forEach(p -> configMaps.add(p.at("/configMapRef/name").asText()));
            pod.findParents("configMap").forEach(p -> configMaps.add(p.at("/configMap/name").asText()));
            configMaps.stream().filter(n -> manifests.find("ConfigMap", n).isEmpty())
                    .forEach(n -> missingConfigMaps.add(Kustomize.name(workload) + ": " + n));
        }
        assertEquals(List.of(), missingConfigMaps);
        Set<String> expected = kustomization.equals("overlays/local") ? Set.of() : SECRETS_FROM_OPERATIONS;
        assertEquals(new TreeSet<>(expected), missingSecrets);
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyServiceSelectsPodsThatHaveItsTargetPort(String kustomization) {
        Manifests manifests = Manifests.of(kustomization);
        for (ObjectNode service : manifests.ofKind("Service")) {
            JsonNode selector = service.at("/spec/selector");
            List<JsonNode> pods = manifests.workloads().stream().map(w -> w.at("/spec/template"))
                    .filter(t -> matches(selector, t.at("/metadata/labels"))).toList();
            assertTrue(!pods.isEmpty(), Kustomize.name(service) + " selects no pod");
            for (JsonNode port : service.at("/spec/ports")) {
                for (JsonNode pod : pods) {
                    boolean found = false;
                    for (JsonNode container : pod.at("/spec/containers")) {
                        found |= containerPort(container, port.path("targetPort")) > 0;
                    }
                    assertTrue(found, Kustomize.name(service) + " port " + port);
                }
            }
        }
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) selector::fields) {
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText())) {
                return false;
            }
        }
        return true;
    }

    /** The container port a probe or Service port names (by name or number); 0 when the container has none. */
    private static int containerPort(JsonNode container, JsonNode reference) {
        for (JsonNode port : container.path("ports")) {
            if (reference.isInt() ? port.path("containerPort").asInt() == reference.asInt()
                    : port.path("name").asText().equals(reference.asText())) {
                return port.path("containerPort").asInt();
            }
        }
        return 0;
    }
}
