package org.juniper.upgrade.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The operations of an OpenAPI 3 document, with their parameters and body schemas resolved. */
record ApiModel(JsonNode root, List<Operation> operations) {
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    /** A parameter in the path, the query or a header; {@code schema} has its $refs resolved. */
    record Param(String name, String in, boolean required, JsonNode schema) {
        String type() {
            return schema.path("type").asText("string");
        }

        String format() {
            return schema.path("format").asText("");
        }
    }

    /** One method on one path template; {@code bodyTypes} in the document's order, the first one's schema kept. */
    record Operation(String method, String path, List<Param> params, List<String> bodyTypes, JsonNode bodySchema) {
        boolean ops() {
            return path.startsWith("/ops/");
        }

        boolean requester() {
            return path.startsWith("/api/");
        }

        boolean hasBody() {
            return !bodyTypes.isEmpty();
        }

        boolean jsonBody() {
            return bodyTypes.stream().anyMatch(type -> type.contains("json"));
        }

        List<Param> params(String in) {
            return params.stream().filter(p -> p.in().equals(in)).toList();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static ApiModel parse(byte[] document) throws IOException {
        return parse(new ObjectMapper().readTree(document));
    }

    static ApiModel parse(JsonNode root) {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> entry = paths.next();
            JsonNode item = entry.getValue();
            for (String method : METHODS) {
                JsonNode op = item.get(method);
                if (op == null) {
                    continue;
                }
                List<Param> params = new ArrayList<>();
                addParams(root, item.path("parameters"), params);
                addParams(root, op.path("parameters"), params);
                List<String> types = new ArrayList<>();
                JsonNode bodySchema = MissingNode.getInstance();
                Iterator<Map.Entry<String, JsonNode>> content = resolve(root, op.path("requestBody")).path("content")
                        .fields();
                while (content.hasNext()) {
                    Map.Entry<String, JsonNode> type = content.next();
                    if (types.isEmpty()) {
                        bodySchema = resolve(root, type.getValue().path("schema"));
                    }
                    types.add(type.getKey());
                }
                operations.add(new Operation(method.toUpperCase(Locale.ROOT), entry.getKey(), List.copyOf(params),
                        List.copyOf(types), bodySchema));
            }
        }
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("the OpenAPI document lists no operations");
        }
        return new ApiModel(root, List.copyOf(operations));
    }

    /** A schema nested in a body schema, its $ref followed. */
    JsonNode schema(JsonNode node) {
        return resolve(root, node);
    }

    private static void addParams(JsonNode root, JsonNode list, List<Param> into) {
        for (JsonNode raw : list) {
            JsonNode p = resolve(root, raw);
            into.removeIf(known -> known.name().equals(p.path("name").asText())
                    && known.in().equals(p.path("in").asText()));
            into.add(new Param(p.path("name").asText(), p.path("in").asText(), p.path("required").asBoolean(false),
                    resolve(root, p.path("schema"))));
        }
    }

    /** Follows a local {@code $ref} (#/components/...), several times if needed; a schema's nested refs stay. */
    static JsonNode resolve(JsonNode root, JsonNode node) {
        for (int hops = 0; hops < 16 && node.has("$ref"); hops++) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return MissingNode.getInstance();
            }
            node = root.at(ref.substring(1));
        }
        return node;
    }
}
