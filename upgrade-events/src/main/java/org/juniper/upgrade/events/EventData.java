package org.juniper.upgrade.events;

/**
 * The data of a platform event; every event belongs to exactly one upgrade request and one of its attempts (each start
 * or retry of the request is an attempt with its own id), so that the outcome of a late or duplicate run is told apart
 * from the current one's.
 */
public sealed interface EventData
        permits UpgradeRequested, UpgradeProgress, DumpUpgraded, Neutralized, ReportReady, UpgradeFailed,
        UpgradeCompleted, RunStopped, RequestFailed {
    String requestId();

    String attempt();
}
