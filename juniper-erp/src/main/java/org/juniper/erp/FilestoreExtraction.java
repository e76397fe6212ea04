package org.juniper.erp;

/**
 * How to move attachments from the database to the filestore, which the upgrade engine does once the last hop is
 * done (scripts cannot write files). The engine streams {@code select} (columns {@code id} and {@code db_datas}),
 * writes each content to {@code filestore/<sha1[0:2]>/<sha1>} unless a file with that name is already there, and
 * runs {@code markStored} with the parameters store name ({@code <sha1[0:2]>/<sha1>}), SHA-1 (hex), size in bytes and
 * id. It commits once every file is written, so that no row loses its bytes before its file exists.
 */
public record FilestoreExtraction(String select, String markStored) {
}
