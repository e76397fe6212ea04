package org.juniper.upgrade.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code java -jar api-fuzz.jar --backup sample.zip [--base-url URL] [--ops-token T] [--seed N] [--count N]
 * [--connections N] [--out summary.json] [--case N]}: hostile requests generated from intake's OpenAPI document against a
 * running intake. Exits 0 only when no answer was a 5xx, every 4xx and 5xx carried the refusal body, and none took
 * longer than a second.
 */
public final class ApiFuzzCommand {
    static final int CLEAN = 0;
    static final int FAULTS = 1;
    static final int USAGE = 2;
    static final int NO_SETUP = 3;

    private static final String HELP = """
            usage: java -jar api-fuzz.jar --backup FILE.zip [--base-url http://127.0.0.1:15401]
                                          [--ops-token local-ops-token] [--seed 1] [--count 20000]
                                          [--connections 4] [--timeout-ms 10000] [--out summary.json]
                                          [--case N]
              --backup       a small valid backup (juniper-sample.jar --scale 0.0001): the fixtures' uploads and
                             the pieces sent in parallel
              --base-url     the running intake; its OpenAPI document is read from /q/openapi?format=json
              --ops-token    the operations token: the fixtures' contract is registered with it
              --seed         the same seed, document and fixtures give the same requests
              --count        requests to send (at least; a case of parallel pieces is sent whole)
              --connections  cases sent at once; parallel pieces open their own connections besides
              --timeout-ms   no answer by then counts as slow and closes the connection
              --out          where to write the summary as JSON
              --case         send case N alone (each sample names its case), against new fixtures
            exit codes: 0 no fault, 1 faults found, 2 usage, 3 the platform could not be prepared
            """;

    private ApiFuzzCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--base-url", "http://127.0.0.1:15401",
                "--ops-token", "local-ops-token", "--seed", "1", "--count", "20000", "--connections", "4",
                "--timeout-ms", "10000"));
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                out.print(HELP);
                return CLEAN;
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                err.print("api-fuzz: " + args[i] + (args[i].startsWith("--") ? " needs a value" : ": unexpected")
                        + "\n" + HELP);
                return USAGE;
            }
            options.put(args[i], args[++i]);
        }
        long seed;
        int count;
        int connections;
        int timeout;
        URI base;
        try {
            seed = Long.parseLong(options.get("--seed"));
            count = Integer.parseInt(options.get("--count"));
            connections = Integer.parseInt(options.get("--connections"));
            timeout = Integer.parseInt(options.get("--timeout-ms"));
            base = URI.create(options.get("--base-url").replaceAll("/+$", ""));
            if (options.get("--backup") == null || count < 1 || connections < 1 || timeout < 1
                    || base.getHost() == null || base.getPort() < 0
                    || Integer.parseInt(options.getOrDefault("--case", "0")) < 0) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            err.print("api-fuzz: --backup is required; counts and the timeout are positive; --base-url has a host "
                    + "and a port\n" + HELP);
            return USAGE;
        }

        Setup setup = new Setup(base, options.get("--ops-token"));
        ApiModel api;
        Fixtures fixtures;
        try {
            api = setup.openApi();
            byte[] backup = Files.readAllBytes(Path.of(options.get("--backup")));
            fixtures = setup.fixtures(backup, Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT));
        } catch (IOException | RuntimeException e) {
            err.println("api-fuzz: cannot prepare the run against " + base + ": " + e.getMessage());
            return NO_SETUP;
        }
        Generator generator = new Generator(api, fixtures, seed);
        int from = options.containsKey("--case") ? Integer.parseInt(options.get("--case")) : 0;
        int to = options.containsKey("--case") ? from + 1 : generator.casesFor(count);
        err.printf("[fuzz] %d operations in the OpenAPI document; %d fixture requests under contract %s; cases %d "
                + "to %d%n", api.operations().size(), fixtures.requests().size(), fixtures.contract(), from, to - 1);

        Tally tally = new Tally();
        long started = System.nanoTime();
        runCases(generator, from, to, base, connections, timeout, tally, err);
        double seconds = (System.nanoTime() - started) / 1e9;

        // answers slower than a second may be the machine's doing: its load is part of the figures
        String load = loadAverage();
        String heading = String.format(Locale.ROOT, "api fuzz: %s, seed %d, %d connections, %.1f s (%.0f requests/s)"
                + ", load average %s", base, seed, connections, seconds, tally.requests() / seconds, load);
        tally.print(out, heading, 15);
        if (options.get("--out") != null) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("baseUrl", base.toString());
            run.put("seed", seed);
            run.put("count", count);
            run.put("connections", connections);
            run.put("operations", api.operations().size());
            run.put("seconds", Math.round(seconds * 10) / 10.0);
            run.put("loadAverage", load);
            try {
                tally.writeJson(Path.of(options.get("--out")), run);
            } catch (IOException e) {
                err.println("api-fuzz: cannot write " + options.get("--out") + ": " + e.getMessage());
            }
        }
        return tally.clean() ? CLEAN : FAULTS;
    }

    /** Each of {@code connections} workers takes the next case number and sends its waves. */
    private static void runCases(Generator generator, int from, int to, URI base, int connections, int timeout,
            Tally tally, PrintStream err) {
        AtomicInteger next = new AtomicInteger(from);
        AtomicLong reported = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        ExecutorService pieces = Executors.newCachedThreadPool();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            running.add(workers.submit(() -> {
                try (RawHttp connection = new RawHttp(base.getHost(), base.getPort(), timeout)) {
                    for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                        send(generator.generate(i), connection, base, timeout, tally, pieces);
                        long done = tally.requests() / 2000;
                        if (done > reported.get() && reported.compareAndSet(reported.get(), done)) {
                            err.printf("[fuzz] %d requests: 5xx %d, bare refusals %d, slow %d%n", tally.requests(),
                                    tally.count("serverErrors"), tally.count("bareRefusals"), tally.count("slow"));
                        }
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> worker : running) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a worker failed", e.getCause());
        } finally {
            workers.shutdownNow();
            pieces.shutdownNow();
        }
    }

    private static void send(FuzzCase fuzzCase, RawHttp connection, URI base, int timeout, Tally tally,
            ExecutorService pieces) throws InterruptedException, ExecutionException {
        String freshId = "";
        String freshSecret = "";
        for (int w = 0; w < fuzzCase.waves().size(); w++) {
            List<Exchange> wave = fuzzCase.waves().get(w);
            if (wave.size() == 1) {
                Exchange exchange = wave.get(0);
                RawHttp.Answer answer = connection.send(exchange, exchange.wire(freshId, freshSecret));
                tally.record(fuzzCase.index(), exchange, exchange.path(freshId), answer);
                if (w == 0 && fuzzCase.fresh()) {
                    freshId = field(answer, "id");
                    freshSecret = field(answer, "secret");
                }
                continue;
            }
            // every piece on its own connection, all released at once so that they meet in the server
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<?>> sent = new ArrayList<>();
            for (Exchange exchange : wave) {
                byte[] wire = exchange.wire(freshId, freshSecret);
                String path = exchange.path(freshId);
                sent.add(pieces.submit(() -> {
                    try (RawHttp own = new RawHttp(base.getHost(), base.getPort(), timeout)) {
                        gate.await();
                        tally.record(fuzzCase.index(), exchange, path, own.send(exchange, wire));
                    }
                    return null;
                }));
            }
            gate.countDown();
            for (Future<?> piece : sent) {
                piece.get();
            }
        }
    }

    private static String loadAverage() {
        try {
            String[] figures = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return figures[0] + " " + figures[1] + " " + figures[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String field(RawHttp.Answer answer, String name) {
        if (answer.status() != 201) {
            return "";
        }
        try {
            JsonNode value = new ObjectMapper().readTree(answer.body()).path(name);
            return value.isTextual() ? value.asText() : "";
        } catch (IOException e) {
            return "";
        }
    }
}
