package org.juniper.upgrade.bindings.objectstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.minio.AbortMultipartUploadArgs;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.CompleteMultipartUploadArgs;
import io.minio.CreateMultipartUploadArgs;
import io.minio.MinioAsyncClient;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import io.minio.messages.Part;
import io.minio.PutObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.juniper.upgrade.archive.Sha256;
import org.juniper.upgrade.events.CloudEvents;
import org.juniper.upgrade.events.StoredObject;

/**
 * The platform's bucket. An artifact is complete once its checksum record ({@code <key>.sha256.json}) exists: it is
 * written last, so a crash mid-upload leaves no artifact that looks finished, and a retry simply writes it again.
 * Every failure of the store is an {@link ObjectStoreException}: the client reports a store it cannot reach as an
 * {@link IllegalStateException}, which would otherwise pass for a fault of whoever called.
 */
@ApplicationScoped
public class ArtifactStore {
    private static final String CHECKSUM_SUFFIX = ".sha256.json";

    private final ObjectStoreConfig config;
    private final MinioClient client;
    /** Signs URLs for the store's public address; signing is local, so it never connects there. */
    private final Optional<MinioClient> publicSigner;
    /** The multipart primitives, for uploads that span several HTTP requests. */
    private final MinioAsyncClient parts;
    /** Sends parts to presigned URLs; the uploads bound how many are in flight. */
    private final ExecutorService partSenders = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "object-store-part");
        thread.setDaemon(true);
        return thread;
    });

    public ArtifactStore(ObjectStoreConfig config) {
        this.config = config;
        this.client = MinioClient.builder()
                .endpoint(config.endpoint())
                .region(config.region())
                .credentials(config.accessKey(), config.secretKey())
                .build();
        this.publicSigner = config.publicEndpoint().map(endpoint -> MinioClient.builder()
                .endpoint(endpoint)
                .region(config.region())
                .credentials(config.accessKey(), config.secretKey())
                .build());
        this.parts = MinioAsyncClient.builder()
                .endpoint(config.endpoint())
                .region(config.region())
                .credentials(config.accessKey(), config.secretKey())
                .build();
    }

    /** Streams {@code content} to {@code key} and records its checksum: see {@link #upload}. */
    public StoredObject put(String key, InputStream content, String contentType) {
        try (Upload upload = upload(key, contentType)) {
            content.transferTo(upload);
            StoredObject stored = upload.complete();
            recordChecksum(stored);
            return stored;
        } catch (IOException e) {
            throw new ObjectStoreException("could not store " + key, e);
        }
    }

    /**
     * An object written as a stream, for content that is produced rather than read: it travels to the store while
     * it is written, in parts of fixed size held in buffers of our own and reused, so that producing and sending
     * overlap. Memory: part size times parallel uploads, whatever the size of the object. {@link Upload#complete}
     * makes the object; its checksum record is the caller's to write, once whatever must precede it is stored.
     * Closing an upload that was not completed discards it.
     */
    public Upload upload(String key, String contentType) {
        return new Upload(key, contentType);
    }

    public final class Upload extends OutputStream {
        private final String key;
        private final String contentType;
        private final Sha256 sha = new Sha256();
        private final byte[][] buffers = new byte[Math.max(1, config.parallelUploads())][];
        private final List<CompletableFuture<Part>> inFlight = new ArrayList<>();
        private final List<Part> uploaded = new ArrayList<>();
        private byte[] buffer;
        private int filled;
        private String uploadId;
        private boolean completed;

        private Upload(String key, String contentType) {
            this.key = key;
            this.contentType = contentType;
            this.buffer = buffers[0] = new byte[config.partSize()];
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            sha.update(b, off, len);
            while (len > 0) {
                int n = Math.min(len, buffer.length - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
                if (filled == buffer.length) {
                    sendPart();
                }
            }
        }

        private void sendPart() {
            if (uploadId == null) {
                uploadId = await("start an upload of " + key, parts.createMultipartUpload(CreateMultipartUploadArgs
                        .builder().bucket(config.bucket()).object(key)
                        .headers(new Http.Headers(Map.of(Http.Headers.CONTENT_TYPE, contentType))).build()))
                        .result().uploadId();
            }
            int number = inFlight.size() + 1;
            inFlight.add(presignedPart(key, uploadId, number, buffer, filled));
            int slot = number % buffers.length;
            if (number >= buffers.length) {
                // the part that used the next buffer must be in the store before the buffer is filled again
                uploaded.add(await("store a part of " + key, inFlight.get(number - buffers.length)));
            }
            buffer = buffers[slot] != null ? buffers[slot] : (buffers[slot] = new byte[config.partSize()]);
            filled = 0;
        }

        /** Makes the object of everything written; a content smaller than a part goes in one plain request. */
        public StoredObject complete() {
            try {
                if (uploadId == null) {
                    client.putObject(PutObjectArgs.builder().bucket(config.bucket()).object(key)
                            .stream(new ByteArrayInputStream(buffer, 0, filled), (long) filled, null)
                            .contentType(contentType).build());
                } else {
                    if (filled > 0) {
                        sendPart();
                    }
                    for (int i = uploaded.size(); i < inFlight.size(); i++) {
                        uploaded.add(await("store a part of " + key, inFlight.get(i)));
                    }
                    completeMultipart(key, uploadId, uploaded);
                }
            } catch (MinioException | IllegalStateException e) {
                throw new ObjectStoreException("could not store " + key, e);
            }
            completed = true;
            return new StoredObject(key, sha.hex(), sha.size());
        }

        @Override
        public void close() {
            if (!completed && uploadId != null) {
                inFlight.forEach(part -> part.cancel(true));
                parts.abortMultipartUpload(AbortMultipartUploadArgs.builder().bucket(config.bucket()).object(key)
                        .uploadId(uploadId).build());
            }
        }
    }

    /** Marks an object complete with its checksum; written last, after the object itself. */
    public void recordChecksum(StoredObject stored) {
        byte[] record = CloudEvents.toJson(stored).getBytes(StandardCharsets.UTF_8);
        try {
            client.putObject(PutObjectArgs.builder().bucket(config.bucket()).object(stored.key() + CHECKSUM_SUFFIX)
                    .stream(new ByteArrayInputStream(record), (long) record.length, null)
                    .contentType("application/json").build());
        } catch (MinioException | IllegalStateException e) {
            throw new ObjectStoreException("could not record the checksum of " + stored.key(), e);
        }
    }

    /** Starts an upload whose parts arrive over time, possibly over several connections. */
    public String startMultipart(String key) {
        return await("start an upload of " + key, parts.createMultipartUpload(CreateMultipartUploadArgs.builder()
                .bucket(config.bucket()).object(key).build())).result().uploadId();
    }

    /** Stores one part (all but the last at least 5 MiB, as S3 requires); returns its ETag. */
    public String uploadPart(String key, String uploadId, int partNumber, byte[] data, int length) {
        return await("store part " + partNumber + " of " + key, presignedPart(key, uploadId, partNumber, data, length))
                .etag();
    }

    /**
     * A URL at the store's public address that downloads {@code key} as {@code filename} for a short while, when the
     * store has one; the store answers it with {@code Range} and {@code ETag} as for any GET.
     */
    public Optional<URI> publicDownload(String key, String filename, String contentType) {
        if (publicSigner.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(publicSigner.get().getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .method(Http.Method.GET).bucket(config.bucket()).object(key)
                    .extraQueryParams(Map.of("response-content-disposition", "attachment; filename=\"" + filename
                            + "\"", "response-content-type", contentType))
                    .expiry((int) config.publicUrlValidity().toSeconds(), TimeUnit.SECONDS).build())));
        } catch (MinioException e) {
            throw new ObjectStoreException("could not sign a download of " + key, e);
        }
    }

    /**
     * Sends one part through a presigned URL. A signed request would carry the part's sha256, which the client
     * computes and the server verifies, over plain HTTP: two passes over every byte that the platform's own sha256
     * of the whole object and the server's ETag already cover. The part goes from its buffer straight to the
     * socket, without copies that would make garbage in proportion to the upload.
     */
    private CompletableFuture<Part> presignedPart(String key, String uploadId, int partNumber, byte[] data,
            int length) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                URL url = URI.create(client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                        .method(Http.Method.PUT).bucket(config.bucket()).object(key)
                        .extraQueryParams(Map.of("uploadId", uploadId, "partNumber", String.valueOf(partNumber)))
                        .expiry(1, TimeUnit.HOURS).build())).toURL();
                HttpURLConnection connection = (HttpURLConnection) url.openConnection();
                connection.setRequestMethod("PUT");
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(length);
                connection.setConnectTimeout((int) Duration.ofSeconds(10).toMillis());
                connection.setReadTimeout((int) Duration.ofMinutes(5).toMillis());
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(data, 0, length);
                }
                int status = connection.getResponseCode();
                String etag = connection.getHeaderField("ETag");
                // read to the end, so that the connection is kept for the next part
                try (InputStream answer = status < 300 ? connection.getInputStream() : connection.getErrorStream()) {
                    String text = answer == null ? "" : new String(answer.readAllBytes(), StandardCharsets.UTF_8);
                    if (status >= 300 || etag == null) {
                        throw new ObjectStoreException("the object store refused part " + partNumber + " of " + key
                                + " (" + status + "): " + text, null);
                    }
                }
                return new Part(partNumber, etag.replace("\"", ""));
            } catch (MinioException | IOException | IllegalStateException e) {
                throw new ObjectStoreException("could not store part " + partNumber + " of " + key, e);
            }
        }, partSenders);
    }

    /** Joins the parts, in order, into the object; its checksum is recorded separately, once verified. */
    public void completeMultipart(String key, String uploadId, List<Part> uploaded) {
        await("complete the upload of " + key, parts.completeMultipartUpload(CompleteMultipartUploadArgs.builder()
                .bucket(config.bucket()).object(key).uploadId(uploadId).parts(uploaded.toArray(new Part[0])).build()));
    }

    /** Drops an upload that will never complete, with the parts the store kept of it. */
    public void abortMultipart(String key, String uploadId) {
        await("abort the upload of " + key, parts.abortMultipartUpload(AbortMultipartUploadArgs.builder()
                .bucket(config.bucket()).object(key).uploadId(uploadId).build()));
    }

    private static <T> T await(String what, java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ObjectStoreException("interrupted while trying to " + what, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new ObjectStoreException("could not " + what, e.getCause());
        }
    }

    public StoredObject put(String key, byte[] content, String contentType) {
        return put(key, new ByteArrayInputStream(content), contentType);
    }

    /** The complete artifact at {@code key}, if one was written. */
    public Optional<StoredObject> find(String key) {
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(config.bucket())
                .object(key + CHECKSUM_SUFFIX).build())) {
            return Optional.of(CloudEvents.json().readValue(in, StoredObject.class));
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                return Optional.empty();
            }
            throw new ObjectStoreException("could not look up " + key, e);
        } catch (JsonProcessingException e) {
            throw new ObjectStoreException("the checksum record of " + key + " is damaged", e);
        } catch (MinioException | IOException | IllegalStateException e) {
            throw new ObjectStoreException("could not look up " + key, e);
        }
    }

    /** Whether any object is at {@code key}, complete or not: for objects others wrote, without a checksum record. */
    public boolean exists(String key) {
        try {
            client.statObject(StatObjectArgs.builder().bucket(config.bucket()).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                return false;
            }
            throw new ObjectStoreException("could not look up " + key, e);
        } catch (MinioException | IllegalStateException e) {
            throw new ObjectStoreException("could not look up " + key, e);
        }
    }

    /**
     * Reads an object from {@code offset} on; the caller closes the stream. A dropped connection is resumed where
     * the reader is ({@link ResumingObjectStream}).
     *
     * @throws MissingArtifactException when there is no such object
     */
    public InputStream open(String key, long offset) {
        GetObjectResponse first = get(key, offset, null);
        String length = first.headers().get("Content-Length");
        return new ResumingObjectStream(key, first, offset, length == null ? Long.MAX_VALUE : Long.parseLong(length),
                first.headers().get("ETag"), (at, etag) -> {
                    GetObjectResponse rest = get(key, at, etag);
                    // a store that ignores If-Match still never mixes two versions of the object
                    if (!etag.equals(rest.headers().get("ETag"))) {
                        closeQuietly(rest);
                        throw new ObjectStoreException(key + " changed while it was read", null);
                    }
                    return rest;
                });
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing more to read from it
        }
    }

    private GetObjectResponse get(String key, long offset, String etag) {
        try {
            GetObjectArgs.Builder args = GetObjectArgs.builder().bucket(config.bucket()).object(key);
            if (offset > 0) {
                args.offset(offset);
            }
            if (etag != null) {
                args.matchETag(etag);
            }
            return client.getObject(args.build());
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                throw new MissingArtifactException(key);
            }
            throw new ObjectStoreException("could not read " + key, e);
        } catch (MinioException | IllegalStateException e) {
            throw new ObjectStoreException("could not read " + key, e);
        }
    }

    public InputStream open(String key) {
        return open(key, 0);
    }

    public byte[] readAllBytes(String key) {
        try (InputStream in = open(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + key, e);
        }
    }

    /** Deletes every object under {@code prefix}; returns how many there were. */
    public int deleteAll(String prefix) {
        int deleted = 0;
        try {
            for (Result<Item> listed : client.listObjects(ListObjectsArgs.builder().bucket(config.bucket())
                    .prefix(prefix).recursive(true).build())) {
                client.removeObject(RemoveObjectArgs.builder().bucket(config.bucket()).object(listed.get().objectName())
                        .build());
                deleted++;
            }
        } catch (MinioException | IllegalStateException e) {
            throw new ObjectStoreException("could not delete the objects under " + prefix, e);
        }
        return deleted;
    }

    /** Fails unless the bucket answers. */
    public void ping() {
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build())) {
                throw new ObjectStoreException("bucket " + config.bucket() + " does not exist", null);
            }
        } catch (MinioException | IllegalStateException e) {
            throw new ObjectStoreException("object store at " + config.endpoint() + " does not answer", e);
        }
    }

    public String endpoint() {
        return config.endpoint();
    }

    @PreDestroy
    void close() throws Exception {
        // the HTTP client's threads would otherwise keep the JVM alive for a minute after shutdown
        client.close();
        parts.close();
        partSenders.shutdown();
    }
}
