package org.juniper.sample;

/**
 * SplitMix64, written out so that a seed gives the same sample on every Java version. Each record draws from its
 * own stream, derived from the seed, a stream number and its index, so any table can recompute any record without
 * keeping it in memory.
 */
final class Rng {
    private long state;

    private Rng(long state) {
        this.state = state;
    }

    static Rng of(long seed, int stream, long index) {
        return new Rng(mix(seed ^ mix(stream * 0x9E3779B97F4A7C15L + index)));
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in {@code [0, bound)}. */
    int below(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in {@code [low, high]}. */
    int between(int low, int high) {
        return low + below(high - low + 1);
    }

    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    <T> T pick(T[] items) {
        return items[below(items.length)];
    }

    String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + below(10)));
        }
        return out.toString();
    }

    String hex(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(Character.forDigit(below(16), 16));
        }
        return out.toString();
    }

    /** A random (version 4) UUID, as the ERP uses for access tokens and database identities. */
    String uuid() {
        String hex = hex(32);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-a"
                + hex.substring(17, 20) + "-" + hex.substring(20);
    }

    String alphanumeric(int count) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(alphabet.charAt(below(alphabet.length())));
        }
        return out.toString();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
