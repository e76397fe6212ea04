package org.juniper.upgrade.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL that plays the administrator's own server: the platform instance's scratch cluster, whose admin role
 * may create databases. It is found through the instance's environment ({@code ./platform test} exports it, or
 * {@code eval "$(./platform env)"}), and a test that needs it fails, not skips, without it.
 */
final class ScratchPostgres {
    private final Map<String, String> env = new HashMap<>();

    ScratchPostgres() {
        String port = System.getenv("JUNIPER_SCRATCH_PORT");
        if (port == null || port.isBlank()) {
            fail("JUNIPER_SCRATCH_PORT is not set: these tests need the platform's scratch PostgreSQL. Run them "
                    + "with ./platform test, or after eval \"$(./platform env)\" with the infrastructure up");
        }
        env.put("PGHOST", "127.0.0.1");
        env.put("PGPORT", port);
        env.put("PGUSER", System.getenv().getOrDefault("JUNIPER_SCRATCH_ADMIN_USER", "scratch_admin"));
        env.put("PGPASSWORD", System.getenv().getOrDefault("JUNIPER_SCRATCH_ADMIN_PASSWORD", "scratch_admin"));
    }

    /** The admin role's own database: the cluster closes "postgres" to everyone but its owner. */
    String adminDb() {
        return env.get("PGUSER");
    }

    /** The libpq settings the CLI gets, as an administrator's shell would have them. */
    Map<String, String> env() {
        return env;
    }

    /** Runs SQL with psql and returns its unaligned, tuples-only output. */
    String sql(String database, String sql) {
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of("psql", "-X", "-q", "-A", "-t", "-v",
                    "ON_ERROR_STOP=1", "-d", database, "-f", "-")).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process psql = builder.start();
            psql.getOutputStream().write(sql.getBytes(StandardCharsets.UTF_8));
            psql.getOutputStream().close();
            String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!psql.waitFor(60, TimeUnit.SECONDS) || psql.exitValue() != 0) {
                throw new IllegalStateException("psql failed on " + database + ": " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run psql", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A session that stays connected to {@code database} until the process is destroyed. */
    Process session(String database) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of("psql", "-X", "-q", "-d", database, "-c",
                "select pg_sleep(120)")).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        return builder.start();
    }

    boolean exists(String database) {
        return sql(adminDb(), "select count(*) from pg_database where datname = '" + database + "'").equals("1");
    }

    /** Database names starting with {@code prefix}, sorted. */
    List<String> databasesStartingWith(String prefix) {
        String out = sql(adminDb(), "select datname from pg_database where starts_with(datname, '" + prefix
                + "') order by 1");
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    void dropStartingWith(String prefix) {
        for (String database : databasesStartingWith(prefix)) {
            sql(adminDb(), "drop database if exists \"" + database + "\" with (force)");
        }
    }

    /**
     * A small Juniper 14.0 database: a module registry (one module uninstalled, one description over several
     * lines), settings, an attachment kept in the filestore, and {@code messages} rows of incompressible text so
     * that its backup spans many upload parts.
     */
    void createJuniperDatabase(String database, int messages) {
        sql(adminDb(), "create database \"" + database + "\"");
        sql(database, """
                CREATE TABLE public.ir_module_module (id serial PRIMARY KEY, name varchar NOT NULL,
                    state varchar(16), latest_version varchar, description text);
                INSERT INTO public.ir_module_module (name, state, latest_version, description) VALUES
                    ('base', 'installed', '14.0.1.3', 'The kernel'),
                    ('sale', 'installed', '14.0.1.1', E'Quotations\\nand orders'),
                    ('crm', 'uninstalled', '14.0.1.0', NULL);
                CREATE TABLE public.ir_config_parameter (id serial PRIMARY KEY, key varchar NOT NULL,
                    value text NOT NULL);
                INSERT INTO public.ir_config_parameter (key, value) VALUES ('web.base.url', 'https://acme.example');
                CREATE TABLE public.ir_attachment (id serial PRIMARY KEY, name varchar, store_fname varchar);
                INSERT INTO public.ir_attachment (name, store_fname)
                    VALUES ('logo.png', 'a9/a94a8fe5ccb19ba61c4c0873d391e987982fbbd3');
                CREATE TABLE public.mail_message (id serial PRIMARY KEY, body text);
                INSERT INTO public.mail_message (body)
                    SELECT md5(i::text) || md5((i * 7)::text) FROM generate_series(1, %d) AS i;
                """.formatted(messages));
    }
}
