package org.juniper.upgrade.archive;

/** SHA-256 (lower-case hex) and size in bytes of a written or read stream. */
public record Checksum(String sha256, long size) {
}
