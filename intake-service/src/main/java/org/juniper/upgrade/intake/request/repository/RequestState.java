package org.juniper.upgrade.intake.request.repository;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The states of the Odoo upgrade client, so that people who know it feel at home. */
public enum RequestState {
    /** Created, waiting for the backup. */
    NEW,
    /** Backup stored and checked, queued. */
    PENDING,
    PROGRESS,
    DONE,
    FAILED,
    CANCELLED,
    /** Artifacts expired and purged. */
    ARCHIVED;

    public boolean isTerminal() {
        return this == DONE || this == FAILED || this == CANCELLED || this == ARCHIVED;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
