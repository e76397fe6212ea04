package org.juniper.upgrade.client.flow;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.juniper.upgrade.client.IntakeClient;
import org.juniper.upgrade.client.IntakeException;
import org.juniper.upgrade.client.RequestStatus;
import org.juniper.upgrade.client.Token;

/**
 * The request flows of the demo and the benchmarks, as the upgrade website runs them, for scripts:
 *
 * <pre>
 * java -jar intake-flow.jar submit --url URL --backup FILE --database NAME [--purpose test] [--email ADDRESS]
 *                                  [--contract M2026-0042] [--ops-token TOKEN] [--count 1]
 *     registers the contract (with the ops token), then creates, uploads and starts COUNT requests (NAME_1 ... when
 *     more than one); prints "&lt;id&gt;:&lt;secret&gt;" for each
 * java -jar intake-flow.jar await --url URL [--timeout SECONDS] [--every MS] [--window N] [--show] TOKEN...
 *     reads the requests until they have ended; prints "&lt;id&gt; &lt;state&gt; &lt;epoch ms&gt;" as each ends (with --show,
 *     every change of state or stage on the way); exits 0 when all are done, 1 otherwise
 * java -jar intake-flow.jar log --url URL TOKEN
 *     prints the request's log
 * </pre>
 */
public final class IntakeFlow {
    private final PrintStream out;
    private final Map<String, String> options = new HashMap<>();
    private final List<String> words = new ArrayList<>();

    IntakeFlow(PrintStream out, List<String> args) {
        this.out = out;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--show")) {
                options.put(arg, "true");
            } else if (arg.startsWith("--")) {
                if (i + 1 == args.size()) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                options.put(arg, args.get(++i));
            } else {
                words.add(arg);
            }
        }
    }

    public static void main(String[] args) {
        try {
            System.exit(new IntakeFlow(new PrintStream(System.out, true, StandardCharsets.UTF_8), List.of(args))
                    .run());
        } catch (IllegalArgumentException | IntakeException e) {
            System.err.println("intake-flow: " + e.getMessage());
            System.exit(2);
        }
    }

    int run() {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("give a command: submit, await or log (see the class's comment)");
        }
        IntakeClient intake = new IntakeClient(URI.create(required("--url")));
        List<Token> tokens = words.subList(1, words.size()).stream().map(Token::parse).toList();
        return switch (words.get(0)) {
            case "submit" -> submit(intake);
            case "await" -> await(intake, tokens);
            case "log" -> {
                tokens.forEach(t -> out.print(intake.log(t, 0).text()));
                yield 0;
            }
            default -> throw new IllegalArgumentException("unknown command " + words.get(0));
        };
    }

    private int submit(IntakeClient intake) {
        String contract = options.getOrDefault("--contract", "M2026-0042");
        if (options.containsKey("--ops-token")) {
            intake.registerContract(options.get("--ops-token"), contract, "acme-hosting");
        }
        Path backup = Path.of(required("--backup"));
        if (!Files.isRegularFile(backup)) {
            throw new IllegalArgumentException("no backup at " + backup);
        }
        int count = Integer.parseInt(options.getOrDefault("--count", "1"));
        String database = required("--database");
        for (int n = 1; n <= count; n++) {
            Token token = intake.create(new IntakeClient.NewRequest(contract, options.getOrDefault("--email",
                    "bench@acme.example"), count == 1 ? database : database + "_" + n, "17.0", null,
                    options.getOrDefault("--purpose", "test"))).token();
            intake.upload(token, backup);
            intake.start(token);
            out.println(token);
        }
        return 0;
    }

    /**
     * Reads the unfinished requests in rounds {@code --every} milliseconds apart, at most {@code --window} of them a
     * round (the oldest: a queue drains roughly in submission order, and reading every waiting request each round
     * would cost the platform's cores more than the run), until all have ended or {@code --timeout} has passed.
     */
    private int await(IntakeClient intake, List<Token> tokens) {
        long timeout = Long.parseLong(options.getOrDefault("--timeout", "600")) * 1_000_000_000L;
        int window = Integer.parseInt(options.getOrDefault("--window", String.valueOf(Integer.MAX_VALUE)));
        boolean show = options.containsKey("--show");
        long every = Long.parseLong(options.getOrDefault("--every", "500"));
        long started = System.nanoTime();
        List<Token> waiting = new ArrayList<>(tokens);
        Map<Token, String> shown = new HashMap<>();
        boolean allDone = true;
        while (!waiting.isEmpty()) {
            for (Token token : List.copyOf(waiting.subList(0, Math.min(window, waiting.size())))) {
                RequestStatus status = intake.status(token);
                String now = status.state() + "/" + status.stage();
                if (show && !now.equals(shown.put(token, now))) {
                    out.printf(Locale.ROOT, "%.1f s: state %s, stage %s%n", (System.nanoTime() - started) / 1e9,
                            status.state(), status.stage());
                }
                if (status.finished()) {
                    out.println(token.id() + " " + status.state() + " " + System.currentTimeMillis());
                    allDone &= status.done();
                    waiting.remove(token);
                }
            }
            if (!waiting.isEmpty() && System.nanoTime() - started > timeout) {
                throw new IntakeException(waiting.size() + " request(s) still running after "
                        + RequestStatus.duration(timeout / 1_000_000_000L) + ", the first " + waiting.get(0).id());
            }
            pause(every);
        }
        return allDone ? 0 : 1;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeException("interrupted", e);
        }
    }

    private String required(String option) {
        String value = options.get(option);
        if (value == null) {
            throw new IllegalArgumentException(option + " is required");
        }
        return value;
    }
}
