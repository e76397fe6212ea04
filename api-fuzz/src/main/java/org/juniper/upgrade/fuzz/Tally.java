package org.juniper.upgrade.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Counts the answers and keeps, per kind of fault, one example of every route, status and mutation kind that showed
 * it. The three faults: a 5xx; a 4xx or 5xx without the refusal body {@code {"failures":[{reason, message,
 * expected}]}} (answers to HEAD carry no body by definition and are not counted); an answer slower than
 * {@link #SLOW_MILLIS}, or none within the timeout. Connections closed without an answer are counted apart: after a
 * request that lied about its own length, closing is a fair answer.
 */
final class Tally {
    static final long SLOW_MILLIS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One example of a fault and how often its route, status and mutation kind showed it. */
    static final class Group {
        final String method;
        final String route;
        final String path;
        final String kind;
        final String detail;
        final int status;
        final String error;
        final long millis;
        final int caseNumber;
        long count;
        long slowestMillis;

        Group(int caseNumber, Exchange exchange, String path, RawHttp.Answer answer) {
            this.caseNumber = caseNumber;
            this.method = exchange.method();
            this.route = exchange.route();
            this.path = Generator.abbreviate(path, 100);
            this.kind = exchange.kind();
            this.detail = exchange.detail();
            this.status = answer.status();
            this.error = answer.error();
            this.millis = answer.nanos() / 1_000_000;
        }
    }

    private final Map<String, Long> statuses = new TreeMap<>();
    private final Map<String, Map<String, Group>> faults = new LinkedHashMap<>();
    private long requests;

    Tally() {
        for (String fault : List.of("serverErrors", "bareRefusals", "slow", "noAnswer")) {
            faults.put(fault, new LinkedHashMap<>());
        }
    }

    synchronized void record(int caseNumber, Exchange exchange, String path, RawHttp.Answer answer) {
        requests++;
        int status = answer.status();
        statuses.merge(status == 0 ? "none" : Integer.toString(status), 1L, Long::sum);
        boolean timedOut = status == 0 && answer.error() != null && answer.error().startsWith("no complete answer");
        if (status >= 500) {
            add("serverErrors", caseNumber, exchange, path, answer);
        }
        if (status >= 400 && !exchange.method().equals("HEAD") && !isRefusal(answer.body())) {
            add("bareRefusals", caseNumber, exchange, path, answer);
        }
        if (answer.nanos() / 1_000_000 > SLOW_MILLIS || timedOut) {
            add("slow", caseNumber, exchange, path, answer);
        }
        if (status == 0 && !timedOut) {
            add("noAnswer", caseNumber, exchange, path, answer);
        }
    }

    private void add(String fault, int caseNumber, Exchange exchange, String path, RawHttp.Answer answer) {
        String key = exchange.method() + " " + exchange.route() + " " + answer.status() + " " + exchange.kind()
                + (answer.status() == 0 ? " " + answer.error() : "");
        Group group = faults.get(fault).computeIfAbsent(key, k -> new Group(caseNumber, exchange, path, answer));
        group.count++;
        group.slowestMillis = Math.max(group.slowestMillis, answer.nanos() / 1_000_000);
    }

    static boolean isRefusal(byte[] body) {
        try {
            JsonNode failures = JSON.readTree(body).path("failures");
            if (!failures.isArray() || failures.isEmpty()) {
                return false;
            }
            for (JsonNode failure : failures) {
                if (!failure.path("reason").isTextual() || !failure.path("message").isTextual()
                        || !failure.path("expected").isTextual()) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    synchronized long requests() {
        return requests;
    }

    synchronized long count(String fault) {
        return faults.get(fault).values().stream().mapToLong(g -> g.count).sum();
    }

    boolean clean() {
        return count("serverErrors") == 0 && count("bareRefusals") == 0 && count("slow") == 0;
    }

    synchronized void print(PrintStream out, String heading, int samplesPerFault) {
        out.println();
        out.println(heading);
        out.printf("%-44s %10d%n", "requests", requests);
        out.printf("%-44s %10s%n", "answers by status", statuses.toString().replaceAll("[{}]", ""));
        out.printf("%-44s %10d   (goal 0)%n", "5xx answers", count("serverErrors"));
        out.printf("%-44s %10d   (goal 0)%n", "4xx/5xx without {failures:[...]}", count("bareRefusals"));
        out.printf("%-44s %10d   (goal 0)%n", "answers slower than 1 s, or none in time", count("slow"));
        out.printf("%-44s %10d%n", "connections closed without an answer", count("noAnswer"));
        String[][] titles = {{"serverErrors", "5xx answers"}, {"bareRefusals", "4xx/5xx without the refusal body"},
            {"slow", "answers slower than 1 s"}, {"noAnswer", "closed without an answer (not a fault by itself)"}};
        for (String[] title : titles) {
            List<Group> groups = sorted(title[0]);
            if (groups.isEmpty()) {
                continue;
            }
            out.printf("%n%s: %d%n", title[1], count(title[0]));
            out.printf("  by status: %s%n", String.join(", ", totals(title[0], g -> g.status == 0 ? "none"
                    : Integer.toString(g.status)).entrySet().stream().limit(12).map(e -> e.getKey() + " " + e.getValue())
                    .toList()));
            out.printf("  by route:%n");
            totals(title[0], g -> g.method + " " + g.route + " " + (g.status == 0 ? "-" : g.status)).entrySet()
                    .stream().limit(samplesPerFault).forEach(e -> out.printf("%7d  %s%n", e.getValue(), e.getKey()));
            out.printf("  examples, one per method, route, status and mutation (%d groups; count, example, time):%n",
                    groups.size());
            for (Group g : groups.subList(0, Math.min(samplesPerFault, groups.size()))) {
                out.printf("%7d  %-6s %-40s %4s  %-22s %s%n%7s  %s  (%d ms, slowest %d ms; case %d)%n", g.count,
                        g.method, g.route, g.status == 0 ? "-" : Integer.toString(g.status), g.kind,
                        Generator.abbreviate(g.detail, 70) + (g.error == null || g.error.equals("stream") ? ""
                                : " [" + g.error + "]"), "", g.path, g.millis, g.slowestMillis, g.caseNumber);
            }
            if (groups.size() > samplesPerFault) {
                out.printf("%7s  … %d more groups in the JSON summary%n", "", groups.size() - samplesPerFault);
            }
        }
    }

    /** The fault's count per key, largest first. */
    private Map<String, Long> totals(String fault, Function<Group, String> key) {
        Map<String, Long> totals = new TreeMap<>();
        faults.get(fault).values().forEach(g -> totals.merge(key.apply(g), g.count, Long::sum));
        Map<String, Long> sorted = new LinkedHashMap<>();
        totals.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private List<Group> sorted(String fault) {
        List<Group> groups = new ArrayList<>(faults.get(fault).values());
        groups.sort(Comparator.comparingLong((Group g) -> -g.count).thenComparing(g -> g.route)
                .thenComparing(g -> g.method));
        return groups;
    }

    synchronized void writeJson(Path file, Map<String, Object> run) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        run.forEach((name, value) -> root.set(name, JSON.valueToTree(value)));
        root.put("requests", requests);
        ObjectNode byStatus = root.putObject("statuses");
        statuses.forEach(byStatus::put);
        root.put("serverErrors", count("serverErrors"));
        root.put("bareRefusals", count("bareRefusals"));
        root.put("slow", count("slow"));
        root.put("noAnswer", count("noAnswer"));
        root.put("clean", clean());
        ObjectNode totals = root.putObject("byStatus");
        for (String fault : faults.keySet()) {
            ObjectNode perStatus = totals.putObject(fault);
            totals(fault, g -> Integer.toString(g.status)).forEach(perStatus::put);
        }
        ObjectNode routes = root.putObject("byRoute");
        for (String fault : faults.keySet()) {
            ObjectNode perRoute = routes.putObject(fault);
            totals(fault, g -> g.method + " " + g.route + " " + g.status).forEach(perRoute::put);
        }
        ObjectNode samples = root.putObject("samples");
        for (String fault : faults.keySet()) {
            ArrayNode list = samples.putArray(fault);
            for (Group g : sorted(fault)) {
                ObjectNode sample = list.addObject();
                sample.put("count", g.count);
                sample.put("case", g.caseNumber);
                sample.put("method", g.method);
                sample.put("route", g.route);
                sample.put("path", g.path);
                sample.put("mutation", g.kind);
                sample.put("detail", g.detail);
                sample.put("status", g.status);
                if (g.error != null) {
                    sample.put("error", g.error);
                }
                sample.put("millis", g.millis);
                sample.put("slowestMillis", g.slowestMillis);
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root));
    }
}
