package org.juniper.erp;

import java.util.Locale;

/**
 * When an upgrade script runs within a version hop, as in Odoo: {@code pre} before its module is upgraded,
 * {@code post} after it, {@code end} once every module is upgraded. Scripts are named after their phase:
 * {@code pre-10-rename-columns.sql} (see {@link ScriptPath}).
 */
public enum Phase {
    PRE, POST, END;

    /** The file name prefix of this phase's scripts, e.g. {@code pre}. */
    public String prefix() {
        return name().toLowerCase(Locale.ROOT);
    }
}
