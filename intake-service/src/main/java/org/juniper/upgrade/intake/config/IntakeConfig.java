package org.juniper.upgrade.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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

    /** How long a presigned download URL stays valid. */
    @WithDefault("PT10M")
    Duration downloadLinkValidity();

    /** How long the artifacts of a finished request are kept before they are purged and the request archived. */
    @WithDefault("P30D")
    Duration artifactRetention();

    /** The upgrade CLI's runnable jar, served with its launcher at /upgrade; the launcher is read from the jar. */
    Optional<Path> cliJar();

    Outbox outbox();

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
