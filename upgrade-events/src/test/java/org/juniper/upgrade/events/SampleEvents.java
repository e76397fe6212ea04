package org.juniper.upgrade.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

final class SampleEvents {
    static final String ID = "3f2b6c1e-8a4d-4e57-9a0c-1d2e3f405162";
    static final String ATTEMPT = "9c1d2e3f-4a5b-4c6d-8e7f-a0b1c2d3e4f5";
    static final Instant AT = Instant.parse("2026-11-21T10:15:30Z");
    static final StoredObject OBJECT = new StoredObject("requests/" + ID + "/upgraded.zip", "a".repeat(64), 1234);

    static List<EventData> oneOfEach() {
        return List.of(
                new UpgradeRequested(ID, "acme", "14.0", "17.0", Purpose.TEST, 0, "ops@acme.test",
                        new StoredObject("requests/" + ID + "/backup.zip", "b".repeat(64), 99), "zip", AT, null, null, ATTEMPT),
                new UpgradeProgress(ID, "restore", "restored 12 tables", AT, ATTEMPT),
                new DumpUpgraded(ID, Purpose.TEST, "14.0", "17.0", OBJECT, "requests/" + ID + "/facts.json",
                        "requests/" + ID + "/upgrade.log", Map.of("restore", 1200L, "dump", 300L), ATTEMPT),
                new Neutralized(ID, OBJECT, List.of(new Neutralized.Action("base", "crons-off", 12L)), ATTEMPT),
                new ReportReady(ID, "requests/" + ID + "/upgrade-report.html", "requests/" + ID + "/upgrade-report.json",
                        new ReportReady.Summary(12, 340, 0, 1), ATTEMPT),
                new UpgradeFailed(ID, "restore", FailureReason.RESTORE_FAILED.code(), "the dump does not restore", AT,
                        ATTEMPT),
                new UpgradeCompleted(ID, "acme", "14.0", "17.0", Purpose.TEST, OBJECT,
                        "requests/" + ID + "/upgrade-report.html", "requests/" + ID + "/upgrade-report.json",
                        "/api/v1/requests/" + ID + "/download", AT, ATTEMPT),
                new RunStopped(ID, ATTEMPT, "operations", "the database was migrated by hand", AT),
                new RequestFailed(ID, "acme", "upgrade", FailureReason.PLATFORM_OBJECT_STORE.code(),
                        "the object store was away", AT, ATTEMPT),
                withScripts());
    }

    /** A request that brings its own upgrade scripts. */
    static UpgradeRequested withScripts() {
        return new UpgradeRequested(ID, "acme", "15.0", "17.0", Purpose.PRODUCTION, 10, "ops@acme.test",
                new StoredObject("requests/" + ID + "/backup", "b".repeat(64), 99), "zip", AT, null,
                new StoredObject(ArtifactKeys.of(ID).customScripts(), "c".repeat(64), 512), ATTEMPT);
    }

    private SampleEvents() {
    }
}
