package org.juniper.upgrade.fuzz;

import java.util.List;

/**
 * The real state the mutations aim at, made through the API before the run: a contract and its project, a branch
 * credential, and requests in several states with their secrets. {@code tag} keeps the names of one run apart from
 * those of runs before it on the same platform.
 */
record Fixtures(String authority, String opsToken, String contract, String project, String branchCredential,
        List<Request> requests, byte[] backup, String tag) {

    /** A request the run created, with the state it was left in. */
    record Request(String id, String secret, String label) {
    }

    String email() {
        return "fuzz-" + tag + "@fuzz.example";
    }
}
