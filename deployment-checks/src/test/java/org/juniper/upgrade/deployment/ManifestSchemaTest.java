package org.juniper.upgrade.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestSchemaTest {

    static List<String> kustomizations() {
        return Manifests.KUSTOMIZATIONS;
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyRenderedObjectConformsToItsKubernetesOrOperatorModel(String kustomization) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode object : Manifests.of(kustomization).objects) {
            for (String problem : Models.problems(object)) {
                problems.add(object.path("kind").asText() + "/" + Kustomize.name(object) + ": " + problem);
            }
        }
        assertEquals(List.of(), problems, kustomization);
    }

    @Test
    void theRenderedManifestsHoldEveryKindTheDeploymentNeeds() {
        for (Manifests manifests : Manifests.all().toList()) {
            Set<String> kinds = manifests.objects.stream().map(o -> o.path("kind").asText())
                    .collect(Collectors.toSet());
            assertTrue(kinds.containsAll(Set.of("Deployment", "Service", "ConfigMap", "Kafka", "KafkaNodePool",
                    "KafkaTopic", "ScaledObject", "Cluster", "StatefulSet", "Job")), manifests + ": " + kinds);
        }
    }

    @Test
    void theModelChecksRejectUnknownFieldsWrongTypesAndUnknownKinds() {
        assertRejected("""
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "a"},
                 "spec": {"replica": 1, "selector": {}, "template": {"spec": {"containers": []}}}}""");
        assertRejected("""
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "a"},
                 "spec": {"template": {"spec": {"containers": [{"name": "c", "livenesProbe": {}}]}}}}""");
        assertRejected("""
                {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "a"}, "spec": {"ports": "80"}}""");
        assertRejected("""
                {"apiVersion": "apps/v2", "kind": "Deployment", "metadata": {"name": "a"}}""");
        assertRejected("""
                {"apiVersion": "kafka.strimzi.io/v1", "kind": "KafkaTopic", "metadata": {"name": "t"},
                 "spec": {"partition": 4}}""");
        assertRejected("""
                {"apiVersion": "kafka.strimzi.io/v1", "kind": "KafkaNodePool", "metadata": {"name": "p"},
                 "spec": {"replicas": 1, "roles": ["broker"], "storage": {"type": "jbod", "volume": []}}}""");
        assertRejected("""
                {"apiVersion": "keda.sh/v1alpha1", "kind": "ScaledObject", "metadata": {"name": "s"},
                 "spec": {"scaleTargetRef": {"name": "d"},
                          "triggers": [{"type": "kafka", "metadata": {"lagThreshold": 1}}]}}""");
        assertRejected("""
                {"apiVersion": "keda.sh/v1alpha1", "kind": "ScaledObject", "metadata": {"name": "s"},
                 "spec": {"scaleTargetRef": {"name": "d"}, "minReplicas": 0, "triggers": []}}""");
        assertRejected("""
                {"apiVersion": "postgresql.cnpg.io/v1", "kind": "Cluster", "metadata": {"name": "c"},
                 "spec": {"instances": 1, "storage": {"size": "five gigabytes"}}}""");
        assertRejected("""
                {"apiVersion": "postgresql.cnpg.io/v1", "kind": "Cluster", "metadata": {"name": "c"},
                 "spec": {"instance": 1}}""");
        assertRejected("""
                {"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w"}}""");
    }

    private static void assertRejected(String json) {
        try {
            JsonNode object = Project.JSON.readTree(json);
            assertFalse(Models.problems(object).isEmpty(), "accepted: " + json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
