package org.juniper.upgrade.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a database is upgraded: a neutralized test copy, or the real thing. */
public enum Purpose {
    TEST, PRODUCTION;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Purpose ofCode(String code) {
        for (Purpose p : values()) {
            if (p.code().equals(code)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown purpose '" + code + "': expected 'test' or 'production'");
    }
}
