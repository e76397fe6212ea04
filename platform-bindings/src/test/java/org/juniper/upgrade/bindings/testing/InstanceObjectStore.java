package org.juniper.upgrade.bindings.testing;

import java.time.Duration;
import java.util.Optional;
import org.juniper.upgrade.bindings.objectstore.ObjectStoreConfig;

/**
 * The object store of the platform instance the tests run on, as {@code ./platform test} exports it, for tests that
 * use the store without a Quarkus application around them.
 */
public record InstanceObjectStore(int partSize, Optional<String> publicEndpoint) implements ObjectStoreConfig {

    public InstanceObjectStore(int partSize) {
        this(partSize, Optional.empty());
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the tests through './platform test', which "
                    + "starts their infrastructure and exports its addresses");
        }
        return value;
    }

    @Override
    public String endpoint() {
        return env("JUNIPER_OBJECT_STORE_ENDPOINT");
    }

    @Override
    public String accessKey() {
        return env("JUNIPER_OBJECT_STORE_ACCESS_KEY");
    }

    @Override
    public String secretKey() {
        return env("JUNIPER_OBJECT_STORE_SECRET_KEY");
    }

    @Override
    public String bucket() {
        return env("JUNIPER_OBJECT_STORE_BUCKET");
    }

    @Override
    public String region() {
        return "us-east-1";
    }

    @Override
    public Duration publicUrlValidity() {
        return Duration.ofMinutes(15);
    }

    @Override
    public int parallelUploads() {
        return 2;
    }
}
