package org.juniper.upgrade.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.List;

@ConfigMapping(prefix = "juniper.intake")
public interface IntakeConfig {

    /** Target versions open for upgrades on first start; operations change them through the ops API. */
    @WithDefault("16.0,17.0,18.0")
    List<String> openTargets();

    /** The operations API's bearer token; the default serves the local platform only. */
    @WithDefault("local-ops-token")
    String opsToken();

    /** Versions a backup may come from or go to. */
    @WithDefault("14.0,15.0,16.0,17.0,18.0")
    List<String> knownVersions();

    /** Largest backup accepted, in bytes. */
    @WithDefault("21474836480")
    long maxBackupBytes();

    /** Largest body of the requesters' JSON routes, in bytes; only the uploads take more. */
    @WithDefault("16384")
    long maxJsonBytes();

    /** Largest body of the operations API's JSON routes, in bytes: a campaign lists its databases. */
    @WithDefault("1048576")
    long maxOpsJsonBytes();

    /** Requests one client address may create per minute (and at once); more are refused with 429. */
    @WithDefault("20")
    int creationsPerMinute();

    /**
     * Backup and script uploads one replica takes at a time; more are refused with 503. Each holds up to a part
     * (8 MiB) of memory.
     */
    @WithDefault("8")
    int maxUploadsInFlight();

    /** How long an upload in flight holds its request without a byte arriving; start waits for it meanwhile. */
    @WithDefault("PT5M")
    Duration uploadLease();

    /** How long the artifacts of a finished request are kept before they are purged and the request archived. */
    @WithDefault("P30D")
    Duration artifactRetention();

    /**
     * The address administrators and their tools reach this intake at, e.g. {@code https://upgrade.example.com}:
     * the launcher served at /upgrade fetches the client from there and points it there. Only this setting says
     * it, never a request header. The local platform sets the address it binds.
     */
    Optional<URI> publicUrl();

    /** The upgrade CLI's runnable jar, served with its launcher at /upgrade; the launcher is read from the jar. */
    Optional<Path> cliJar();

    /**
     * The Java runtime made for the CLI ({@code upgrade-cli/target/java-runtime.tar.gz}), served to launchers on
     * Linux; without it, the launcher runs the CLI with the Java it finds on the machine.
     */
    Optional<Path> cliRuntime();

    Outbox outbox();

    Reconciler reconciler();

    Retention retention();

    /** Finds requests that stopped moving, so that every request ends. */
    interface Reconciler {
        /** How often requests are looked over. */
        @WithDefault("1m")
        Duration interval();

        /**
         * A queued request no part has reported on for this long is queued again (the same attempt: a worker that has
         * it already ignores the copy), in case its record was lost from the topic.
         */
        @WithDefault("PT30M")
        Duration pickupTimeout();

        /**
         * A running request no part has reported on for this long fails with {@code PLATFORM:STALLED}, which
         * operations can retry; longer than any run's deadline.
         */
        @WithDefault("PT6H")
        Duration stallTimeout();
    }

    /** How long records that only serve deduplication or the record are kept. */
    interface Retention {
        /** Ids of applied events: far longer than any event can be redelivered. */
        @WithDefault("P14D")
        Duration processedEvents();

        /** Outbox events after they were published. */
        @WithDefault("P7D")
        Duration publishedEvents();

        /** A request still waiting for its backup after this long expires: cancelled, its upload aborted. */
        @WithDefault("P7D")
        Duration abandonedRequests();
    }

    Campaign campaign();

    interface Campaign {
        /** How often campaign backups are looked for to check, and the test lane for room; read by the scheduler. */
        @WithDefault("2s")
        Duration interval();

        /**
         * Campaign requests let into the test lane per round, and only when no test request waits there: a
         * requester's own test request waits behind at most this many of them.
         */
        @WithDefault("1")
        int releaseBatch();

        /** How long a replica copying a campaign backup keeps it from the others. */
        @WithDefault("PT30M")
        Duration prepareLease();
    }

    interface Outbox {
        /** Events published per relay round. */
        @WithDefault("100")
        int batchSize();
    }
}
