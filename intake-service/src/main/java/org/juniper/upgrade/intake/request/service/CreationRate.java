package org.juniper.upgrade.intake.request.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.juniper.upgrade.intake.config.IntakeConfig;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;

/**
 * How many requests a client address may create: a bucket per address that refills at the configured rate per
 * minute. Every attempt takes from it, refused or not, so that probing contract codes costs as much as creating.
 */
@ApplicationScoped
public class CreationRate {
    /** Addresses remembered at most; beyond, full buckets are forgotten (they hold nothing). */
    private static final int ADDRESSES = 10_000;
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    private final int perMinute;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    CreationRate(IntakeConfig config) {
        this.perMinute = config.creationsPerMinute();
    }

    private final class Bucket {
        private double tokens = perMinute;
        private long at = System.nanoTime();

        /** Takes one; returns 0, or the nanoseconds until one is there. */
        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens--;
                return 0;
            }
            return (long) ((1 - tokens) * MINUTE / perMinute);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= perMinute;
        }

        private void refill(long now) {
            tokens = Math.min(perMinute, tokens + (double) (now - at) * perMinute / MINUTE);
            at = now;
        }
    }

    /** Counts a creation by {@code client}; refuses it with 429 beyond the rate. */
    public void take(String client) {
        long now = System.nanoTime();
        if (buckets.size() > ADDRESSES) {
            buckets.values().removeIf(b -> b.isFull(now));
        }
        long wait = buckets.computeIfAbsent(client, c -> new Bucket()).take(now);
        if (wait > 0) {
            Duration retry = Duration.ofNanos(wait).plusSeconds(1);
            throw new RequestRefusedException(429, new Failure("REQUEST:RATE_LIMITED", "more than " + perMinute
                    + " requests a minute were created from this address", "wait " + retry.toSeconds()
                    + " s (Retry-After) before creating another request"), retry);
        }
    }
}
