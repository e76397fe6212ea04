package org.juniper.upgrade.intake.request.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RefusalMappers;

/**
 * Artifacts sent to the requester. An archive is redirected to a short-lived signed URL at the object store's public
 * address when the platform has one, as a copy through intake would halve the speed on the same processors; otherwise
 * intake streams it, and every link leaves the platform at intake's public address. When streamed, one byte range is
 * honoured, as downloads resume; a Range this does not read is ignored and the whole object sent, as HTTP allows.
 */
@ApplicationScoped
class ArtifactResponses {
    private static final Pattern ONE_RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");
    private static final int BUFFER = 256 * 1024;

    private final ArtifactStore store;

    ArtifactResponses(ArtifactStore store) {
        this.store = store;
    }

    /** The object as a file to save under {@code filename}. */
    Response attachment(StoredObject object, String contentType, String filename, String range) {
        Optional<URI> direct = store.publicDownload(object.key(), filename, contentType);
        if (direct.isPresent()) {
            // 307 keeps the method and the Range of a resumed download
            return Response.temporaryRedirect(direct.get()).header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                    .build();
        }
        return send(object, contentType, range).header("Content-Disposition", "attachment; filename=\"" + filename
                + "\"").build();
    }

    /** The object shown in the browser, as the report is. */
    Response inline(StoredObject object, String contentType) {
        return send(object, contentType, null).header("Content-Disposition", "inline").build();
    }

    private Response.ResponseBuilder send(StoredObject object, String contentType, String range) {
        long size = object.size();
        long[] span = span(range, size);
        if (span == null) {
            return described(Response.ok(body(object.key(), 0, size)), object, contentType, size);
        }
        if (span.length == 0) {
            return RefusalMappers.refusal(416, List.of(new Failure("DOWNLOAD:RANGE", "the object has " + size
                    + " bytes; the range '" + Failure.shown(range) + "' lies outside it", "a range that starts below "
                    + size + ", e.g. 'bytes=0-' for all of it"))).header("Content-Range", "bytes */" + size);
        }
        long length = span[1] - span[0] + 1;
        return described(Response.status(206).entity(body(object.key(), span[0], length)), object, contentType,
                length).header("Content-Range", "bytes " + span[0] + "-" + span[1] + "/" + size);
    }

    private static Response.ResponseBuilder described(Response.ResponseBuilder answer, StoredObject object,
            String contentType, long length) {
        return answer.type(contentType).header(HttpHeaders.CONTENT_LENGTH, length).header("Accept-Ranges", "bytes")
                .header(HttpHeaders.ETAG, "\"" + object.sha256() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }

    /** {first, last} of the range asked for; null for the whole object; empty when nothing of it is in the object. */
    static long[] span(String range, long size) {
        Matcher m = range == null ? null : ONE_RANGE.matcher(range.trim());
        if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return null;
        }
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            return suffix == 0 || size == 0 ? new long[0] : new long[] {Math.max(0, size - suffix), size - 1};
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        if (first >= size) {
            return new long[0];
        }
        return last < first ? null : new long[] {first, last};
    }

    private StreamingOutput body(String key, long from, long length) {
        return out -> {
            try (InputStream in = store.open(key, from)) {
                copy(in, out, length);
            }
        };
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException("the stored object ended " + left + " bytes early");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }
}
