package org.juniper.upgrade.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class KustomizeRenderingTest {

    @Test
    void patchesMergeObjectsDeleteNullFieldsAndMergeNamedListsByName() throws Exception {
        JsonNode target = Project.JSON.readTree("""
                {"spec": {"volumes": [{"name": "a", "emptyDir": {}}, {"name": "b", "emptyDir": {}}], "x": 1}}""");
        JsonNode patch = Project.JSON.readTree("""
                {"spec": {"volumes": [{"name": "b", "emptyDir": null, "ephemeral": {}}], "y": 2}}""");
        assertEquals(Project.JSON.readTree("""
                {"spec": {"volumes": [{"name": "a", "emptyDir": {}}, {"name": "b", "ephemeral": {}}],
                          "x": 1, "y": 2}}"""), Kustomize.merge(target, patch, true));
        JsonNode custom = Project.JSON.readTree("""
                {"volumes": [{"name": "a", "size": "1Gi"}, {"name": "b"}]}""");
        assertEquals(Project.JSON.readTree("""
                {"volumes": [{"name": "a", "size": "9Gi"}]}"""), Kustomize.merge(custom,
                Project.JSON.readTree("{\"volumes\": [{\"name\": \"a\", \"size\": \"9Gi\"}]}"), false));
    }

    @Test
    void theProductionOverlayReplacesImagesScalesUpAndGivesWorkersTheirOwnScratchVolumes() {
        Manifests production = Manifests.of("overlays/production");
        for (ObjectNode workload : production.workloads()) {
            assertEquals("juniper", workload.at("/metadata/namespace").asText());
            for (JsonNode container : workload.at("/spec/template/spec/containers")) {
                Manifests.serviceOf(container).ifPresent(service -> assertEquals(
                        "registry.juniper.example/juniper/" + service + ":1.0.0", container.path("image").asText()));
            }
        }
        assertEquals(3, production.find("Deployment", "intake-service").orElseThrow().at("/spec/replicas").asInt());
        assertEquals(3, production.find("KafkaNodePool", "combined").orElseThrow().at("/spec/replicas").asInt());
        production.ofKind("KafkaTopic").forEach(t -> assertEquals(3, t.at("/spec/replicas").asInt()));
        for (String lane : new String[] {"upgrade-worker-test", "upgrade-worker-priority"}) {
            ObjectNode worker = production.find("Deployment", lane).orElseThrow();
            for (JsonNode volume : worker.at("/spec/template/spec/volumes")) {
                if (!volume.path("name").asText().equals("scratch-init")) {
                    assertFalse(volume.has("emptyDir"), lane + " " + volume);
                    assertTrue(volume.at("/ephemeral/volumeClaimTemplate/spec/storageClassName").isTextual());
                }
            }
            assertEquals(Manifests.of("base").find("Deployment", lane).orElseThrow()
                    .at("/spec/template/spec/containers/0/env"), worker.at("/spec/template/spec/containers/0/env"),
                    "the worker's env survives the patch of its resources");
        }
        assertEquals(1, production.find("ScaledObject", "upgrade-worker-priority").orElseThrow()
                .at("/spec/minReplicaCount").asInt(), "production keeps a warm worker");
    }
}
