package org.juniper.upgrade.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization the way kustomize does, for the part of kustomize these manifests use: resources (files and
 * folders with their own kustomization), namespace, images, and patches from files, matched by kind and name or by a
 * target kind. Patches merge like kustomize's: objects field by field, null deletes a field; lists of named items
 * (containers, env, volumes) merge by name in built-in kinds and are replaced whole in custom resources. Any other
 * kustomization field fails the rendering rather than being ignored.
 */
final class Kustomize {
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "namespace", "resources", "images",
            "patches");

    private Kustomize() {
    }

    static List<ObjectNode> render(Path folder) {
        ObjectNode kustomization = Project.yaml(folder.resolve("kustomization.yaml"));
        for (Iterator<String> fields = kustomization.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(folder + "/kustomization.yaml: unsupported field " + field);
            }
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = folder.resolve(resource.asText()).normalize();
            objects.addAll(Files.isDirectory(path) ? render(path) : Project.yamlDocuments(path));
        }
        rejectDuplicates(objects, folder);
        for (JsonNode patch : kustomization.path("patches")) {
            applyPatches(objects, folder.resolve(patch.path("path").asText()), patch.get("target"));
        }
        for (JsonNode image : kustomization.path("images")) {
            setImage(objects, image);
        }
        if (kustomization.hasNonNull("namespace")) {
            for (ObjectNode object : objects) {
                ((ObjectNode) object.get("metadata")).put("namespace", kustomization.get("namespace").asText());
            }
        }
        return objects;
    }

    private static void rejectDuplicates(List<ObjectNode> objects, Path folder) {
        Set<String> ids = new HashSet<>();
        for (ObjectNode object : objects) {
            String id = object.path("kind").asText() + "/" + name(object);
            if (!ids.add(id)) {
                throw new IllegalArgumentException(folder + ": " + id + " is defined twice");
            }
        }
    }

    private static void applyPatches(List<ObjectNode> objects, Path file, JsonNode target) {
        for (ObjectNode patch : Project.yamlDocuments(file)) {
            int matched = 0;
            for (ObjectNode object : objects) {
                boolean matches = target != null
                        ? object.path("kind").asText().equals(target.path("kind").asText())
                                && (!target.has("name") || name(object).equals(target.path("name").asText()))
                        : object.path("kind").asText().equals(patch.path("kind").asText())
                                && name(object).equals(name(patch));
                if (matches) {
                    ObjectNode body = patch.deepCopy();
                    if (target != null) {
                        body.remove("metadata");
                    }
                    merge(object, body, isBuiltIn(object));
                    matched++;
                }
            }
            if (matched == 0) {
                throw new IllegalArgumentException(file + ": patch of " + patch.path("kind").asText() + "/"
                        + name(patch) + " matches nothing");
            }
        }
    }

    static JsonNode merge(JsonNode target, JsonNode patch, boolean mergeNamedLists) {
        if (target instanceof ObjectNode object && patch instanceof ObjectNode changes) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = changes.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isNull()) {
                    object.remove(field.getKey());
                } else if (object.has(field.getKey())) {
                    object.set(field.getKey(), merge(object.get(field.getKey()), field.getValue(), mergeNamedLists));
                } else {
                    object.set(field.getKey(), field.getValue().deepCopy());
                }
            }
            return object;
        }
        if (mergeNamedLists && target instanceof ArrayNode items && patch instanceof ArrayNode changes
                && allNamed(items) && allNamed(changes)) {
            for (JsonNode change : changes) {
                JsonNode existing = null;
                for (JsonNode item : items) {
                    if (item.get("name").asText().equals(change.get("name").asText())) {
                        existing = item;
                    }
                }
                if (existing != null) {
                    merge(existing, change, true);
                } else {
                    items.add(change.deepCopy());
                }
            }
            return items;
        }
        return patch.deepCopy();
    }

    private static boolean allNamed(ArrayNode items) {
        for (JsonNode item : items) {
            if (!item.isObject() || !item.hasNonNull("name")) {
                return false;
            }
        }
        return true;
    }

    /** Kinds of the Kubernetes API itself (group without a dot): kustomize knows their merge keys. */
    private static boolean isBuiltIn(ObjectNode object) {
        String apiVersion = object.path("apiVersion").asText();
        return !apiVersion.contains("/") || !apiVersion.substring(0, apiVersion.indexOf('/')).contains(".");
    }

    private static void setImage(List<ObjectNode> objects, JsonNode image) {
        String name = image.path("name").asText();
        int replaced = 0;
        for (ObjectNode object : objects) {
            for (JsonNode containers : List.of(object.at("/spec/template/spec/containers"),
                    object.at("/spec/template/spec/initContainers"))) {
                for (JsonNode container : containers) {
                    String current = container.path("image").asText();
                    String currentName = current.contains(":") ? current.substring(0, current.lastIndexOf(':'))
                            : current;
                    if (currentName.equals(name)) {
                        String newName = image.has("newName") ? image.get("newName").asText() : currentName;
                        String newTag = image.has("newTag") ? image.get("newTag").asText()
                                : current.substring(currentName.length() + (current.contains(":") ? 1 : 0));
                        ((ObjectNode) container).put("image", newTag.isEmpty() ? newName : newName + ":" + newTag);
                        replaced++;
                    }
                }
            }
        }
        if (replaced == 0) {
            throw new IllegalArgumentException("image " + name + " is used by no container");
        }
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }
}
