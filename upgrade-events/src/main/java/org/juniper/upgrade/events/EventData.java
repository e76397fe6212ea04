package org.juniper.upgrade.events;

/** The data of a platform event; every event belongs to exactly one upgrade request. */
public sealed interface EventData
        permits UpgradeRequested, UpgradeProgress, DumpUpgraded, Neutralized, ReportReady, UpgradeFailed,
        UpgradeCompleted {
    String requestId();
}
