package org.juniper.upgrade.report.model;

/**
 * The records of one table before and after the upgrade. A table the upgrade renamed is one row, under its new name
 * with its former one, so that a rename reads as what it is and not as a table lost and another one added.
 *
 * @param formerName the table's name before the upgrade when it was renamed, else null
 * @param rowsAfter -1 when the table is gone
 */
public record TableIntegrity(String table, String formerName, long rowsBefore, long rowsAfter) {

    public boolean gone() {
        return rowsAfter < 0;
    }

    public boolean added() {
        return rowsBefore == 0 && rowsAfter > 0 && formerName == null;
    }

    public boolean differs() {
        return rowsBefore != rowsAfter;
    }
}
