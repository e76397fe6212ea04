package org.juniper.upgrade.intake.campaign.service;

import java.util.List;

/** What operations ask for: a test upgrade of each hosted database's latest backup, already in the object store. */
public record NewCampaign(String targetVersion, List<Database> databases) {

    /** @param backupKey the object-store key of the database's latest backup */
    public record Database(String contract, String email, String database, String backupKey) {
    }
}
