package org.juniper.upgrade.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DashboardTest {
    /** Metrics from the cluster's exporters (kafka-exporter, kube-state-metrics), not from the services. */
    private static final Set<String> EXPORTER_METRICS = Set.of("kafka_consumergroup_lag",
            "kafka_topic_partition_current_offset", "kube_deployment_status_replicas_available");
    /** Metrics Quarkus' Micrometer extension publishes by itself (HTTP server, JVM binders). */
    private static final Set<String> QUARKUS_METRICS = Set.of("http_server_requests_seconds_count",
            "jvm_memory_used_bytes");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");
    private static final Pattern REGISTERED = Pattern.compile("(MultiGauge|Gauge|Counter|Timer)\\.builder\\(\"([^\"]+)\"");

    @Test
    void everyPanelQueriesAMetricThatTheServicesOrTheExportersPublish() throws IOException {
        JsonNode dashboard = Project.JSON.readTree(Project.path("deploy/grafana/juniper-upgrades.json").toFile());
        Set<String> known = new TreeSet<>(EXPORTER_METRICS);
        known.addAll(QUARKUS_METRICS);
        known.addAll(serviceMetrics());
        Set<String> used = new TreeSet<>();
        for (JsonNode expr : dashboard.findValues("expr")) {
            Matcher metric = SELECTOR.matcher(expr.asText());
            boolean any = false;
            while (metric.find()) {
                used.add(metric.group(1));
                any = true;
            }
            assertTrue(any, "write every metric with a selector: " + expr.asText());
        }
        Set<String> unknown = new TreeSet<>(used);
        unknown.removeAll(known);
        assertEquals(Set.of(), unknown, "metrics nobody publishes");
        assertTrue(used.contains("juniper_mails_waiting"));
    }

    @Test
    void theLanePanelsNameTheWorkersConsumerGroupsAndDeployments() throws IOException {
        String dashboard = Files.readString(Project.path("deploy/grafana/juniper-upgrades.json"));
        for (var lane : ServiceConfig.of("upgrade-worker").incomingChannels().values().stream()
                .filter(c -> c.get("topic").startsWith("upgrade.requested")).toList()) {
            assertTrue(dashboard.contains(lane.get("group.id") + "|") || dashboard.contains("|" + lane.get("group.id")),
                    lane.get("group.id"));
        }
        for (String deployment : Manifests.of("base").ofKind("ScaledObject").stream()
                .map(s -> s.at("/spec/scaleTargetRef/name").asText()).toList()) {
            assertTrue(dashboard.contains(deployment), deployment);
        }
    }

    /** Micrometer meters the services register, in Prometheus' naming (dots to underscores, unit suffixes). */
    private static Set<String> serviceMetrics() {
        Set<String> metrics = new TreeSet<>();
        for (String module : Stream.concat(Project.SERVICES.stream(), Stream.of("platform-bindings")).toList()) {
            try (Stream<Path> files = Files.walk(Project.path(module).resolve("src/main/java"))) {
                files.filter(f -> f.toString().endsWith(".java")).map(Project::read).forEach(source -> {
                    Matcher meter = REGISTERED.matcher(source);
                    while (meter.find()) {
                        String name = meter.group(2).replace('.', '_');
                        switch (meter.group(1)) {
                            case "Counter" -> metrics.add(name + "_total");
                            case "Timer" -> metrics.addAll(Set.of(name + "_seconds_count", name + "_seconds_sum",
                                    name + "_seconds_bucket", name + "_seconds_max"));
                            default -> metrics.add(name);
                        }
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return metrics;
    }
}
