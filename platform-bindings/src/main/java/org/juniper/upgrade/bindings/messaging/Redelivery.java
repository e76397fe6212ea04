package org.juniper.upgrade.bindings.messaging;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;
import org.juniper.upgrade.events.MalformedEventException;

/**
 * Handles an event again after a passing failure (object store, database or broker briefly away) instead of
 * sending it to the dead-letter topic at the first error. A malformed event is never retried.
 */
public final class Redelivery {
    private static final Logger LOG = Logger.getLogger(Redelivery.class);
    /**
     * How long a consumer keeps trying one event; the channels' unprocessed-record-max-age (15 min) stays above it, so
     * a record being retried is not taken for a stuck consumer.
     */
    private static final Duration PATIENCE = Duration.ofMinutes(10);
    /**
     * For a consumer that owns what it records: an event it cannot apply because its own database is away waits, with
     * its partition, until the database is back, rather than being given up on.
     */
    public static final Duration UNTIL_IT_WORKS = ChronoUnit.FOREVER.getDuration();
    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_DELAY = Duration.ofSeconds(30);

    /** Work on one event. */
    @FunctionalInterface
    public interface Handler {
        void handle() throws Exception;
    }

    private Redelivery() {
    }

    /** Runs {@code handler} until it succeeds or {@link #PATIENCE} has passed, then lets the last failure through. */
    public static void untilDone(String what, Handler handler) throws Exception {
        untilDone(what, PATIENCE, handler);
    }

    /** Runs {@code handler} until it succeeds or {@code patience} has passed, then lets the last failure through. */
    public static void untilDone(String what, Duration patience, Handler handler) throws Exception {
        long start = System.nanoTime();
        Duration delay = FIRST_DELAY;
        while (true) {
            try {
                handler.handle();
                return;
            } catch (MalformedEventException e) {
                throw e;
            } catch (Exception e) {
                if (Duration.ofNanos(System.nanoTime() - start).plus(delay).compareTo(patience) > 0) {
                    throw e;
                }
                LOG.warnf("%s failed (%s); trying again in %d s", what, e, delay.toSeconds());
                Thread.sleep(delay.toMillis());
                delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
            }
        }
    }
}
