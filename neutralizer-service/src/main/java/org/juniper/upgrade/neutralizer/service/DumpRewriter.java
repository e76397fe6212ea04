package org.juniper.upgrade.neutralizer.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.juniper.upgrade.archive.Bytes;
import org.juniper.upgrade.archive.CopyHeader;
import org.juniper.upgrade.neutralizer.rules.DeclaredRule;
import org.juniper.upgrade.neutralizer.rules.Lookup;
import org.juniper.upgrade.neutralizer.rules.Lookups;
import org.juniper.upgrade.neutralizer.rules.TableRewriter;

/**
 * Streams a plain dump once and applies the rules to the COPY blocks of the tables they name, row by row; every
 * other byte passes through unchanged. A table whose rules read another table that comes later in the dump (crons
 * read the xml ids) is held in memory and written right after that table: COPY blocks of a pg_dump are independent,
 * keys and constraints come after all of them. The positions of sequences move past the ids of added rows (pg_dump
 * writes them after the data).
 *
 * <p>In checking mode nothing is written: the rows of a rewritten dump are checked against the rules, as that dump
 * is written. A checker reads the same bytes as the archive and decodes them on its own, so a row the rewrite missed
 * or mangled shows as a violation whatever the rewriting code did.
 */
final class DumpRewriter {
    private static final Pattern SETVAL = Pattern.compile(
            "^SELECT pg_catalog\\.setval\\('(?:public\\.)?([^']+)', (\\d+), (true|false)\\);(\\r?\\n?)$");
    private static final String END_OF_DATA = "\\.";
    /** Longest line kept whole: statements, and rows of the tables the rules read. */
    private static final int MAX_LINE = 64 << 20;
    /** Most bytes of rows held while waiting for a table a rule reads. */
    private static final long MAX_HELD = 256L << 20;

    /** What a rewrite did: rows per rule. */
    record Outcome(Map<DeclaredRule, Long> counts) {
    }

    private final List<DeclaredRule> rules;
    private final Map<String, List<DeclaredRule>> rulesByTable = new LinkedHashMap<>();
    private final Map<String, List<Lookup>> lookupsByTable = new HashMap<>();
    private final Lookups lookups = new Lookups();
    private final Set<String> finishedTables = new HashSet<>();
    private final Map<DeclaredRule, Long> counts = new LinkedHashMap<>();
    private final Map<String, Long> lastAddedId = new HashMap<>();
    /** The rows added to each table, read by the checker of this rewrite's output from its own thread. */
    private final Map<String, List<String>> addedRows = new ConcurrentHashMap<>();
    private final List<Held> held = new ArrayList<>();
    private long heldBytes;
    /** In checking mode: the rewrite whose output is checked; else null. */
    private final DumpRewriter checked;
    private final List<String> violations = new ArrayList<>();

    private OutputStream out;
    private Block block;
    private boolean copyLineStart;
    private int terminatorProgress;

    /** A COPY block being read; {@code rewriter} null for a table no rule changes. */
    private final class Block {
        final String table;
        final List<String> columns;
        final Map<String, Integer> columnIndex = new HashMap<>();
        final TableRewriter rewriter;
        final List<Lookup> lookupsOfTable;
        final Held holding;
        /** In checking mode, the rows of a table the rules change: checked once the block ends. */
        final List<String> rows = new ArrayList<>();

        Block(String table, List<String> columns, Held holding) {
            this.table = table;
            this.columns = columns;
            columns.forEach(column -> columnIndex.put(column, columnIndex.size()));
            List<DeclaredRule> tableRules = rulesByTable.get(table);
            this.rewriter = tableRules == null ? null : new TableRewriter(table, tableRules, columns, lookups);
            this.lookupsOfTable = lookupsByTable.getOrDefault(table, List.of());
            this.holding = holding;
        }

        boolean wholeLines() {
            return rewriter != null || !lookupsOfTable.isEmpty();
        }
    }

    /** A block waiting for the tables its rules read. */
    private record Held(String header, String table, List<String> columns, List<String> rows) {
    }

    DumpRewriter(List<DeclaredRule> rules) {
        this(rules, null);
    }

    private DumpRewriter(List<DeclaredRule> rules, DumpRewriter checked) {
        this.rules = rules;
        this.checked = checked;
        for (DeclaredRule rule : rules) {
            rulesByTable.computeIfAbsent(rule.table(), t -> new ArrayList<>()).add(rule);
            counts.put(rule, 0L);
            for (Lookup lookup : rule.form().lookups()) {
                List<Lookup> ofTable = lookupsByTable.computeIfAbsent(lookup.table(), t -> new ArrayList<>());
                if (!ofTable.contains(lookup)) {
                    ofTable.add(lookup);
                }
            }
        }
    }

    /**
     * A checker of the output of {@code rewrite}, which may read it while it is written: the rows a rewrite adds to
     * a table are known before the end of that table's data is written.
     */
    static DumpRewriter checker(DumpRewriter rewrite) {
        return new DumpRewriter(rewrite.rules, rewrite);
    }

    /** Rewrites {@code dump} to {@code target}. */
    Outcome rewrite(InputStream dump, OutputStream target) throws IOException {
        this.out = target;
        byte[] buffer = new byte[1 << 16];
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int n;
        while ((n = dump.read(buffer)) > 0) {
            int pos = 0;
            while (pos < n) {
                if (block != null && !block.wholeLines()) {
                    pos = passData(buffer, pos, n);
                    continue;
                }
                int newline = Bytes.indexOf(buffer, (byte) '\n', pos, n);
                int end = newline < 0 ? n : newline + 1;
                line.write(buffer, pos, end - pos);
                pos = end;
                if (newline >= 0) {
                    line(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else if (line.size() > MAX_LINE) {
                    throw new NeutralizationException("a line of the dump is longer than " + (MAX_LINE >> 20)
                            + " MiB in a table the rules read");
                }
            }
        }
        if (line.size() > 0) {
            line(line.toString(StandardCharsets.UTF_8));
        }
        finish();
        return new Outcome(counts);
    }

    /** What a checked dump still breaks of the rules, empty when every rule holds. */
    List<String> violations() {
        return violations;
    }

    /** Passes COPY data of a table no rule reads, up to the end of its block. */
    private int passData(byte[] buffer, int pos, int n) throws IOException {
        int i = pos;
        while (i < n) {
            if (copyLineStart) {
                byte b = buffer[i];
                if (terminatorProgress == 0 && b == '\\' || terminatorProgress == 1 && b == '.'
                        || terminatorProgress == 2 && b == '\r') {
                    terminatorProgress++;
                    i++;
                    continue;
                }
                if (terminatorProgress >= 2 && b == '\n') {
                    write(buffer, pos, i + 1 - pos);
                    finishedTables.add(block.table);
                    block = null;
                    return i + 1;
                }
                copyLineStart = false;
                terminatorProgress = 0;
            }
            int newline = Bytes.indexOf(buffer, (byte) '\n', i, n);
            if (newline < 0) {
                i = n;
            } else {
                i = newline + 1;
                copyLineStart = true;
            }
        }
        write(buffer, pos, i - pos);
        return i;
    }

    private void line(String text) throws IOException {
        if (block == null) {
            outside(text);
        } else {
            inBlock(text);
        }
    }

    private void outside(String text) throws IOException {
        Optional<CopyHeader> copy = CopyHeader.parse(text);
        if (copy.isPresent()) {
            String table = copy.get().name();
            List<String> columns = copy.get().columns();
            if (rulesByTable.containsKey(table) && !lookupsReady(table)) {
                Held waiting = new Held(text, table, columns, new ArrayList<>());
                held.add(waiting);
                block = new Block(table, columns, waiting);
            } else {
                block = newBlock(table, columns);
                write(text);
            }
            copyLineStart = true;
            terminatorProgress = 0;
            return;
        }
        Matcher setval = SETVAL.matcher(text);
        if (setval.matches() && checked == null) {
            Long added = lastAddedId.get(setval.group(1).replaceFirst("_id_seq$", ""));
            long value = Long.parseLong(setval.group(2));
            if (added != null && setval.group(1).endsWith("_id_seq")
                    && (added > value || added == value && setval.group(3).equals("false"))) {
                write("SELECT pg_catalog.setval('public." + setval.group(1) + "', " + added + ", true);"
                        + setval.group(4));
                return;
            }
        }
        write(text);
    }

    private Block newBlock(String table, List<String> columns) {
        try {
            return new Block(table, columns, null);
        } catch (IllegalArgumentException e) {
            throw new NeutralizationException(e.getMessage());
        }
    }

    private void inBlock(String text) throws IOException {
        String row = text.endsWith("\n") ? text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1)) : text;
        if (row.equals(END_OF_DATA)) {
            endBlock(text);
            return;
        }
        if (block.holding != null || checked != null && block.rewriter != null) {
            heldBytes += row.length();
            if (heldBytes > MAX_HELD) {
                throw new NeutralizationException("table " + block.table + " is too large to hold while the "
                        + "tables its rules read are awaited or its rows are checked");
            }
            (block.holding != null ? block.holding.rows() : block.rows).add(row);
            return;
        }
        String written = block.rewriter == null ? row : rewritten(row);
        if (written != null) {
            if (written == row) {
                write(text);
            } else {
                write(written + "\n");
            }
            offerToLookups(block, written);
        }
    }

    private String rewritten(String row) {
        try {
            return block.rewriter.row(row);
        } catch (IllegalArgumentException e) {
            throw new NeutralizationException("table " + block.table + ": " + e.getMessage());
        }
    }

    /** Checks the rows of a rule's table: each is one the rewrite added, or one no rule would change. */
    private void check(Block ended) {
        Set<String> added = new HashSet<>(checked.addedRows.getOrDefault(ended.table, List.of()));
        for (String row : ended.rows) {
            heldBytes -= row.length();
            if (!added.remove(row)) {
                String violation = ended.rewriter.violation(row);
                if (violation != null && violations.size() < 20) {
                    violations.add(violation);
                }
            }
            offerToLookups(ended, row);
        }
        if (!added.isEmpty()) {
            violations.add(added.size() + " row(s) the rules add to " + ended.table + " are missing");
        }
    }

    private void offerToLookups(Block of, String row) {
        if (!of.lookupsOfTable.isEmpty()) {
            lookups.offer(of.lookupsOfTable, of.columnIndex, row);
        }
    }

    private void endBlock(String terminator) throws IOException {
        Block ended = block;
        block = null;
        if (ended.holding != null) {
            return;
        }
        if (ended.rewriter != null) {
            if (checked == null) {
                List<String> added = ended.rewriter.addedRows();
                for (String row : added) {
                    write(row + "\n");
                }
                if (!added.isEmpty()) {
                    addedRows.put(ended.table, added);
                }
                ended.rewriter.addedIds().max().ifPresent(id -> lastAddedId.put(ended.table, id));
                ended.rewriter.counts().forEach(counts::put);
            } else {
                check(ended);
            }
        }
        write(terminator);
        finishedTables.add(ended.table);
        releaseHeld();
    }

    private void releaseHeld() throws IOException {
        for (Iterator<Held> it = held.iterator(); it.hasNext();) {
            Held waiting = it.next();
            if (lookupsReady(waiting.table())) {
                it.remove();
                heldBytes -= waiting.rows().stream().mapToLong(String::length).sum();
                block = newBlock(waiting.table(), waiting.columns());
                write(waiting.header());
                for (String row : waiting.rows()) {
                    inBlock(row + "\n");
                }
                inBlock(END_OF_DATA + "\n");
            }
        }
    }

    private boolean lookupsReady(String table) {
        return rulesByTable.get(table).stream().flatMap(rule -> rule.form().lookups().stream())
                .allMatch(lookup -> finishedTables.contains(lookup.table()));
    }

    private void finish() {
        if (block != null) {
            throw new NeutralizationException("the dump ends inside the data of table " + block.table);
        }
        for (Held waiting : held) {
            throw new NeutralizationException("the rules of table " + waiting.table() + " read tables the dump "
                    + "does not hold: " + rulesByTable.get(waiting.table()).stream()
                            .flatMap(rule -> rule.form().lookups().stream()).map(Lookup::table).distinct().toList());
        }
        for (DeclaredRule rule : rules) {
            if (!finishedTables.contains(rule.table())) {
                throw new NeutralizationException("rule " + rule.module() + "/" + rule.name() + " changes table "
                        + rule.table() + ", which the dump does not hold");
            }
        }
    }

    private void write(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(bytes, 0, bytes.length);
    }

    private void write(byte[] bytes, int offset, int length) throws IOException {
        if (checked == null) {
            out.write(bytes, offset, length);
        }
    }
}
