package org.juniper.upgrade.worker.service;

import static org.juniper.upgrade.events.FailureReason.PLATFORM_BROKER;
import static org.juniper.upgrade.events.FailureReason.PLATFORM_OBJECT_STORE;
import static org.juniper.upgrade.events.FailureReason.PLATFORM_SCRATCH_DATABASE;
import static org.juniper.upgrade.events.FailureReason.PLATFORM_WORKER;
import static org.juniper.upgrade.events.FailureReason.PLATFORM_WORK_DISK;
import static org.juniper.upgrade.events.FailureReason.RESTORE_FAILED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import org.apache.kafka.common.errors.TimeoutException;
import org.juniper.upgrade.bindings.objectstore.ObjectStoreException;
import org.juniper.upgrade.worker.scratch.ScratchFailure;
import org.junit.jupiter.api.Test;

/** Which part of the platform a failure blames, so that none of them is reported as the customer's backup. */
class PlatformFaultTest {

    @Test
    void eachPartOfThePlatformIsNamedByItsOwnReason() {
        assertEquals(PLATFORM_OBJECT_STORE, PlatformFault.of(new RuntimeException("upload",
                new ObjectStoreException("could not store requests/x", new IOException("reset")))).reason());
        assertEquals(PLATFORM_BROKER, PlatformFault.of(new IllegalStateException(new TimeoutException("acks")))
                .reason());
        assertEquals(PLATFORM_SCRATCH_DATABASE, PlatformFault.of(new SQLException("terminating connection due "
                + "to administrator command", "57P01")).reason());
        assertEquals(PLATFORM_SCRATCH_DATABASE, PlatformFault.of(new SQLException("could not extend file",
                "53100")).reason());
        assertEquals(PLATFORM_SCRATCH_DATABASE, PlatformFault.of(new SQLException("I/O error", "08006")).reason());
        assertEquals(PLATFORM_WORK_DISK, PlatformFault.of(new UncheckedIOException(new IOException(
                "No space left on device"))).reason());
        assertEquals(PLATFORM_WORKER, PlatformFault.of(new NullPointerException()).reason());
    }

    @Test
    void whatPsqlSaysOfAnEndedSessionIsTheClustersFaultNotTheDumps() {
        ScratchFailure ended = new ScratchFailure(RESTORE_FAILED, "the dump does not restore: psql: FATAL:  "
                + "terminating connection due to administrator command | server closed the connection unexpectedly");
        assertTrue(PlatformFault.isToolMessage(ended.getMessage()));
        assertEquals(PLATFORM_SCRATCH_DATABASE, PlatformFault.of(ended).reason());
        assertTrue(PlatformFault.of(ended).customerMessage().contains("not of your backup"));

        assertTrue(!PlatformFault.isToolMessage("ERROR:  permission denied for function pg_read_file"));
    }

    @Test
    void aStatementTimeoutIsTheSqlsNotTheClusters() {
        assertTrue(!PlatformFault.scratchState("57014"), "canceling statement due to statement timeout");
        assertTrue(PlatformFault.scratchState("57P01"));
    }
}
