package org.juniper.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.juniper.erp.JuniperPack;

/**
 * The pack's fresh-install schema of one version, sorted into the sections of a pg_dump: table definitions,
 * standard rows, and the keys, indexes and foreign keys that come after the data. The schema files keep to the
 * statements below; anything else is refused, so a new kind of statement is noticed rather than lost.
 */
final class SchemaLayout {
    private static final Pattern CREATE_TABLE = Pattern.compile("(?s)CREATE TABLE public\\.(\\w+) \\((.*)\\)");
    private static final Pattern INSERT = Pattern.compile("(?s)INSERT INTO public\\.(\\w+) \\(([^)]*)\\) VALUES(.*)");
    private static final Pattern CONSTRAINT = Pattern.compile(
            "(?s)ALTER TABLE ONLY public\\.(\\w+)\\s+ADD CONSTRAINT (\\w+) (PRIMARY KEY|UNIQUE|FOREIGN KEY)\\b.*");
    private static final Pattern INDEX = Pattern.compile("(?s)CREATE (?:UNIQUE )?INDEX (\\w+) ON public\\.(\\w+) .*");
    private static final Pattern SERIAL_ID = Pattern.compile("^id serial NOT NULL$");

    /**
     * A column as the COPY header names it ({@code sqlName} keeps the quotes of a reserved word); {@code jsonb}
     * marks the translated columns of 16.0 on.
     */
    record Column(String name, String sqlName, boolean notNull, boolean jsonb) {
    }

    /** What comes after the data, in the order pg_dump writes it. */
    enum PostDataKind {
        KEY("CONSTRAINT"), INDEX("INDEX"), FOREIGN_KEY("FK CONSTRAINT");

        final String dumpLabel;

        PostDataKind(String dumpLabel) {
            this.dumpLabel = dumpLabel;
        }
    }

    record PostData(PostDataKind kind, String table, String name, String sql) {
    }

    static final class Table {
        final String name;
        final List<String> definitionLines = new ArrayList<>();
        final List<Column> columns = new ArrayList<>();
        final Map<String, Integer> columnIndex = new HashMap<>();
        final List<String[]> standardRows = new ArrayList<>();
        boolean serial;
        int maxStandardId;

        Table(String name) {
            this.name = name;
        }

        String sequence() {
            return name + "_id_seq";
        }
    }

    private final Map<String, Table> tables = new TreeMap<>();
    private final List<PostData> postData = new ArrayList<>();
    private final Map<String, Integer> xmlIds = new HashMap<>();

    private SchemaLayout() {
    }

    static SchemaLayout of(JuniperPack pack, String version, List<String> modules) {
        SchemaLayout layout = new SchemaLayout();
        for (String module : modules) {
            String source = "juniper/schema/" + version + "/" + module + ".sql";
            String script = pack.schemaSql(version, module)
                    .orElseThrow(() -> new IllegalStateException("the pack has no " + source));
            layout.addAll(script, source);
        }
        return layout;
    }

    /** Adds a schema file's statements, in the conventions of the pack's schema files. */
    void addAll(String script, String source) {
        for (String statement : SqlText.statements(script)) {
            add(statement, source);
        }
        postData.sort(Comparator.comparing(PostData::kind)
                .thenComparing(p -> p.kind() == PostDataKind.INDEX ? "" : p.table())
                .thenComparing(PostData::name));
    }

    /** Adds a column to a table of another module, as a customer's module does; standard rows leave it empty. */
    void addColumn(String table, String definition) {
        Table extended = table(table);
        addColumn(extended, definition);
        extended.standardRows.replaceAll(row -> Arrays.copyOf(row, extended.columns.size()));
    }

    private void add(String statement, String source) {
        Matcher m;
        if ((m = CREATE_TABLE.matcher(statement)).matches()) {
            addTable(m.group(1), m.group(2), source);
        } else if ((m = INSERT.matcher(statement)).matches()) {
            addRows(m.group(1), m.group(2), m.group(3), source);
        } else if ((m = CONSTRAINT.matcher(statement)).matches()) {
            PostDataKind kind = m.group(3).equals("FOREIGN KEY") ? PostDataKind.FOREIGN_KEY : PostDataKind.KEY;
            postData.add(new PostData(kind, m.group(1), m.group(2), statement));
        } else if ((m = INDEX.matcher(statement)).matches()) {
            postData.add(new PostData(PostDataKind.INDEX, m.group(2), m.group(1), statement));
        } else if (!statement.startsWith("SELECT pg_catalog.setval(")) {
            // sequence positions are recomputed from the data; anything else is not understood
            throw new IllegalStateException(source + ": unsupported statement for the sample generator: "
                    + statement.substring(0, Math.min(80, statement.length())));
        }
    }

    private void addTable(String name, String body, String source) {
        if (tables.containsKey(name)) {
            throw new IllegalStateException(source + ": table " + name + " is created twice");
        }
        Table table = new Table(name);
        for (String raw : body.strip().split("\n")) {
            String line = raw.strip();
            if (line.endsWith(",")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.startsWith("CONSTRAINT ")) {
                table.definitionLines.add(line);
                continue;
            }
            if (SERIAL_ID.matcher(line).matches()) {
                // pg_dump writes a serial as an integer column plus a sequence owned by it
                table.serial = true;
                line = "id integer NOT NULL";
            }
            addColumn(table, line);
        }
        tables.put(name, table);
    }

    private void addColumn(Table table, String line) {
        String sqlName = line.substring(0, line.indexOf(' '));
        String column = sqlName.replace("\"", "");
        table.columnIndex.put(column, table.columns.size());
        table.columns.add(new Column(column, sqlName, line.contains(" NOT NULL"), line.contains(" jsonb")));
        table.definitionLines.add(line);
    }

    private void addRows(String tableName, String columnList, String values, String source) {
        Table table = tables.get(tableName);
        if (table == null) {
            throw new IllegalStateException(source + ": rows for " + tableName + ", which no module created before");
        }
        String[] names = columnList.split("\\s*,\\s*");
        int[] positions = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            positions[i] = table.columnIndex.getOrDefault(names[i].strip().replace("\"", ""), -1);
            if (positions[i] < 0) {
                throw new IllegalStateException(source + ": " + tableName + " has no column " + names[i]);
            }
        }
        Integer idPosition = table.columnIndex.get("id");
        for (List<String> literals : SqlText.valueRows(values, source + " (" + tableName + ")")) {
            if (literals.size() != names.length) {
                throw new IllegalStateException(source + ": a row of " + tableName + " has " + literals.size()
                        + " values for " + names.length + " columns");
            }
            String[] row = new String[table.columns.size()];
            for (int i = 0; i < names.length; i++) {
                row[positions[i]] = literals.get(i);
            }
            if (table.serial && idPosition != null && row[idPosition] != null) {
                table.maxStandardId = Math.max(table.maxStandardId, Integer.parseInt(row[idPosition]));
            }
            table.standardRows.add(row);
            if (tableName.equals("ir_model_data")) {
                xmlIds.put(row[table.columnIndex.get("module")] + "." + row[table.columnIndex.get("name")],
                        Integer.valueOf(row[table.columnIndex.get("res_id")]));
            }
        }
    }

    /** Tables by name, the order of pg_dump's sections. */
    Iterable<Table> tables() {
        return tables.values();
    }

    boolean hasTable(String name) {
        return tables.containsKey(name);
    }

    Table table(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw new IllegalArgumentException("the schema has no table " + name);
        }
        return table;
    }

    /** The id of a standard record by its xml id, e.g. {@code account.1_sale}, as the ERP's own code finds it. */
    int ref(String xmlId) {
        Integer id = xmlIds.get(xmlId);
        if (id == null) {
            throw new IllegalArgumentException("the standard data has no record " + xmlId);
        }
        return id;
    }

    /** The first id free for generated rows of a table, after its standard rows. */
    int firstFreeId(String table) {
        return table(table).maxStandardId + 1;
    }

    List<PostData> postData() {
        return postData;
    }
}
