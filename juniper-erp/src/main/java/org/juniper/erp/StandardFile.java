package org.juniper.erp;

import org.juniper.upgrade.archive.Sha1;

/**
 * A file that a module installs at a version, such as an image its standard data attaches: the ERP keeps it in the
 * filestore, and the module's {@code ir_attachment} row points at it by checksum.
 *
 * @param version the version whose hop adds it
 * @param name its file name in the pack, e.g. {@code website_logo.svg}
 */
public record StandardFile(String version, String module, String name, byte[] content) {
    /** The content's SHA-1, which the attachment row records as its checksum. */
    public String sha1() {
        return Sha1.of(content);
    }

    /** Where the filestore keeps it, as the attachment row's {@code store_fname}: {@code <2 hex>/<sha1>}. */
    public String storeName() {
        String sha1 = sha1();
        return sha1.substring(0, 2) + "/" + sha1;
    }
}
