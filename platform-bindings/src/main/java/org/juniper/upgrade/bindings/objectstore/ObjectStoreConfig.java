package org.juniper.upgrade.bindings.objectstore;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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

    /** Multipart part size; an upload holds at most this times {@link #parallelUploads()} in memory. */
    @WithDefault("8388608")
    int partSize();

    /** Parts sent at once: the S3 server works on them in parallel while the next one is read. */
    @WithDefault("2")
    int parallelUploads();
}
