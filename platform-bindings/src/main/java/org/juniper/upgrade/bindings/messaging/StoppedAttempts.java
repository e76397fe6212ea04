package org.juniper.upgrade.bindings.messaging;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.juniper.upgrade.events.RunStopped;

/**
 * The attempts stopped lately, as this instance heard of them on {@code upgrade.stopped}: a part looks before it starts
 * work on an attempt, while it writes, and before it announces the outcome, and drops a stopped one. Each instance
 * reads every stop (a consumer group of its own, from the topic's start), so one that starts after a stop knows it too.
 * A service that needs it sets {@code juniper.stops.enabled=true} and configures the {@code stops} channel on that
 * topic without a group id.
 */
@ApplicationScoped
@IfBuildProperty(name = "juniper.stops.enabled", stringValue = "true")
public class StoppedAttempts {
    /** Far longer than any part works on one attempt. */
    private static final Duration KEPT = Duration.ofDays(1);

    private final Map<String, Instant> stopped = new ConcurrentHashMap<>();

    @Incoming("stops")
    public void onStop(ConsumerRecord<String, String> record) {
        stopped(KafkaEvents.data(record, RunStopped.class));
    }

    void stopped(RunStopped stop) {
        Instant forgotten = Instant.now().minus(KEPT);
        if (stop.at().isAfter(forgotten)) {
            stopped.put(stop.attempt(), stop.at());
        }
        stopped.values().removeIf(at -> at.isBefore(forgotten));
    }

    public boolean isStopped(String attempt) {
        return attempt != null && stopped.containsKey(attempt);
    }

    /** Throws when the attempt was stopped, so that the work on it ends where it stands. */
    public void requireRunning(String requestId, String attempt) throws AttemptStoppedException {
        if (isStopped(attempt)) {
            throw new AttemptStoppedException(requestId, attempt);
        }
    }

    /** The attempt a part works on was stopped by operations or its requester. */
    public static final class AttemptStoppedException extends java.io.IOException {
        public AttemptStoppedException(String requestId, String attempt) {
            super("attempt " + attempt + " of request " + requestId + " was stopped");
        }
    }
}
