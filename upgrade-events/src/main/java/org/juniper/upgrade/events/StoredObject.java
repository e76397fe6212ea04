package org.juniper.upgrade.events;

/** An immutable object in the platform's bucket, identified by key and checksum. */
public record StoredObject(String key, String sha256, long size) {
}
