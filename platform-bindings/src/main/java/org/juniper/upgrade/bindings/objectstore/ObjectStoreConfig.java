package org.juniper.upgrade.bindings.objectstore;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where the platform's bucket lives; any S3 API server will do. Defaults are the local embedded platform's. */
@ConfigMapping(prefix = "juniper.object-store")
public interface ObjectStoreConfig {
    @WithDefault("http://127.0.0.1:15490")
    String endpoint();

    @WithDefault("juniper")
    String accessKey();

    @WithDefault("juniper-secret")
    String secretKey();

    @WithDefault("juniper-upgrades")
    String bucket();

    @WithDefault("us-east-1")
    String region();

    /**
     * The store's address as requesters' clients reach it (an ingress in front of the S3 API). When set, archives are
     * downloaded from it directly through short-lived signed URLs, at the store's own speed; unset, intake streams
     * them, and no address of the store leaves the platform.
     */
    Optional<String> publicEndpoint();

    /** How long a signed download URL works: long enough to start a download, not to be shared. */
    @WithDefault("PT15M")
    Duration publicUrlValidity();

    /** Multipart part size; an upload holds at most this times {@link #parallelUploads()} in memory. */
    @WithDefault("8388608")
    int partSize();

    /** Parts sent at once: the S3 server works on them in parallel while the next one is read. */
    @WithDefault("2")
    int parallelUploads();
}
