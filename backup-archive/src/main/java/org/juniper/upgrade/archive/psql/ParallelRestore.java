package org.juniper.upgrade.archive.psql;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.juniper.upgrade.archive.Bytes;
import org.juniper.upgrade.archive.CopyHeader;
import org.juniper.upgrade.archive.DumpGuard;

/**
 * Restores a plain dump over several psql sessions, as {@code pg_restore -j} does for an archive. pg_dump heads each
 * entry with its type; consecutive entries of one kind form a run, and a run starts only once every session of the
 * run before has ended, so whatever an entry needs exists before it. The schema and anything unusual go to one
 * session in one transaction; table data, and then indexes and keys, are spread over the sessions, each statement
 * committed on its own so that sessions never wait on each other's transactions; foreign keys are added unvalidated
 * in one session, then validated in parallel (validating locks the referenced table only for row sharing). A failed
 * restore leaves committed parts behind, so the caller restores into a database that it drops on failure. Each
 * session's input passes {@link DumpGuard} and starts in psql's restricted mode with a key of its own.
 */
public final class ParallelRestore implements DumpGuard.Router {
    private static final System.Logger LOG = System.getLogger(ParallelRestore.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ENTRY = Pattern.compile("^-- (?:Data for )?Name: .*; Type: ([A-Z ]+); Schema: .*");
    // an identifier as pg_dump writes it, without spaces, semicolons or backslashes: safe to repeat in a statement
    private static final String IDENTIFIER = "[A-Za-z0-9_$.\"]+";
    private static final Pattern FOREIGN_KEY = Pattern.compile("(-- [^\n]*\n--\n\n)ALTER TABLE ONLY (" + IDENTIFIER
            + ")\n    ADD CONSTRAINT (" + IDENTIFIER + ") FOREIGN KEY ([^;\\\\\n]*);\n([\n-]*)");
    /** A table entry, named as pg_dump names a table it does not quote: the only ones loaded frozen. */
    private static final Pattern TABLE_ENTRY = Pattern.compile(
            "^-- Name: ([a-z0-9_]+); Type: TABLE; Schema: ([a-z0-9_]+);.*");
    private static final byte[] COMMIT = "COMMIT;\n".getBytes(StandardCharsets.US_ASCII);
    /** Largest foreign key entry held back to be rewritten; a longer one goes to psql as it is. */
    private static final int FOREIGN_KEY_ENTRY = 64 * 1024;
    /** The settings before the first entry are replayed in every session; a dump with more runs in one session. */
    private static final int PREAMBLE = 64 * 1024;
    /** psql's last error lines a failure quotes. */
    private static final int ERROR_LINES = 5;

    private enum Kind { SERIAL, DATA, BUILD, FOREIGN_KEY }

    /** How to start psql on the database restored into. */
    public interface Psql {
        /** psql connected to the database, with ON_ERROR_STOP and, when asked, --single-transaction. */
        List<String> command(boolean singleTransaction);

        /** What psql needs in its environment besides this process's (a password, say). */
        Map<String, String> env();
    }

    /** A restore whose dump is read and whose last statements may still run. */
    public interface Restoring {
        /** Waits for the restore's end; throws {@link RestoreFailedException} when it failed. */
        void finish() throws Exception;

        /** Stops what still runs, when the restore fails for another reason. */
        void abort();
    }

    private final String name;
    private final Psql psql;
    private final int width;
    private final ByteArrayOutputStream preamble = new ByteArrayOutputStream();
    // also ended from the thread of the caller while the last run goes on
    private final List<PsqlSession> sessions = new CopyOnWriteArrayList<>();
    private final List<String> validations = new ArrayList<>();
    private boolean entered;
    private boolean single;
    private Kind kind = Kind.SERIAL;
    private int next;
    private OutputStream current;
    private ForeignKeyEntry pendingKey;
    private long runStart = System.nanoTime();
    /** Tables this dump created, not partitioned, into which nothing was loaded yet. */
    private final Set<String> loadable = new HashSet<>();
    private String tableEntry;
    /** The session whose load transaction ends when its COPY data does. */
    private OutputStream openLoad;
    /**
     * The session that emptied and loaded each table in this run: a later load of the same table goes there too,
     * behind the first one's commit, or the first one's TRUNCATE could empty rows another session loaded already.
     */
    private final Map<String, OutputStream> emptiedBy = new HashMap<>();

    /**
     * @param name the database restored into, for logs
     * @param width the sessions that load data and build indexes at once
     */
    public ParallelRestore(String name, Psql psql, int width) {
        this.name = name;
        this.psql = psql;
        this.width = Math.max(1, width);
    }

    /**
     * Reads the whole dump into the sessions. The last run (the foreign keys and their validation) goes on in the
     * background, so that the caller reads what follows the dump meanwhile; {@link Restoring#finish} waits for it.
     * A dump the guard refuses throws its {@link org.juniper.upgrade.archive.InvalidBackupException}, one psql
     * refuses a {@link RestoreFailedException}.
     */
    public Restoring start(InputStream dump) throws Exception {
        sessions.add(session(true, new byte[0]));
        current = new Tee(sessions.get(0).input(), preamble);
        try {
            DumpGuard.route(dump, this);
            commitLoad();
        } catch (RunFailed e) {
            abort();
            throw e.failure;
        } catch (PsqlSession.Ended e) {
            throw ended(e);
        } catch (Exception e) {
            abort();
            throw e;
        }
        CompletableFuture<Void> lastRun = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                endRun();
                lastRun.complete(null);
            } catch (PsqlSession.Ended e) {
                lastRun.completeExceptionally(ended(e));
            } catch (Exception e) {
                abort();
                lastRun.completeExceptionally(e);
            }
        }, "restore-" + name);
        thread.setDaemon(true);
        thread.start();
        return new Restoring() {
            @Override
            public void finish() throws Exception {
                try {
                    lastRun.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
                }
            }

            @Override
            public void abort() {
                ParallelRestore.this.abort();
            }
        };
    }

    /** A session stopped reading: its errors say why. */
    private RestoreFailedException ended(PsqlSession.Ended e) {
        String errors;
        try {
            errors = e.session().finish().lastLines(ERROR_LINES);
        } catch (Exception failure) {
            errors = failure.getMessage();
        }
        abort();
        return new RestoreFailedException("the dump does not restore: " + errors);
    }

    /** A psql session whose input is restricted under a key of its own, opened by {@code preamble}. */
    private PsqlSession session(boolean singleTransaction, byte[] preamble) {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        return new PsqlSession(psql.command(singleTransaction), psql.env(), HexFormat.of().formatHex(key), preamble);
    }

    @Override
    public OutputStream at(String line) throws IOException {
        // asked again only once the COPY data before has ended
        commitLoad();
        Matcher entry = ENTRY.matcher(line);
        if (!entry.matches()) {
            if (tableEntry != null && line.contains("PARTITION BY")) {
                loadable.remove(tableEntry);
            }
            return kind == Kind.DATA ? load(line) : current;
        }
        noteTable(line, entry.group(1));
        if (!entered) {
            entered = true;
            single = preamble.size() > PREAMBLE;
            current = sessions.get(0).input();
        }
        settleForeignKey();
        Kind entryKind = single ? Kind.SERIAL : kindOf(entry.group(1));
        if (entryKind != kind) {
            try {
                endRun();
            } catch (RestoreFailedException f) {
                throw new RunFailed(f);
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("restore interrupted", e);
            }
            startRun(entryKind);
        }
        current = pick();
        if (kind == Kind.FOREIGN_KEY) {
            pendingKey = new ForeignKeyEntry(current);
            current = pendingKey;
        }
        return current;
    }

    private void noteTable(String line, String type) {
        Matcher table = TABLE_ENTRY.matcher(line);
        tableEntry = table.matches() ? table.group(2) + "." + table.group(1) : null;
        if (tableEntry != null) {
            loadable.add(tableEntry);
        } else if (type.equals("FK CONSTRAINT") || type.equals("TRIGGER") || type.equals("RULE")) {
            // a table that something else may write to or depend on is loaded as it is
            loadable.clear();
        }
    }

    /**
     * A table's data loads in a transaction that first empties it, with COPY's FREEZE: with the cluster's minimal
     * WAL the rows are then written once, without WAL, and already frozen, so that the index builds and foreign key
     * checks after the load do not write every page again to set hint bits. The emptying loses nothing: a table
     * created by the dump receives rows only from its one data entry, and a table loaded once is loaded as it is
     * from then on.
     */
    private OutputStream load(String line) throws IOException {
        CopyHeader copy = CopyHeader.parse(line).filter(header -> header.schema() != null).orElse(null);
        if (copy == null) {
            return current;
        }
        String table = copy.schema() + "." + copy.table();
        OutputStream emptied = emptiedBy.get(table);
        if (emptied != null) {
            return emptied;
        }
        if (!loadable.remove(table)) {
            return current;
        }
        OutputStream session = current;
        emptiedBy.put(table, session);
        session.write(("BEGIN;\nTRUNCATE ONLY " + copy.quotedTable() + ";\n").getBytes(StandardCharsets.UTF_8));
        openLoad = session;
        byte[] frozen = (copy.sql("WITH (FREEZE)") + "\n").getBytes(StandardCharsets.UTF_8);
        return new OutputStream() {
            private boolean lineWritten;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (lineWritten) {
                    session.write(b, off, len);
                    return;
                }
                // the COPY line itself, as the guard passed it (in two writes when it is long): written with FREEZE
                int end = Bytes.indexOf(b, (byte) '\n', off, off + len);
                if (end >= 0) {
                    lineWritten = true;
                    session.write(frozen);
                    session.write(b, end + 1, off + len - end - 1);
                }
            }

            @Override
            public void flush() throws IOException {
                session.flush();
            }
        };
    }

    private void commitLoad() throws IOException {
        if (openLoad != null) {
            openLoad.write(COMMIT);
            openLoad = null;
        }
    }

    private static Kind kindOf(String type) {
        switch (type) {
            case "TABLE DATA":
            case "SEQUENCE SET":
                return Kind.DATA;
            case "CONSTRAINT":
            case "INDEX":
                return Kind.BUILD;
            case "FK CONSTRAINT":
                return Kind.FOREIGN_KEY;
            default:
                return Kind.SERIAL;
        }
    }

    private void startRun(Kind runKind) {
        kind = runKind;
        // the runs before have ended, their loads committed
        emptiedBy.clear();
        runStart = System.nanoTime();
        boolean parallel = runKind == Kind.DATA || runKind == Kind.BUILD;
        int count = parallel ? width : 1;
        for (int i = 0; i < count; i++) {
            sessions.add(session(!parallel, preamble.toByteArray()));
        }
        next = 0;
    }

    /** Data goes to the session with the least waiting for it; small statements take turns. */
    private OutputStream pick() {
        PsqlSession chosen = sessions.get(next % sessions.size());
        if (kind == Kind.DATA) {
            for (int i = 0; i < sessions.size(); i++) {
                PsqlSession candidate = sessions.get((next + i) % sessions.size());
                if (candidate.backlog() < chosen.backlog()) {
                    chosen = candidate;
                }
            }
        }
        next++;
        return chosen.input();
    }

    /** Ends the sessions of the current run, then validates the foreign keys it added; fails if any session did. */
    private void endRun() throws Exception {
        settleForeignKey();
        String failure = finishAll();
        LOG.log(System.Logger.Level.DEBUG, "{0}: {1} run restored in {2} ms", name, kind,
                (System.nanoTime() - runStart) / 1_000_000);
        if (failure == null && !validations.isEmpty()) {
            long validating = System.nanoTime();
            for (int i = 0; i < width; i++) {
                sessions.add(session(false, preamble.toByteArray()));
            }
            for (int i = 0; i < validations.size(); i++) {
                sessions.get(i % width).input().write(validations.get(i).getBytes(StandardCharsets.UTF_8));
            }
            validations.clear();
            failure = finishAll();
            LOG.log(System.Logger.Level.DEBUG, "{0}: foreign keys validated in {1} ms", name,
                    (System.nanoTime() - validating) / 1_000_000);
        }
        if (failure != null) {
            throw new RestoreFailedException("the dump does not restore: " + failure);
        }
    }

    /** Waits for every session; returns the errors of the first that failed, or null. */
    private String finishAll() throws Exception {
        // every session gets what it buffered first: small statements (index builds, key validations) sit in the
        // buffers until the run ends, and would otherwise run one session after the other
        for (PsqlSession session : sessions) {
            session.endInput();
        }
        String failure = null;
        for (PsqlSession session : sessions) {
            PgProcess.Result result = session.finish();
            if (result.exitCode() != 0 && failure == null) {
                failure = result.lastLines(ERROR_LINES);
            }
        }
        sessions.clear();
        return failure;
    }

    private void abort() {
        sessions.forEach(PsqlSession::abort);
        sessions.clear();
    }

    private void settleForeignKey() throws IOException {
        if (pendingKey != null) {
            pendingKey.settle();
            pendingKey = null;
        }
    }

    /** A run failed while the dump was being read. */
    private static final class RunFailed extends IOException {
        final RestoreFailedException failure;

        RunFailed(RestoreFailedException failure) {
            super(failure.getMessage());
            this.failure = failure;
        }
    }

    /** Holds back one foreign key entry to add it unvalidated and validate it later. */
    private final class ForeignKeyEntry extends OutputStream {
        private final OutputStream session;
        private ByteArrayOutputStream held = new ByteArrayOutputStream();

        ForeignKeyEntry(OutputStream session) {
            this.session = session;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (held == null) {
                session.write(b, off, len);
                return;
            }
            held.write(b, off, len);
            if (held.size() > FOREIGN_KEY_ENTRY) {
                held.writeTo(session);
                held = null;
            }
        }

        void settle() throws IOException {
            if (held == null) {
                return;
            }
            String text = held.toString(StandardCharsets.UTF_8);
            Matcher key = FOREIGN_KEY.matcher(text);
            if (!key.matches()) {
                held.writeTo(session);
                return;
            }
            session.write((key.group(1) + "ALTER TABLE ONLY " + key.group(2) + "\n    ADD CONSTRAINT " + key.group(3)
                    + " FOREIGN KEY " + key.group(4) + " NOT VALID;\n" + key.group(5))
                    .getBytes(StandardCharsets.UTF_8));
            validations.add("ALTER TABLE ONLY " + key.group(2) + " VALIDATE CONSTRAINT " + key.group(3) + ";\n");
        }
    }

    /** Writes the text before the first entry both to the first session and to the preamble kept for the others. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream first, ByteArrayOutputStream copy) {
            this.first = first;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            if (copy.size() <= PREAMBLE) {
                copy.write(b, off, len);
            }
        }
    }
}
