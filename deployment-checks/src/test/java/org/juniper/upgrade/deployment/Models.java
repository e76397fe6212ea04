package org.juniper.upgrade.deployment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Checks one Kubernetes object against its model. Kubernetes kinds go through fabric8's model, Strimzi's through its
 * published API classes; both keep unknown fields aside instead of failing, so any such field is reported here, as a
 * strict server-side field validation would. KEDA and CloudNativePG publish no Java model: their objects are checked
 * against JSON Schemas excerpted from their CRDs' openAPIV3Schema (see the schemas' titles), unknown fields forbidden.
 */
final class Models {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Map<String, Class<? extends HasMetadata>> STRIMZI = Map.of(
            "kafka.strimzi.io/v1 Kafka", Kafka.class,
            "kafka.strimzi.io/v1 KafkaNodePool", KafkaNodePool.class,
            "kafka.strimzi.io/v1 KafkaTopic", KafkaTopic.class);
    private static final Map<String, String> SCHEMAS = Map.of(
            "keda.sh/v1alpha1 ScaledObject", "/schemas/keda-scaledobject-v1alpha1.json",
            "postgresql.cnpg.io/v1 Cluster", "/schemas/cnpg-cluster-v1.json");

    private Models() {
    }

    /** The problems found in one object; empty when it conforms. */
    static List<String> problems(JsonNode object) {
        String type = object.path("apiVersion").asText() + " " + object.path("kind").asText();
        List<String> problems = new ArrayList<>();
        try {
            if (SCHEMAS.containsKey(type)) {
                for (ValidationMessage message : schema(SCHEMAS.get(type)).validate(object)) {
                    problems.add(message.getMessage());
                }
            } else if (STRIMZI.containsKey(type)) {
                unknownFields(SERIALIZATION.convertValue(object, STRIMZI.get(type)), "", problems, 0);
            } else {
                HasMetadata model = SERIALIZATION.unmarshal(object.toString(), HasMetadata.class);
                if (model instanceof GenericKubernetesResource) {
                    problems.add("no model for " + type + ": neither a Kubernetes kind nor a checked custom kind");
                } else if (!HasMetadata.getApiVersion(model.getClass()).equals(object.path("apiVersion").asText())) {
                    problems.add("apiVersion " + object.path("apiVersion").asText() + " read as "
                            + HasMetadata.getApiVersion(model.getClass()));
                } else {
                    unknownFields(model, "", problems, 0);
                }
            }
        } catch (RuntimeException e) {
            problems.add("does not deserialize: " + e.getMessage());
        }
        return problems;
    }

    private static JsonSchema schema(String resource) {
        try (InputStream in = Models.class.getResourceAsStream(resource)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(Project.JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void unknownFields(Object value, String path, List<String> problems, int depth) {
        if (value == null || depth > 40) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems, depth + 1);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                unknownFields(entry.getValue(), path + "." + entry.getKey(), problems, depth + 1);
            }
            return;
        }
        Class<?> type = value.getClass();
        if (type.isEnum() || !(type.getName().startsWith("io.fabric8.") || type.getName().startsWith("io.strimzi."))) {
            return;
        }
        for (Method getter : type.getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || getter.isBridge()
                    || getter.getDeclaringClass() == Object.class || !getter.getName().startsWith("get")) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (invoke(getter, value) instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    problems.add("unknown field(s) at " + (path.isEmpty() ? "top level" : path) + ": "
                            + unknown.keySet());
                }
            } else if (!getter.isAnnotationPresent(JsonIgnore.class)) {
                unknownFields(invoke(getter, value), path + "." + decapitalize(getter.getName().substring(3)),
                        problems, depth + 1);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
