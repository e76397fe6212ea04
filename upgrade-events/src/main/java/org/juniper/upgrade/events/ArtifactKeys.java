package org.juniper.upgrade.events;

/**
 * Object keys of one request in the platform's bucket. What the requester sent is kept per request; what a run
 * produces is kept per attempt, so that a late run of an earlier attempt never overwrites, nor is served as, the
 * current one's output, while a redelivered run of the same attempt finds its own output.
 */
public record ArtifactKeys(String requestId) {

    public static ArtifactKeys of(String requestId) {
        if (requestId == null || !requestId.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("not a request id: " + requestId);
        }
        return new ArtifactKeys(requestId);
    }

    public String prefix() {
        return "requests/" + requestId + "/";
    }

    public String backup() {
        return prefix() + "backup";
    }

    /** The requester's own upgrade scripts, a zip laid out as the pack's; a new upload replaces it. */
    public String customScripts() {
        return prefix() + "custom-scripts.zip";
    }

    /** The keys of one attempt's run. */
    public AttemptKeys attempt(String attempt) {
        if (attempt == null || !attempt.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("not an attempt id: " + attempt);
        }
        return new AttemptKeys(prefix() + "attempts/" + attempt + "/");
    }

    /** What one attempt's run produced, under {@code requests/<id>/attempts/<attempt>/}. */
    public record AttemptKeys(String prefix) {
        public String upgraded() {
            return prefix + "upgraded.zip";
        }

        public String neutralized() {
            return prefix + "test.zip";
        }

        /** The actions of the test archive with their row counts, written before the archive itself. */
        public String neutralizationActions() {
            return prefix + "neutralization.json";
        }

        public String reportHtml() {
            return prefix + "upgrade-report.html";
        }

        public String reportJson() {
            return prefix + "upgrade-report.json";
        }

        public String log() {
            return prefix + "upgrade.log";
        }

        public String facts() {
            return prefix + "facts.json";
        }
    }
}
