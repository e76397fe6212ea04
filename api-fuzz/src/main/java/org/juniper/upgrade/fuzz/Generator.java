package org.juniper.upgrade.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.juniper.upgrade.fuzz.ApiModel.Operation;
import org.juniper.upgrade.fuzz.ApiModel.Param;
import org.juniper.upgrade.fuzz.Exchange.Builder;

/**
 * Makes case number {@code i} of a run from the seed, the OpenAPI model and the fixtures alone: the same three give
 * the same case whatever was sent before, so a run splits over any number of connections and a failure found in
 * one run can be sent again by its number.
 */
final class Generator {
    private static final int KIB = 1024;
    private static final int MIB = 1024 * KIB;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS",
            "TRACE", "PROPFIND", "FOO", "get");
    /** Values a requester could send for a field, where the name tells what the field holds. */
    private static final Map<String, String> KNOWN = Map.of("database", "fuzz_db", "targetVersion", "17.0",
            "sourceVersion", "14.0", "purpose", "test", "name", "fuzz-branch", "backupKey", "hosting/fuzz/latest.zip",
            "version", "17.0", "format", "json", "olderThan", "P3650D");

    private final ApiModel api;
    private final Fixtures fx;
    private final long seed;
    private final ObjectMapper json = new ObjectMapper();
    private final byte[] scripts;
    private final Operation create;
    private final Operation putBackup;
    private final Operation patchBackup;
    private final Operation headBackup;
    private final Operation start;
    private final Operation cancel;
    private final Operation putScripts;
    /** Payloads that depend on their kind only, made once: some take milliseconds to build. */
    private final Map<String, byte[]> made = new ConcurrentHashMap<>();

    Generator(ApiModel api, Fixtures fx, long seed) {
        this.api = api;
        this.fx = fx;
        this.seed = seed;
        this.scripts = zip(Map.of("16.0/fuzz_module/post-10-fuzz.sql", "SELECT 1;\n".getBytes(StandardCharsets.UTF_8)));
        this.create = find("POST", "/requests");
        this.putBackup = find("PUT", "/backup");
        this.patchBackup = find("PATCH", "/backup");
        this.headBackup = find("HEAD", "/backup");
        this.start = find("POST", "/start");
        this.cancel = find("POST", "/cancel");
        this.putScripts = find("PUT", "/scripts");
    }

    private Operation find(String method, String suffix) {
        return api.operations().stream().filter(op -> op.requester() && op.method().equals(method)
                && op.path().endsWith(suffix)).findFirst().orElse(null);
    }

    /** How many cases, from number 0 on, make at least {@code count} requests. */
    int casesFor(int count) {
        int cases = 0;
        for (long sent = 0; sent < count; cases++) {
            sent += requests(cases);
        }
        return cases;
    }

    /** The number of requests of a case, without making the single ones' bodies. */
    int requests(int index) {
        SplittableRandom r = random(index);
        return races(r) ? parallel(index, r).requests() : 1;
    }

    FuzzCase generate(int index) {
        SplittableRandom r = random(index);
        if (races(r)) {
            return parallel(index, r);
        }
        Operation op = pick(r, api.operations());
        if (r.nextInt(100) < 11) {
            return single(index, framing(op, r));
        }
        Base base = base(op, r);
        Builder b = base.builder;
        int family = r.nextInt(100);
        if (family < 4) {
            b.mutation("valid", "well-formed");
        } else if (family < 38) {
            body(op, b, r);
        } else if (family < 56) {
            header(op, b, r);
        } else if (family < 66) {
            auth(op, base, r);
        } else if (family < 78 && !op.params("path").isEmpty()) {
            pathParam(op, base, r);
        } else if (family < 86) {
            query(op, base, r);
        } else if (family < 93) {
            method(op, base, r);
        } else {
            route(op, base, r);
        }
        return single(index, base.build());
    }

    private SplittableRandom random(int index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + index);
    }

    /** The first draw of every case: six in a hundred are uploads racing each other, when the routes are there. */
    private boolean races(SplittableRandom r) {
        return r.nextInt(100) < 6 && Stream.of(create, putBackup, patchBackup, headBackup, start, cancel, putScripts)
                .allMatch(Objects::nonNull);
    }

    private static FuzzCase single(int index, Exchange exchange) {
        return new FuzzCase(index, false, List.of(List.of(exchange)));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The well-formed request every mutation starts from
    // ---------------------------------------------------------------------------------------------------------------

    /** A well-formed request to one operation: the owner's id in the path, their secret or the ops token. */
    private final class Base {
        final Operation op;
        final Fixtures.Request owner;
        final Map<String, String> pathValues = new LinkedHashMap<>();
        final List<String> query = new ArrayList<>();
        Builder builder;
        String method;
        String target;

        Base(Operation op, SplittableRandom r) {
            this.op = op;
            this.owner = pick(r, fx.requests());
            this.method = op.method();
            for (Param p : op.params("path")) {
                pathValues.put(p.name(), p.format().equals("uuid") ? owner.id() : known(p.name(), op));
            }
            for (Param p : op.params("query")) {
                if ((p.required() || r.nextBoolean()) && !p.name().equals("token")) {
                    query.add(p.name() + "=" + known(p.name(), op));
                }
            }
        }

        String path() {
            String path = op.path();
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", value.getValue());
            }
            return path;
        }

        String target() {
            return path() + (query.isEmpty() ? "" : "?" + String.join("&", query));
        }

        /** The builder, made again with the method and target as they are now, keeping headers and body. */
        Builder rebuild() {
            return rebuild(op.path());
        }

        Builder rebuild(String route) {
            Builder again = new Builder(method, target != null ? target : target(), route);
            builder.build().headers().stream().filter(h -> !h.name().equals("Content-Length"))
                    .forEach(h -> again.header(h.name(), h.value()));
            again.body(builder.body());
            return again;
        }

        Exchange build() {
            return builder.build();
        }
    }

    private Base base(Operation op, SplittableRandom r) {
        Base base = new Base(op, r);
        Builder b = new Builder(op.method(), base.target(), op.path());
        b.header("Host", fx.authority());
        String auth = authFor(op, base.owner);
        if (auth != null) {
            b.header("Authorization", auth);
        }
        for (Param p : op.params("header")) {
            if (p.name().equalsIgnoreCase("Upload-Offset")) {
                b.header(p.name(), "0");
            } else if (p.name().equalsIgnoreCase("Upload-Length")) {
                b.header(p.name(), Integer.toString(fx.backup().length));
            } else if (p.name().equalsIgnoreCase("Range") && r.nextBoolean()) {
                b.header(p.name(), "bytes=0-");
            }
        }
        if (op.hasBody()) {
            b.header("Content-Type", op.bodyTypes().get(0));
            b.body(validBody(op, r));
        }
        base.builder = b;
        return base;
    }

    /**
     * The ops token under /ops, the owner's secret on the requester's routes but creation, nothing elsewhere: OpenAPI
     * leaves Authorization out of an operation's parameters, and the document declares no security scheme to say it.
     */
    private String authFor(Operation op, Fixtures.Request owner) {
        if (op.ops()) {
            return "Bearer " + fx.opsToken();
        }
        return op.requester() && op != create ? "Bearer " + owner.secret() : null;
    }

    /** A value a requester could send for a field or parameter of that name. */
    private String known(String name) {
        return switch (name) {
            case "code", "contract" -> fx.contract();
            case "project" -> fx.project();
            case "email" -> fx.email();
            default -> KNOWN.getOrDefault(name, "fuzz");
        };
    }

    /** A path or query value: deleting what the fixtures rely on (the open target) would spoil the rest of the run. */
    private String known(String name, Operation op) {
        return op.method().equals("DELETE") ? "99.0" : known(name);
    }

    private byte[] validBody(Operation op, SplittableRandom r) {
        if (op.jsonBody()) {
            return write(validJson(op.bodySchema(), "", r, 0));
        }
        return op.path().endsWith("/scripts") ? scripts : fx.backup();
    }

    private JsonNode validJson(JsonNode rawSchema, String name, SplittableRandom r, int depth) {
        JsonNode schema = api.schema(rawSchema);
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 6) {
                    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
                    while (properties.hasNext()) {
                        Map.Entry<String, JsonNode> p = properties.next();
                        object.set(p.getKey(), validJson(p.getValue(), p.getKey(), r, depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 6) {
                    array.add(validJson(schema.path("items"), name, r, depth + 1));
                }
                return array;
            }
            case "integer", "number" -> {
                return NODES.numberNode(1);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                if (schema.path("format").asText().equals("uuid")) {
                    return NODES.textNode(pick(r, fx.requests()).id());
                }
                if (schema.path("format").asText().equals("date-time")) {
                    return NODES.textNode("2026-01-01T00:00:00Z");
                }
                return NODES.textNode(known(name));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Bodies
    // ---------------------------------------------------------------------------------------------------------------

    private void body(Operation op, Builder b, SplittableRandom r) {
        if (!op.hasBody()) {
            byte[] unexpected = r.nextBoolean() ? "{\"x\":1}".getBytes(StandardCharsets.UTF_8) : bytes(r, 4 * KIB);
            b.without("Content-Type").header("Content-Type", r.nextBoolean() ? "application/json"
                    : "application/octet-stream").body(unexpected)
                    .mutation("body/unexpected", unexpected.length + " bytes sent to a route that takes no body");
        } else if (op.jsonBody()) {
            jsonBody(op, b, r);
        } else {
            binaryBody(op, b, r);
        }
    }

    private void jsonBody(Operation op, Builder b, SplittableRandom r) {
        JsonNode valid = validJson(op.bodySchema(), "", r, 0);
        List<Slot> slots = new ArrayList<>();
        slots(valid, "$", slots);
        Slot slot = slots.isEmpty() ? null : pick(r, slots);
        int kind = r.nextInt(13);
        if (slot == null && (kind < 7 || kind == 12)) {
            kind = 7 + r.nextInt(5);
        }
        switch (kind) {
            case 0 -> {
                Object[] wrong = {0, -1, 1.5, "1e309", "123456789012345678901234567890", true, false,
                        "[]", "{}", "[\"x\"]", "{\"a\":1}", "\"\"", "\" \""};
                Object value = wrong[r.nextInt(wrong.length)];
                slot.raw(value.toString());
                b.body(write(valid)).mutation("body/wrong-type", value + " at " + slot.path);
            }
            case 1 -> {
                String huge = huge(r);
                slot.set(NODES.textNode(huge));
                b.body(write(valid)).mutation("body/huge-string", describe(huge) + " at " + slot.path);
            }
            case 12 -> {
                // every string field at once reaches the checks of each in one request
                String huge = huge(r);
                slots.stream().filter(s -> s.value().isTextual()).forEach(s -> s.set(NODES.textNode(huge)));
                b.body(write(valid)).mutation("body/huge-string", describe(huge) + " in every string field");
            }
            case 2 -> {
                int depth = pick(r, List.of(64, 1000, 5000, 100_000));
                boolean arrays = r.nextBoolean();
                slot.raw(arrays ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1"
                        + "}".repeat(depth));
                b.body(write(valid)).mutation("body/deep-nesting", depth + " nested " + (arrays ? "arrays" : "objects")
                        + " at " + slot.path);
            }
            case 3 -> {
                String[] nasty = nastyStrings();
                int i = r.nextInt(nasty.length);
                slot.raw(nasty[i]);
                b.body(write(valid)).mutation("body/nasty-string", nasty[i] + " at " + slot.path);
            }
            case 4 -> {
                slot.remove();
                b.body(write(valid)).mutation("body/missing-field", slot.path + " left out");
            }
            case 5 -> {
                slot.set(NODES.nullNode());
                b.body(write(valid)).mutation("body/null", "null at " + slot.path);
            }
            case 6 -> {
                String description = extraFields(valid, r);
                b.body(write(valid)).mutation("body/extra-field", description);
            }
            case 7, 8 -> malformed(write(valid), b, r);
            case 9 -> {
                String[] other = {"null", "[]", "\"text\"", "42", "true", "[" + new String(write(valid),
                        StandardCharsets.UTF_8) + "]", "{}"};
                String body = other[r.nextInt(other.length)];
                b.body(body.getBytes(StandardCharsets.UTF_8)).mutation("body/not-an-object", abbreviate(body, 40));
            }
            case 10 -> {
                int size = pick(r, List.of(64 * KIB, MIB, 2 * MIB));
                byte[] head = write(valid);
                byte[] body = Arrays.copyOf(head, head.length + size);
                Arrays.fill(body, head.length - 1, body.length - 1, (byte) ' ');
                body[body.length - 1] = '}';
                b.body(body).mutation("body/huge-body", size / KIB + " KiB of whitespace inside a valid object");
            }
            default -> {
                boolean bomb = r.nextBoolean();
                b.header("Content-Encoding", "gzip").body(bomb ? gzipBomb() : gzip(write(valid)))
                        .mutation("body/compressed", bomb ? "gzip of 16 MiB of spaces (Content-Encoding: gzip)"
                                : "gzip of the valid body (Content-Encoding: gzip)");
            }
        }
    }

    private void malformed(byte[] valid, Builder b, SplittableRandom r) {
        String text = new String(valid, StandardCharsets.UTF_8);
        int at = valid.length == 0 ? 0 : r.nextInt(valid.length);
        String[] names = {"truncated", "trailing garbage", "single quotes", "unquoted keys", "comments", "NaN",
                "byte order mark", "invalid UTF-8", "a flipped byte", "empty", "whitespace only", "two documents",
                "NUL bytes", "duplicate keys", "trailing comma", "lone surrogate"};
        int kind = r.nextInt(names.length);
        byte[] body = switch (kind) {
            case 0 -> Arrays.copyOf(valid, at);
            case 1 -> concat(valid, "}}]]\",".getBytes(StandardCharsets.UTF_8));
            case 2 -> text.replace('"', '\'').getBytes(StandardCharsets.UTF_8);
            case 3 -> text.replaceAll("\"([A-Za-z]+)\":", "$1:").getBytes(StandardCharsets.UTF_8);
            case 4 -> ("/* c */" + text + "// end").getBytes(StandardCharsets.UTF_8);
            case 5 -> text.replaceFirst(":\"[^\"]*\"", ":NaN").getBytes(StandardCharsets.UTF_8);
            case 6 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, valid);
            case 7 -> splice(valid, Math.max(0, text.indexOf(":\"") + 2), new byte[] {(byte) 0xC3, 0x28,
                    (byte) 0xFF, (byte) 0xC0, (byte) 0xAF});
            case 8 -> {
                byte[] copy = valid.clone();
                if (copy.length > 0) {
                    copy[at] ^= (byte) (1 << r.nextInt(8));
                }
                yield copy;
            }
            case 9 -> new byte[0];
            case 10 -> " \r\n\t ".getBytes(StandardCharsets.UTF_8);
            case 11 -> concat(valid, valid);
            case 12 -> splice(valid, at, new byte[] {0, 0, 0});
            case 13 -> text.replaceFirst("\\{", "{\"email\":\"a@b.c\",\"contract\":1,").replace(",}", "}")
                    .getBytes(StandardCharsets.UTF_8);
            case 14 -> text.replaceFirst("}$", ",}").replaceFirst("]", ",]").getBytes(StandardCharsets.UTF_8);
            default -> text.replaceFirst(":\"[^\"]*\"", ":\"\\\\ud800\"").getBytes(StandardCharsets.UTF_8);
        };
        b.body(body).mutation("body/malformed-json", names[kind]);
    }

    private String extraFields(JsonNode valid, SplittableRandom r) {
        if (!(valid instanceof ObjectNode object)) {
            return "none: the body is no object";
        }
        switch (r.nextInt(4)) {
            case 0 -> {
                object.put("unknownField", "x");
                return "an unknown field";
            }
            case 1 -> {
                object.put("id", new UUID(r.nextLong(), r.nextLong()).toString());
                object.put("state", "done");
                object.put("secret", "chosen-by-the-client");
                return "id, state and secret set by the client";
            }
            case 2 -> {
                object.set("__proto__", NODES.objectNode().put("admin", true));
                return "a __proto__ object";
            }
            default -> {
                for (int i = 0; i < 5000; i++) {
                    object.put("f" + i, i);
                }
                return "5000 unknown fields";
            }
        }
    }

    private void binaryBody(Operation op, Builder b, SplittableRandom r) {
        byte[] backup = fx.backup();
        boolean scriptsRoute = op.path().endsWith("/scripts");
        switch (r.nextInt(scriptsRoute ? 7 : 6)) {
            case 0 -> b.body(new byte[0]).mutation("body/empty", "no bytes");
            case 1 -> {
                int size = pick(r, List.of(1, 100, 64 * KIB, MIB));
                b.body(bytes(r, size)).mutation("body/random-bytes", size + " random bytes");
            }
            case 2 -> {
                int length = backup.length == 0 ? 0 : r.nextInt(backup.length);
                b.body(Arrays.copyOf(backup, length)).mutation("body/truncated-backup", "the backup cut at byte "
                        + length + " of " + backup.length);
            }
            case 3 -> {
                byte[] copy = backup.clone();
                int flips = 1 + r.nextInt(8);
                for (int i = 0; i < flips && copy.length > 0; i++) {
                    copy[r.nextInt(copy.length)] ^= (byte) (1 + r.nextInt(255));
                }
                b.body(copy).mutation("body/corrupted-backup", flips + " bytes of the backup changed");
            }
            case 4 -> oddZip(b, r);
            case 5 -> b.body("{\"backup\":\"x\"}".getBytes(StandardCharsets.UTF_8))
                    .mutation("body/json-as-zip", "a JSON object where a zip goes");
            default -> oddScripts(b, r);
        }
    }

    private static final String[] ODD_ZIPS = {"an entry escaping the archive", "an absolute path",
        "a manifest that is no JSON", "a manifest of version 99.0", "a dump without manifest", "2000 empty entries",
        "an entry name of 1000 characters", "a zip inside the zip"};
    private static final String[] ODD_SCRIPTS = {"COMMIT in a script", "a script outside the layout",
        "a script outside the hops", "a psql meta-command", "500 scripts", "a 1 MiB script",
        "a path escaping the archive", "a script that is not UTF-8"};

    private void oddZip(Builder b, SplittableRandom r) {
        int kind = r.nextInt(ODD_ZIPS.length);
        b.body(made.computeIfAbsent("zip " + kind, k -> zip(oddZip(kind)))).mutation("body/odd-zip", ODD_ZIPS[kind]);
    }

    private static Map<String, byte[]> oddZip(int kind) {
        byte[] manifest = "{\"juniper_dump\":\"1\",\"db_name\":\"fuzz\",\"version\":\"14.0\",\"modules\":{\"base\":\"14.0.1.3\"}}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] dump = "CREATE TABLE res_partner (id integer);\n".getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> entries = new HashMap<>();
        switch (kind) {
            case 0 -> entries.putAll(Map.of("manifest.json", manifest, "dump.sql", dump, "../../escape.sql", dump));
            case 1 -> entries.putAll(Map.of("manifest.json", manifest, "dump.sql", dump, "/etc/cron.d/x", dump));
            case 2 -> entries.putAll(Map.of("manifest.json", "{not json".getBytes(StandardCharsets.UTF_8), "dump.sql",
                    dump));
            case 3 -> entries.putAll(Map.of("manifest.json", new String(manifest, StandardCharsets.UTF_8)
                    .replace("14.0", "99.0").getBytes(StandardCharsets.UTF_8), "dump.sql", dump));
            case 4 -> entries.put("dump.sql", dump);
            case 5 -> {
                entries.put("manifest.json", manifest);
                for (int i = 0; i < 2000; i++) {
                    entries.put("filestore/" + i, new byte[0]);
                }
            }
            case 6 -> entries.putAll(Map.of("manifest.json", manifest, "a".repeat(1000), dump));
            default -> entries.putAll(Map.of("manifest.json", manifest, "dump.sql", zip(Map.of("dump.sql", dump))));
        }
        return entries;
    }

    private void oddScripts(Builder b, SplittableRandom r) {
        int kind = r.nextInt(ODD_SCRIPTS.length);
        b.body(made.computeIfAbsent("scripts " + kind, k -> zip(oddScripts(kind))))
                .mutation("body/scripts-zip", ODD_SCRIPTS[kind]);
    }

    private static Map<String, byte[]> oddScripts(int kind) {
        byte[] select = "SELECT 1;\n".getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> entries = new HashMap<>();
        switch (kind) {
            case 0 -> entries.put("16.0/fuzz_module/post-10-commit.sql", "UPDATE res_partner SET name = name;\nCOMMIT;\n"
                    .getBytes(StandardCharsets.UTF_8));
            case 1 -> entries.put("fuzz_module/post.sql", select);
            case 2 -> entries.put("99.0/fuzz_module/post-10-x.sql", select);
            case 3 -> entries.put("16.0/fuzz_module/pre-10-x.sql", "\\! id\n".getBytes(StandardCharsets.UTF_8));
            case 4 -> {
                for (int i = 0; i < 500; i++) {
                    entries.put(String.format(Locale.ROOT, "16.0/fuzz_module/post-%02d-s%d.sql", i % 100, i), select);
                }
            }
            case 5 -> entries.put("16.0/fuzz_module/post-10-big.sql", ("SELECT '" + "x".repeat(MIB) + "';\n")
                    .getBytes(StandardCharsets.UTF_8));
            case 6 -> entries.put("../16.0/fuzz_module/post-10-x.sql", select);
            default -> entries.put("16.0/fuzz_module/post-10-x.sql", new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1});
        }
        return entries;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Headers, credentials, ids, queries, methods, routes
    // ---------------------------------------------------------------------------------------------------------------

    private void header(Operation op, Builder b, SplittableRandom r) {
        switch (r.nextInt(11)) {
            case 0 -> {
                String[] types = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data", "multipart/form-data; boundary=x", "application/json; charset=utf-16",
                        "application/json; charset=nope", "application/json;;;", "application/zip",
                        "application/json", "application/offset+octet-stream", "*/*", "garbage", "application/", "/",
                        "application/json, text/plain", "APPLICATION/JSON", "application/" + "x".repeat(2000), ""};
                replace(b, "Content-Type", types, r, "header/content-type");
            }
            case 1 -> {
                b.without("Content-Type");
                b.mutation("header/content-type", "no Content-Type");
            }
            case 2 -> replace(b, "Accept", new String[] {"application/xml", "text/html", "image/png",
                "application/json;q=0", "garbage/", "", "text/event-stream", "*/*;q=x"}, r, "header/accept");
            case 3 -> {
                String[] hosts = {"", "evil.example", "evil.example:80", "127.0.0.1:1", "$(touch /tmp/fuzz)",
                        "a\"; echo fuzz; \"", "`id`.example", "h".repeat(4000), "[::1]:x", "ünïcödé.example",
                        "localhost:99999"};
                replace(b, "Host", hosts, r, "header/host");
            }
            case 4 -> {
                b.without("Host");
                b.mutation("header/host", "no Host");
            }
            case 5 -> {
                b.header("Host", "evil.example");
                b.mutation("header/host", "two Host headers");
            }
            case 6 -> {
                String name = r.nextBoolean() ? "Upload-Offset" : "Upload-Length";
                String[] values = {"-1", "abc", "9223372036854775808", "1.5", "", "0x10", " 7 ", "1e3",
                        Long.toString(fx.backup().length + 1L), "00000000000000000000000000000001", "0",
                        "1000000000000000", "9223372036854775807"};
                if (r.nextInt(4) == 0) {
                    b.header(name, values[r.nextInt(values.length)]);
                    b.mutation("header/upload", "two " + name + " headers");
                } else {
                    replace(b, name, values, r, "header/upload");
                }
            }
            case 7 -> replace(b, "Range", new String[] {"bytes=5-", "bytes=99999999999999999999-",
                "bytes=9223372036854775807-", "bytes=-5", "bytes=5-1", "bytes=0-0,5-", "items=0-", "bytes=abc-", "",
                "bytes=" + "9".repeat(1000) + "-", " bytes=0-", "bytes=1000000-"}, r, "header/range");
            case 8 -> replace(b, "Backup-Sha256", new String[] {"0".repeat(64), "xyz", "a".repeat(5000), "",
                "ZZ" + "0".repeat(62)}, r, "header/sha256");
            case 9 -> {
                String[][] pairs = {{"Expect", "100-continue"}, {"Expect", "garbage"}, {"Content-Encoding", "br"},
                        {"Content-Encoding", "x-unknown"}, {"X-Forwarded-Host", "evil.example"},
                        {"Forwarded", "host=evil.example;proto=javascript"}, {"X-Forwarded-Proto", "javascript"},
                        {"Cookie", "a=" + "b".repeat(3000)}, {"Origin", "null"}};
                String[] pair = pairs[r.nextInt(pairs.length)];
                b.header(pair[0], pair[1]);
                b.mutation("header/extra", pair[0] + ": " + abbreviate(pair[1], 40));
            }
            default -> {
                int size = pick(r, List.of(6 * KIB, 20 * KIB));
                b.header("X-Fuzz", "v".repeat(size));
                b.mutation("header/long", "a header of " + size / KIB + " KiB");
            }
        }
    }

    private void replace(Builder b, String name, String[] values, SplittableRandom r, String kind) {
        String value = values[r.nextInt(values.length)];
        b.without(name).header(name, value);
        b.mutation(kind, name + ": " + abbreviate(value, 40));
    }

    private void auth(Operation op, Base base, SplittableRandom r) {
        Fixtures.Request other = pick(r, fx.requests());
        String secret = base.owner.secret();
        String[][] variants = {
            {null, "no Authorization"},
            {"", "empty Authorization"},
            {"Bearer", "Bearer without a token"},
            {"Bearer ", "Bearer and a blank"},
            {"Bearer " + randomToken(r, 43), "an unknown token"},
            {"Basic ZnV6ejpmdXp6", "Basic credentials"},
            {"bearer " + secret, "the owner's secret, lower-case scheme"},
            {"Bearer   " + secret + "  ", "the owner's secret with blanks around"},
            {"Bearer " + other.secret(), "another request's secret (" + other.label() + ")"},
            {"Bearer " + fx.opsToken(), "the ops token"},
            {"Bearer " + secret, "a requester's secret"},
            {fx.branchCredential() == null ? null : "Bearer " + fx.branchCredential(), "the project's branch credential"},
            {"Bearer branch:x", "a branch credential without a secret"},
            {"Bearer branch:" + "b".repeat(200) + ":" + randomToken(r, 20), "an unknown branch"},
            {"Bearer " + "t".repeat(pick(r, List.of(1000, 7000, 20_000))), "a long token"},
            {"Bearer sécret✓", "a token with non-ASCII characters"},
            {"Bearer " + secret + "\u0001", "a token with a control character"},
            {"Bearer " + secret.toUpperCase(Locale.ROOT), "the owner's secret in upper case"},
        };
        String[] variant = variants[r.nextInt(variants.length)];
        base.builder.without("Authorization");
        if (variant[0] != null) {
            base.builder.header("Authorization", variant[0]);
        }
        if (r.nextInt(8) == 0) {
            base.builder.header("Authorization", "Bearer " + randomToken(r, 10));
            variant[1] += ", then a second Authorization";
        }
        base.builder.mutation("auth", variant[1]);
    }

    private void pathParam(Operation op, Base base, SplittableRandom r) {
        Param param = pick(r, op.params("path"));
        Fixtures.Request other = pick(r, fx.requests());
        String id = base.owner.id();
        String[] common = {"", "%20", "..", "%2e%2e", "%2F", "%", "%zz", "%00", "a".repeat(pick(r, List.of(100, 300,
                3000, 9000))), "%C3%A9%F0%9F%98%80", "'%20OR%201=1--", "null", "-1", "9999999999999999999999",
                "%252e%252e", "x;y=z", "a%0D%0AX-Injected:%201"};
        String[] ids = {other.id(), new UUID(r.nextLong(), r.nextLong()).toString(),
                "00000000-0000-0000-0000-000000000000", id.toUpperCase(Locale.ROOT), "not-a-uuid", "{" + id + "}",
                "urn:uuid:" + id, id.replace("-", ""), id + "0", "g" + id.substring(1), id.substring(0, 35),
                "ffffffff-ffff-ffff-ffff-ffffffffffff", "1-1-1-1-1"};
        String value;
        String description;
        if (param.format().equals("uuid") && r.nextInt(3) > 0) {
            value = ids[r.nextInt(ids.length)];
            description = value.equals(other.id()) ? "the id of another request (" + other.label() + ")" : value;
        } else {
            value = common[r.nextInt(common.length)];
            description = value;
        }
        base.pathValues.put(param.name(), value);
        base.target = base.target();
        base.builder = base.rebuild();
        base.builder.mutation("path/" + param.name(), "{" + param.name() + "} = " + abbreviate(description, 60));
    }

    private void query(Operation op, Base base, SplittableRandom r) {
        List<Param> params = op.params("query");
        String[][] generic = {{"unknown=1", "an unknown parameter"}, {"%zz=1", "a malformed escape"},
            {"a=%", "a cut escape"}, {"", "a lone question mark"}, {"x=" + "q".repeat(6000), "a 6000-character query"},
            {"token=" + base.owner.secret(), "the secret in the URL"}, {"a=1&a=2&a=3", "a repeated parameter"},
            {"%00=%00", "NUL bytes"}};
        String[] pair;
        if (!params.isEmpty() && r.nextBoolean()) {
            Param p = pick(r, params);
            String[] values = p.name().equals("olderThan")
                    ? new String[] {"garbage", "", "P-1D", "P9999999999999D", "PT1H", "P" + "9".repeat(400) + "D",
                        "-P30D"}
                    : new String[] {"xml", "", "JSON", "json%00", "html&" + p.name() + "=json", "%", "\u00e9",
                        "x".repeat(3000)};
            String value = values[r.nextInt(values.length)];
            pair = new String[] {p.name() + "=" + value, p.name() + "=" + abbreviate(value, 40)};
            base.query.removeIf(q -> q.startsWith(p.name() + "="));
        } else {
            pair = generic[r.nextInt(generic.length)];
        }
        base.query.add(pair[0]);
        base.target = base.path() + "?" + String.join("&", base.query);
        base.builder = base.rebuild();
        base.builder.mutation("query", pair[1]);
    }

    private void method(Operation op, Base base, SplittableRandom r) {
        List<String> defined = api.operations().stream().filter(o -> o.path().equals(op.path()))
                .map(Operation::method).toList();
        List<String> others = METHODS.stream().filter(m -> !defined.contains(m)).toList();
        base.method = others.isEmpty() ? "FOO" : pick(r, others);
        base.builder = base.rebuild();
        base.builder.mutation("method", base.method + " on a route that does not take it");
    }

    private void route(Operation op, Base base, SplittableRandom r) {
        String path = base.path();
        String[] paths = {path + "/nope", path + "/", "/api/v1/nope", "/api/v2/requests", "/ops/v1/nope",
            "/ops/v2/queue", "/ops/v1", "/api/v1", "/" + path, path.toUpperCase(Locale.ROOT),
            path.replace("/v1/", "/v1/./"), "/api/v1/../ops/v1/queue", path + ";jsessionid=x", path + "%00",
            path + "/..", "/api/v1/requests/%2e%2e/%2e%2e/ops/v1/queue", path.replace('/', '\\'),
            "/upgrade/../api/v1/requests"};
        base.target = paths[r.nextInt(paths.length)];
        // the route is the path asked for: no template of the document matches it
        base.builder = base.rebuild(Generator.abbreviate(base.target, 60));
        base.builder.mutation("route", "unknown route " + abbreviate(base.target, 60));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Framing: what an HTTP client library refuses to send
    // ---------------------------------------------------------------------------------------------------------------

    private Exchange framing(Operation op, SplittableRandom r) {
        Base base = base(op, r);
        Exchange valid = base.build();
        byte[] body = valid.body().length > 0 ? valid.body() : "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String target = valid.target();
        StringBuilder head = new StringBuilder();
        for (Exchange.Header h : valid.headers()) {
            if (!h.name().equals("Content-Length")) {
                head.append(h.name()).append(": ").append(h.value()).append("\r\n");
            }
        }
        String headers = head.toString();
        String line = op.method() + " " + target + " HTTP/1.1\r\n";
        int kind = r.nextInt(26);
        String detail;
        byte[] wire;
        boolean halfClose = false;
        switch (kind) {
            case 0 -> {
                detail = "Content-Length " + body.length / 2 + " for a body of " + body.length + " bytes";
                wire = ascii(line + headers + "Content-Length: " + body.length / 2 + "\r\n\r\n", body);
            }
            case 1 -> {
                int lie = body.length + 1 + r.nextInt(100_000);
                detail = "Content-Length " + lie + " for a body of " + body.length + " bytes, then end of input";
                wire = ascii(line + headers + "Content-Length: " + lie + "\r\n\r\n", body);
                halfClose = true;
            }
            case 2, 3 -> {
                String[] lies = {"abc", "-1", "+5", " 5", "5, 6", "99999999999999999999", "0x10", ""};
                String value = lies[r.nextInt(lies.length)];
                detail = "Content-Length: '" + value + "'";
                wire = ascii(line + headers + "Content-Length: " + value + "\r\n\r\n", body);
            }
            case 4 -> {
                detail = "two different Content-Length headers";
                wire = ascii(line + headers + "Content-Length: " + body.length + "\r\nContent-Length: "
                        + (body.length + 3) + "\r\n\r\n", body);
            }
            case 5 -> {
                detail = "a correctly chunked body";
                wire = ascii(line + headers + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length)
                        + "\r\n", concat(body, ascii("\r\n0\r\n\r\n")));
            }
            case 6 -> {
                String size = pick(r, List.of("zz", "ffffffffffffffffffff", "-1", "5;" + "e".repeat(5000)));
                detail = "a chunk size of '" + abbreviate(size, 20) + "'";
                wire = ascii(line + headers + "Transfer-Encoding: chunked\r\n\r\n" + size + "\r\n",
                        concat(body, ascii("\r\n0\r\n\r\n")));
            }
            case 7 -> {
                detail = "a chunked body without its last chunk, then end of input";
                wire = ascii(line + headers + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length)
                        + "\r\n", body);
                halfClose = true;
            }
            case 8 -> {
                detail = "both Transfer-Encoding: chunked and Content-Length";
                wire = ascii(line + headers + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(body.length) + "\r\n", concat(body, ascii("\r\n0\r\n\r\n")));
            }
            case 9 -> {
                String te = pick(r, List.of("gzip, chunked", "chunked, gzip", "identity", "xchunked", "chunked\t"));
                detail = "Transfer-Encoding: '" + te + "'";
                wire = ascii(line + headers + "Transfer-Encoding: " + te + "\r\nContent-Length: " + body.length
                        + "\r\n\r\n", body);
            }
            case 10 -> {
                detail = "HTTP/1.0 without Host";
                wire = ascii(op.method() + " " + target + " HTTP/1.0\r\n" + headers.replaceAll("(?m)^Host: .*\r\n", "")
                        + "\r\n");
            }
            case 11 -> {
                String version = pick(r, List.of("HTTP/2.0", "HTTP/9.9", "HTTP/1.1 extra", "HTTP/1", "http/1.1"));
                detail = "protocol '" + version + "'";
                wire = ascii(op.method() + " " + target + " " + version + "\r\n" + headers + "\r\n");
            }
            case 12 -> {
                detail = "a request line without a version";
                wire = ascii(op.method() + " " + target + "\r\n\r\n");
            }
            case 13 -> {
                detail = "line ends without carriage returns";
                wire = ascii((op.method() + " " + target + " HTTP/1.1\r\n" + headers + "\r\n").replace("\r\n", "\n"));
            }
            case 14 -> {
                detail = "tabs and double blanks in the request line";
                wire = ascii(op.method() + "\t" + target + "  HTTP/1.1\r\n" + headers + "\r\n");
            }
            case 15 -> {
                int size = pick(r, List.of(10 * KIB, 70 * KIB));
                detail = "a path of " + size / KIB + " KiB";
                wire = ascii(op.method() + " " + target + "/" + "p".repeat(size) + " HTTP/1.1\r\n" + headers + "\r\n");
            }
            case 16 -> {
                String form = pick(r, List.of("http://evil.example" + target, "*", target.substring(1),
                        "http://" + fx.authority() + target));
                detail = "request target '" + abbreviate(form, 50) + "'";
                wire = ascii(op.method() + " " + form + " HTTP/1.1\r\n" + headers + "\r\n");
            }
            case 17 -> {
                int size = pick(r, List.of(20 * KIB, 100 * KIB));
                detail = "one header of " + size / KIB + " KiB";
                wire = ascii(op.method() + " " + target + " HTTP/1.1\r\n" + headers + "X-Big: " + "b".repeat(size)
                        + "\r\n\r\n");
            }
            case 18 -> {
                detail = "500 headers";
                StringBuilder many = new StringBuilder();
                for (int i = 0; i < 500; i++) {
                    many.append("X-H").append(i).append(": ").append(i).append("\r\n");
                }
                wire = ascii(op.method() + " " + target + " HTTP/1.1\r\n" + headers + many + "\r\n");
            }
            case 19 -> {
                String bad = pick(r, List.of("Bad Header: x", ": no name", "NoColon", " folded: continuation",
                        "X-Nul: a\u0000b", "X-Ctl: a\u0007b"));
                detail = "header line '" + bad.replace("\u0000", "\\0").replace("\u0007", "\\a") + "'";
                wire = ascii(op.method() + " " + target + " HTTP/1.1\r\n" + headers + bad + "\r\n\r\n");
            }
            case 20 -> {
                detail = "header value with bytes that are not ASCII";
                wire = concat(ascii(op.method() + " " + target + " HTTP/1.1\r\n" + headers + "X-Bin: "),
                        new byte[] {(byte) 0xFF, (byte) 0xC3, 0x28, (byte) 0x80, '\r', '\n', '\r', '\n'});
            }
            case 21 -> {
                String method = pick(r, List.of("M".repeat(10_000), "G\u00c9T", "GET\u0000", "CONNECT"));
                detail = "method '" + abbreviate(method.replace("\u0000", "\\0"), 20) + "'";
                wire = ascii(method + " " + target + " HTTP/1.1\r\n" + headers + "\r\n");
            }
            case 22 -> {
                detail = "a request cut inside its headers, then end of input";
                String whole = op.method() + " " + target + " HTTP/1.1\r\n" + headers;
                wire = ascii(whole.substring(0, Math.max(1, r.nextInt(whole.length()))));
                halfClose = true;
            }
            case 23 -> {
                detail = "a request line of raw garbage";
                wire = bytes(r, 200);
                wire[wire.length - 1] = '\n';
            }
            case 24 -> {
                detail = "an upgrade to h2c";
                wire = ascii(op.method() + " " + target + " HTTP/1.1\r\n" + headers
                        + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n");
            }
            default -> {
                detail = "an upgrade to websocket";
                wire = ascii(op.method() + " " + target + " HTTP/1.1\r\n" + headers + "Connection: Upgrade\r\n"
                        + "Upgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Version: 13\r\n\r\n");
            }
        }
        return Exchange.raw(op.method(), op.path(), target, wire, halfClose, "framing", detail);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Resumable upload pieces and uploads racing each other, on a request made for the case
    // ---------------------------------------------------------------------------------------------------------------

    private FuzzCase parallel(int index, SplittableRandom r) {
        byte[] backup = fx.backup();
        String email = "fuzz-" + fx.tag() + "-" + index + "@fuzz.example";
        Builder fresh = request(create, "");
        fresh.header("Content-Type", "application/json").body(write(NODES.objectNode().put("contract", fx.contract())
                .put("email", email).put("database", "fuzz_" + index).put("targetVersion", "17.0")
                .put("purpose", "test"))).mutation("parallel/setup", "a request made for the case");
        List<List<Exchange>> waves = new ArrayList<>();
        waves.add(List.of(fresh.build()));
        List<Exchange> wave = new ArrayList<>();
        int pieces = 2 + r.nextInt(3);
        int variant = r.nextInt(100);
        if (variant < 25) {
            String detail = pieces + " whole-backup pieces at offset 0 at once";
            for (int i = 0; i < pieces; i++) {
                wave.add(piece(0, backup.length, backup, "parallel/same-piece", detail));
            }
        } else if (variant < 45) {
            String detail = "the backup in " + pieces + " pieces, all at once";
            int size = (backup.length + pieces - 1) / pieces;
            for (int i = 0; i < pieces; i++) {
                int from = Math.min(backup.length, i * size);
                int to = Math.min(backup.length, from + size);
                wave.add(piece(from, backup.length, Arrays.copyOfRange(backup, from, to), "parallel/split", detail));
            }
        } else if (variant < 58) {
            String detail = pieces + " pieces at offset 0 announcing different lengths";
            for (int i = 0; i < pieces; i++) {
                wave.add(piece(0, backup.length + i * 1000L, backup, "parallel/lengths", detail));
            }
        } else if (variant < 70) {
            String detail = "PUT, PATCH and HEAD of the backup at once";
            wave.add(upload(putBackup, backup, "parallel/put-patch", detail));
            wave.add(piece(0, backup.length, backup, "parallel/put-patch", detail));
            wave.add(request(headBackup, "").mutation("parallel/put-patch", detail).build());
        } else if (variant < 80) {
            String detail = pieces + " PUTs of the backup at once, one of them corrupted";
            for (int i = 0; i < pieces; i++) {
                byte[] body = i == 0 ? Arrays.copyOf(backup, backup.length / 2) : backup;
                wave.add(upload(putBackup, body, "parallel/puts", detail));
            }
        } else if (variant < 88) {
            String detail = "scripts, backup PUT and a backup piece at once";
            wave.add(request(putScripts, "application/zip").body(scripts).mutation("parallel/scripts", detail)
                    .build());
            wave.add(upload(putBackup, backup, "parallel/scripts", detail));
            wave.add(piece(0, backup.length, backup, "parallel/scripts", detail));
        } else if (variant < 99) {
            String detail = "a backup PUT and a cancel at once";
            wave.add(upload(putBackup, backup, "parallel/cancel", detail));
            wave.add(request(cancel, "").mutation("parallel/cancel", detail).build());
        } else {
            // rare: a start that wins the race queues a real upgrade run on the platform's workers
            String detail = "a corrupted backup PUT racing start, after a good backup";
            waves.add(List.of(request(putBackup, "application/zip").body(backup)
                    .mutation("parallel/setup", "a good backup first").build()));
            wave.add(upload(putBackup, Arrays.copyOf(backup, backup.length / 2), "parallel/start", detail));
            wave.add(request(start, "").mutation("parallel/start", detail).build());
            wave.add(request(headBackup, "").mutation("parallel/start", detail).build());
        }
        waves.add(List.copyOf(wave));
        return new FuzzCase(index, true, List.copyOf(waves));
    }

    private Builder request(Operation op, String contentType) {
        Builder b = new Builder(op.method(), op.path().replace("{id}", Exchange.FRESH_ID), op.path());
        b.header("Host", fx.authority());
        if (op != create) {
            b.header("Authorization", "Bearer " + Exchange.FRESH_SECRET);
        }
        if (!contentType.isEmpty()) {
            b.header("Content-Type", contentType);
        }
        return b;
    }

    private Exchange piece(long offset, long length, byte[] body, String kind, String detail) {
        return request(patchBackup, "application/offset+octet-stream").header("Upload-Offset", Long.toString(offset))
                .header("Upload-Length", Long.toString(length)).body(body).mutation(kind, detail).build();
    }

    private Exchange upload(Operation op, byte[] body, String kind, String detail) {
        return request(op, "application/zip").body(body).mutation(kind, detail).build();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Values
    // ---------------------------------------------------------------------------------------------------------------

    /** A place in a JSON body where a value can be replaced or removed. */
    private static final class Slot {
        final JsonNode parent;
        final String field;
        final int index;
        final String path;

        Slot(JsonNode parent, String field, int index, String path) {
            this.parent = parent;
            this.field = field;
            this.index = index;
            this.path = path;
        }

        JsonNode value() {
            return parent instanceof ObjectNode object ? object.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void raw(String text) {
            set(NODES.rawValueNode(new RawValue(text)));
        }

        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static void slots(JsonNode node, String path, List<Slot> into) {
        if (node instanceof ObjectNode object) {
            Iterator<String> names = object.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                into.add(new Slot(object, name, -1, path + "." + name));
                slots(object.get(name), path + "." + name, into);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                into.add(new Slot(array, null, i, path + "[" + i + "]"));
                slots(array.get(i), path + "[" + i + "]", into);
            }
        }
    }

    /**
     * A long string. The pattern-shaped one ("a@b.b.b. ... ") is what makes a backtracking e-mail pattern take
     * quadratic time; at 24 KiB an unfixed server spends seconds on it, not the hours a megabyte would cost.
     */
    private static String huge(SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0 -> "A".repeat(pick(r, List.of(300, 4 * KIB, 64 * KIB, MIB)));
            case 1 -> "é漢😀".repeat(pick(r, List.of(100, 2 * KIB, 20 * KIB)));
            case 2 -> "9".repeat(pick(r, List.of(300, 4 * KIB, 64 * KIB)));
            case 3, 4 -> "a@" + "b.".repeat(pick(r, List.of(4 * KIB, 24 * KIB)) / 2) + " ";
            default -> ("x".repeat(pick(r, List.of(255, 256, 320, 1000)))) + "@fuzz.example";
        };
    }

    private static String describe(String huge) {
        return "a string of " + huge.length() + " chars ('" + abbreviate(huge, 12) + "')";
    }

    /** JSON texts of strings a naive server mishandles: controls, bidi, emoji, injections, a lone surrogate. */
    private static String[] nastyStrings() {
        return new String[] {"\"\\u0000\"", "\"a\\u0000b\"", "\"\\u202eevil\"", "\"😀\"", "\"e\\u0301\"",
            "\"\\ufeff\"", "\"\\u200b\"", "\"１７.０\"", "\"İ\"", "\"\\ud800\"", "\"\\\\\"", "\"\\u0007\\u001b[31m\"",
            "\"\\r\\nInjected: header\"", "\"'; DROP TABLE upgrade_request; --\"", "\"${jndi:ldap://fuzz/x}\"",
            "\"../../etc/passwd\"", "\"<script>alert(1)</script>\"", "\"%s%n%x\"", "\"..\"", "\"-x\"", "\" \""};
    }

    private static String randomToken(SplittableRandom r, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return token.toString();
    }

    private static byte[] bytes(SplittableRandom r, int size) {
        byte[] bytes = new byte[size];
        r.nextBytes(bytes);
        return bytes;
    }

    private static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    static String abbreviate(String text, int max) {
        String flat = text.replace("\r", "\\r").replace("\n", "\\n");
        return flat.length() <= max ? flat : flat.substring(0, max) + "…(" + text.length() + ")";
    }

    private byte[] write(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the generator wrote a JSON value it cannot serialize", e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String text, byte[] tail) {
        return concat(ascii(text), tail);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] splice(byte[] into, int at, byte[] insert) {
        byte[] out = new byte[into.length + insert.length];
        System.arraycopy(into, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(into, at, out, at + insert.length, into.length - at);
        return out;
    }

    static byte[] zip(Map<String, byte[]> entries) {
        return collect(out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> entry : new TreeMap<>(entries).entrySet()) {
                    ZipEntry e = new ZipEntry(entry.getKey());
                    e.setTime(0);
                    zip.putNextEntry(e);
                    zip.write(entry.getValue());
                    zip.closeEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static byte[] gzip(byte[] data) {
        return collect(out -> {
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private byte[] gzipBomb() {
        return made.computeIfAbsent("gzip bomb", k -> {
            byte[] spaces = new byte[16 * MIB];
            Arrays.fill(spaces, (byte) ' ');
            spaces[0] = '{';
            spaces[spaces.length - 1] = '}';
            return gzip(spaces);
        });
    }

    private static byte[] collect(Consumer<ByteArrayOutputStream> writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.accept(out);
        return out.toByteArray();
    }
}
