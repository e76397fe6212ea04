package org.juniper.upgrade.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KafkaWiringTest {

    static List<String> kustomizations() {
        return Manifests.KUSTOMIZATIONS;
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyTopicAServiceUsesExistsWithAtLeastTheLocalPlatformsPartitions(String kustomization) {
        Map<String, Integer> declared = Manifests.of(kustomization).topicPartitions();
        Map<String, Integer> needed = Project.localTopics();
        List<String> problems = new ArrayList<>();
        for (String service : Project.SERVICES) {
            for (String topic : ServiceConfig.of(service).topics()) {
                if (!needed.containsKey(topic)) {
                    problems.add(service + " uses " + topic + ", which deploy/local/topics.txt lacks");
                }
                if (!declared.containsKey(topic)) {
                    problems.add(service + " uses " + topic + ", which has no KafkaTopic");
                }
            }
        }
        needed.forEach((topic, partitions) -> {
            if (declared.getOrDefault(topic, 0) < partitions) {
                problems.add(topic + " has " + declared.get(topic) + " partitions, the consumers need " + partitions);
            }
        });
        assertEquals(List.of(), problems);
    }

    /** The worker's channel of each lane of its run queue. */
    private static final Map<String, String> LANE_CHANNELS = Map.of("test", "upgrade-requests", "production",
            "priority-requests");

    @ParameterizedTest
    @MethodSource("kustomizations")
    void eachWorkerLaneScalesOnTheQueuedJobsOfTheLaneItsDeploymentRunsAndWakesOnTheLanesLag(String kustomization) {
        Manifests manifests = Manifests.of(kustomization);
        Map<String, Map<String, String>> channels = ServiceConfig.of("upgrade-worker").incomingChannels();
        Set<String> lanesScaled = new TreeSet<>();
        for (ObjectNode scaler : manifests.ofKind("ScaledObject")) {
            String target = scaler.at("/spec/scaleTargetRef/name").asText();
            ObjectNode deployment = manifests.find("Deployment", target).orElseThrow(
                    () -> new AssertionError(Kustomize.name(scaler) + " scales a missing Deployment " + target));
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertEquals("upgrade-worker", Manifests.serviceOf(container).orElse(null), target);
            Map<String, String> env = manifests.environment(container);
            String lane = env.get("JUNIPER_WORKER_SLOTS");
            assertTrue(LANE_CHANNELS.containsKey(lane), target + " runs one lane, not " + lane);
            assertTrue(channels.keySet().stream().noneMatch(c -> "false".equals(env.get(ServiceConfig.envName(
                    "mp.messaging.incoming." + c + ".enabled")))), target + " queues the requests of every lane");

            JsonNode triggers = scaler.at("/spec/triggers");
            assertEquals(2, triggers.size(), Kustomize.name(scaler));
            JsonNode queue = triggers.get(0).path("metadata");
            assertEquals("postgresql", triggers.get(0).path("type").asText());
            String url = env.get("QUARKUS_DATASOURCE_JDBC_URL");
            assertEquals(url.substring(url.indexOf("//") + 2, url.lastIndexOf(':')),
                    queue.path("host").asText().split("\\.")[0], target + ": the worker's own database");
            assertEquals(url.substring(url.lastIndexOf('/') + 1), queue.path("dbName").asText(), target);
            assertTrue(env.containsKey(queue.path("passwordFromEnv").asText()), target);
            assertTrue(queue.path("query").asText().contains("from run_queue where lane = '" + lane + "'"),
                    target + ": " + queue.path("query").asText());

            Map<String, String> channel = channels.get(LANE_CHANNELS.get(lane));
            JsonNode kafka = triggers.get(1);
            assertEquals("kafka", kafka.path("type").asText());
            assertEquals(channel.get("group.id"), kafka.at("/metadata/consumerGroup").asText(), target);
            assertEquals(channel.get("topic"), kafka.at("/metadata/topic").asText(), target);
            assertTrue(deployment.at("/spec/replicas").isMissingNode(), target + ": KEDA owns the replica count");
            lanesScaled.add(lane);
        }
        assertEquals(LANE_CHANNELS.keySet(), lanesScaled, "every lane of the worker has its own ScaledObject");
        assertEquals(0, manifests.find("ScaledObject", "upgrade-worker-test").orElseThrow()
                .at("/spec/minReplicaCount").asInt(), "the test lane scales to zero");
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void servicesAndTheScalerReachTheStrimziBootstrapService(String kustomization) {
        Manifests manifests = Manifests.of(kustomization);
        ObjectNode kafka = manifests.ofKind("Kafka").get(0);
        JsonNode plain = null;
        for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
            if (!listener.path("tls").asBoolean() && listener.path("type").asText().equals("internal")) {
                plain = listener;
            }
        }
        assertTrue(plain != null, "a plain internal listener");
        String bootstrap = Kustomize.name(kafka) + "-kafka-bootstrap." + kafka.at("/metadata/namespace").asText()
                + ".svc:" + plain.path("port").asInt();
        for (ObjectNode scaler : manifests.ofKind("ScaledObject")) {
            for (JsonNode trigger : scaler.at("/spec/triggers")) {
                if (trigger.path("type").asText().equals("kafka")) {
                    assertEquals(bootstrap, trigger.at("/metadata/bootstrapServers").asText());
                }
            }
        }
        for (ObjectNode workload : manifests.workloads()) {
            for (JsonNode container : workload.at("/spec/template/spec/containers")) {
                if (Manifests.serviceOf(container).isPresent()) {
                    assertEquals(bootstrap, manifests.environment(container).get("KAFKA_BOOTSTRAP_SERVERS"),
                            Kustomize.name(workload));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void topicReplicationFitsTheBrokersOfTheNodePools(String kustomization) {
        Manifests manifests = Manifests.of(kustomization);
        int brokers = manifests.ofKind("KafkaNodePool").stream()
                .filter(p -> p.at("/spec/roles").toString().contains("broker"))
                .mapToInt(p -> p.at("/spec/replicas").asInt()).sum();
        JsonNode config = manifests.ofKind("Kafka").get(0).at("/spec/kafka/config");
        int minInSync = config.path("min.insync.replicas").asInt(1);
        for (ObjectNode topic : manifests.ofKind("KafkaTopic")) {
            int replicas = topic.at("/spec/replicas").asInt();
            assertTrue(replicas <= brokers && minInSync <= replicas,
                    Kustomize.name(topic) + ": " + replicas + " replicas, " + brokers + " brokers, min ISR " + minInSync);
        }
        for (String setting : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "default.replication.factor")) {
            assertTrue(config.path(setting).asInt() <= brokers, setting);
        }
    }
}
