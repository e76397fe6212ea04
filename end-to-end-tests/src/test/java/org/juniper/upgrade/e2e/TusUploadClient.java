package org.juniper.upgrade.e2e;

import io.tus.java.client.ProtocolException;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * A stock tus client uploading a backup as a program of the upgrade website's would, run as a process of its own so
 * that a test can kill it: {@code <upload URL> <secret> <backup file> <URL store file>}. It remembers the upload's URL
 * in a file, so a new process resumes where the killed one stopped; it prints the offset it starts from.
 */
public final class TusUploadClient {
    private static final int RETRIES = 30;

    private TusUploadClient() {
    }

    public static void main(String[] args) throws Exception {
        TusClient client = new TusClient();
        client.setUploadCreationURL(new URL(args[0]));
        client.setHeaders(Map.of("Authorization", "Bearer " + args[1]));
        client.enableResuming(new FileUrlStore(Path.of(args[3])));
        TusUpload upload = new TusUpload(new File(args[2]));
        for (int attempt = 1; ; attempt++) {
            try {
                upload(client, upload);
                return;
            } catch (ProtocolException | IOException e) {
                // the platform may not yet have seen the end of a killed client's connection (409): again, as tus
                // clients do
                if (attempt == RETRIES || (e instanceof ProtocolException refused
                        && refused.getCausingConnection() != null
                        && refused.getCausingConnection().getResponseCode() != 409)) {
                    throw e;
                }
                System.out.println("again after " + e.getMessage());
                Thread.sleep(1000);
            }
        }
    }

    private static void upload(TusClient client, TusUpload upload) throws Exception {
        TusUploader uploader = client.resumeOrCreateUpload(upload);
        System.out.println("starting at " + uploader.getOffset());
        // the whole rest in one request, as tus-js-client sends it by default
        uploader.setRequestPayloadSize((int) Math.min(Integer.MAX_VALUE, upload.getSize()));
        while (uploader.uploadChunk() > -1) {
            // on to the end
        }
        uploader.finish();
        System.out.println("finished at " + uploader.getOffset());
    }

    /** The upload URLs by fingerprint, in a properties file that outlives the process. */
    private record FileUrlStore(Path file) implements TusURLStore {
        @Override
        public synchronized void set(String fingerprint, URL url) {
            Properties urls = load();
            urls.setProperty(fingerprint, url.toString());
            save(urls);
        }

        @Override
        public synchronized URL get(String fingerprint) {
            String url = load().getProperty(fingerprint);
            try {
                return url == null ? null : new URL(url);
            } catch (MalformedURLException e) {
                return null;
            }
        }

        @Override
        public synchronized void remove(String fingerprint) {
            Properties urls = load();
            urls.remove(fingerprint);
            save(urls);
        }

        private Properties load() {
            Properties urls = new Properties();
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    urls.load(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return urls;
        }

        private void save(Properties urls) {
            try (OutputStream out = Files.newOutputStream(file)) {
                urls.store(out, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
