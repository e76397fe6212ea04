package org.juniper.upgrade.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The rendered manifests of one kustomization under deploy/kubernetes, with look-ups the checks share. */
final class Manifests {
    static final List<String> KUSTOMIZATIONS = List.of("base", "overlays/local", "overlays/production");
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    final String name;
    final List<ObjectNode> objects;

    private Manifests(String name, List<ObjectNode> objects) {
        this.name = name;
        this.objects = objects;
    }

    static Manifests of(String kustomization) {
        return RENDERED.computeIfAbsent(kustomization, k -> new Manifests(k,
                Kustomize.render(Project.path("deploy/kubernetes/" + k))));
    }

    static Stream<Manifests> all() {
        return KUSTOMIZATIONS.stream().map(Manifests::of);
    }

    List<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> Kustomize.name(o).equals(name)).findFirst();
    }

    /** Workloads with a pod template. */
    List<ObjectNode> workloads() {
        return objects.stream().filter(o -> o.at("/spec/template/spec").isObject()).toList();
    }

    /** The environment a container gets: its env values (references as "<secret>") and the ConfigMaps it loads. */
    Map<String, String> environment(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            String configMap = source.path("configMapRef").path("name").asText();
            find("ConfigMap", configMap).ifPresent(map -> map.path("data").fields()
                    .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText())));
        }
        for (JsonNode variable : container.path("env")) {
            env.put(variable.path("name").asText(),
                    variable.has("value") ? variable.get("value").asText() : "<reference>");
        }
        return env;
    }

    /** Topic name to partitions, from the KafkaTopic resources. */
    Map<String, Integer> topicPartitions() {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (ObjectNode topic : ofKind("KafkaTopic")) {
            String name = topic.at("/spec/topicName").asText(Kustomize.name(topic));
            topics.put(name.isEmpty() ? Kustomize.name(topic) : name, topic.at("/spec/partitions").asInt());
        }
        return topics;
    }

    /** The service a container runs, from its image name (…/juniper/<service>:tag), when it is one of the five. */
    static Optional<String> serviceOf(JsonNode container) {
        String image = container.path("image").asText();
        String repository = image.contains(":") ? image.substring(0, image.lastIndexOf(':')) : image;
        String last = repository.substring(repository.lastIndexOf('/') + 1);
        return Project.SERVICES.contains(last) && repository.contains("juniper/") ? Optional.of(last)
                : Optional.empty();
    }

    @Override
    public String toString() {
        return name;
    }
}
