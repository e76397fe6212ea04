package org.juniper.upgrade.archive.psql;

/** A dump that PostgreSQL refused to restore; the message ends with psql's last errors. */
public class RestoreFailedException extends Exception {
    public RestoreFailedException(String message) {
        super(message);
    }
}
