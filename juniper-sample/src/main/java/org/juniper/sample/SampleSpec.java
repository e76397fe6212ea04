package org.juniper.sample;

/**
 * What sample database to generate.
 *
 * @param databaseName the name recorded in the manifest; the customer's company and domains derive from it
 * @param version the Juniper major version of the sample, e.g. {@code 14.0}
 * @param scale 1 is a mid-size customer (150,000 partners, 90,000 sale orders, a database of about 1 GB); counts
 *              grow linearly with it, and 0.01 is a small test sample
 * @param seed the same seed gives the same backup: the same dump, manifest and filestore bytes (the zip entries'
 *             timestamps aside)
 * @param customModule whether the customer has its own module ({@link CustomModule}), unknown to the pack
 */
public record SampleSpec(String databaseName, String version, double scale, long seed, boolean customModule) {
    public SampleSpec(String databaseName, String version, double scale, long seed) {
        this(databaseName, version, scale, seed, false);
    }


    public SampleSpec {
        if (databaseName == null || !databaseName.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}")) {
            throw new IllegalArgumentException("database name must be 1 to 63 letters, digits, '_', '.' or '-', "
                    + "starting with a letter or digit: " + databaseName);
        }
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("a Juniper version is required, e.g. 14.0");
        }
        if (!(scale > 0) || scale > 100) {
            throw new IllegalArgumentException("scale must be above 0 and at most 100: " + scale);
        }
    }
}
