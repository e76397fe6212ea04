package org.juniper.upgrade.intake.upload.rest;

import static org.juniper.upgrade.intake.http.Authorization.bearer;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.juniper.upgrade.intake.config.IntakeConfig;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;
import org.juniper.upgrade.intake.request.repository.RequestState;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;
import org.juniper.upgrade.intake.request.rest.RequestView;
import org.juniper.upgrade.intake.upload.service.Backups;
import org.juniper.upgrade.intake.upload.service.PieceChecksum;
import org.juniper.upgrade.intake.upload.service.ResumableUploads;

/**
 * The requester's backup upload: whole by PUT, or in resumable pieces, which tus clients drive as well. Needs the
 * request's secret as {@code Authorization: Bearer <secret>}, as the rest of the requester's API.
 */
@Path("/api/v1/requests/{id}/backup")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "requests", description = "Upgrade requests")
@Blocking
public class UploadResource {
    private static final String UPLOAD_OFFSET = "Upload-Offset";
    private static final String UPLOAD_LENGTH = "Upload-Length";
    private static final String BACKUP_SHA256 = "Backup-Sha256";

    private final Backups backups;
    private final ResumableUploads uploads;
    private final IntakeConfig config;

    UploadResource(Backups backups, ResumableUploads uploads, IntakeConfig config) {
        this.backups = backups;
        this.uploads = uploads;
        this.config = config;
    }

    @PUT
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "application/zip"})
    @Operation(summary = "Upload the backup", description = "A backup .zip (dump.sql, manifest.json, filestore/) "
            + "or a pg_dump custom-format file, streamed to storage and checked.")
    public Response uploadBackup(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @HeaderParam(BACKUP_SHA256) String sha256, InputStream body) {
        return checked(backups.store(id, bearer(auth), body, sha256));
    }

    @OPTIONS
    @Operation(summary = "What the resumable upload speaks (tus discovery)", description = "The backup upload "
            + "speaks tus 1.0 (https://tus.io/protocols/resumable-upload) with its creation, termination and "
            + "checksum extensions, so that stock tus clients (tus-js-client, Uppy, tus-java-client) drive it. "
            + "Needs no secret.")
    public Response tusDiscovery() {
        return Response.noContent().header(TusProtocol.RESUMABLE, TusProtocol.VERSION)
                .header("Tus-Version", TusProtocol.VERSION).header("Tus-Extension", "creation,termination,checksum")
                .header("Tus-Checksum-Algorithm", PieceChecksum.ALGORITHMS)
                .header("Tus-Max-Size", config.maxBackupBytes()).build();
    }

    @POST
    @Operation(summary = "Start a resumable upload (tus creation)", description = "With Tus-Resumable: 1.0.0 and "
            + "Upload-Length, the backup's size. Location is the upload's URL, this same path, where HEAD, PATCH and "
            + "DELETE go. Creating again drops the unfinished upload and starts over; a backup already accepted "
            + "stays until the new one is accepted. Upload-Metadata is taken and not used.")
    public Response createUpload(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @HeaderParam(UPLOAD_LENGTH) Long length) {
        uploads.create(id, bearer(auth), length);
        // relative, as tus allows: no address taken from a request header
        return Response.status(201).header(HttpHeaders.LOCATION, "/api/v1/requests/" + id + "/backup").build();
    }

    @HEAD
    @Operation(summary = "How much of a resumable upload has arrived", description = "Answers Upload-Offset (bytes "
            + "stored) and Upload-Length (announced total); a stored backup answers its size as both. To a tus "
            + "client, a request with neither an unfinished upload nor a stored backup answers 404 "
            + "(UPLOAD:NOT_FOUND), so that it creates one; to others, Upload-Offset 0 and Upload-Length -1.")
    public Response uploadProgress(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @HeaderParam(TusProtocol.RESUMABLE) String tus) {
        ResumableUploads.Progress progress = uploads.progress(id, bearer(auth));
        if (tus != null && progress.length() < 0) {
            throw ResumableUploads.noUpload();
        }
        return Response.noContent().header(UPLOAD_OFFSET, progress.offset()).header(UPLOAD_LENGTH, progress.length())
                .build();
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, TusProtocol.OFFSET_STREAM})
    @Operation(summary = "Upload the backup in resumable pieces", description = "Send Upload-Offset (where this "
            + "piece starts; ask with HEAD after a dropped connection). Parts of 8 MiB (8388608 bytes) are stored "
            + "as they complete, so a piece cut off midway keeps the whole parts that arrived and HEAD gives their "
            + "end. Every piece but the last is therefore a whole number of parts: a shorter one is refused with "
            + "400 (UPLOAD:SHORT_PIECE) before a byte is stored when its Content-Length says so, and a chunked one "
            + "that ends inside a part keeps its whole parts and is refused the same way. A tus client that sets "
            + "its own chunk size sets a multiple of 8 MiB (tus-js-client: chunkSize; tus-java-client: "
            + "setRequestPayloadSize), or leaves it to send the whole rest (tus-js-client's default). "
            + "One piece of a request at a time.\n\nA tus client (Tus-Resumable: 1.0.0, Content-Type "
            + "application/offset+octet-stream) creates the upload with POST first (a POST with "
            + "X-HTTP-Method-Override: PATCH is a piece); every piece, the last one "
            + "too, answers 204 with Upload-Offset, and the last one only once the backup is stored and checked "
            + "(422 when it is refused). Other clients announce Upload-Length on the first piece (later ones may "
            + "repeat it, unchanged), and the last piece answers 200 with the request; it may carry "
            + "Backup-Sha256.\n\nAny piece may carry Upload-Checksum: <sha1|sha256|md5> <its digest in Base64> "
            + "(the tus checksum extension): it then counts whole or not at all, a mismatch answers 460 "
            + "(UPLOAD:CHECKSUM_MISMATCH) and a piece cut off keeps nothing, so HEAD gives where it started.")
    public Response uploadPiece(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @HeaderParam(UPLOAD_OFFSET) long offset, @HeaderParam(UPLOAD_LENGTH) Long length,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long pieceLength, @HeaderParam(BACKUP_SHA256) String sha256,
            @HeaderParam(TusProtocol.RESUMABLE) String tus, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @HeaderParam("Upload-Checksum") String checksum, InputStream body) {
        if (tus != null && !TusProtocol.offsetStream(type)) {
            throw new RequestRefusedException(415, new Failure("CONTENT_TYPE:UNSUPPORTED", "a tus piece is of type "
                    + TusProtocol.OFFSET_STREAM + ", not '" + Failure.shown(type) + "'",
                    "Content-Type: " + TusProtocol.OFFSET_STREAM));
        }
        ResumableUploads.Progress progress = uploads.append(id, bearer(auth), offset, length, pieceLength, sha256,
                PieceChecksum.of(checksum), tus != null, body);
        if (progress.request() != null && tus == null) {
            return checked(progress.request());
        }
        if (progress.request() != null) {
            requireAccepted(progress.request());
        }
        return Response.noContent().header(UPLOAD_OFFSET, progress.offset()).header(UPLOAD_LENGTH, progress.length())
                .build();
    }

    @DELETE
    @Operation(summary = "Drop an unfinished resumable upload (tus termination)", description = "With "
            + "Tus-Resumable: 1.0.0. The parts that arrived are deleted; a backup already accepted stays.")
    public Response terminateUpload(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        uploads.terminate(id, bearer(auth));
        return Response.noContent().build();
    }

    private static Response checked(UpgradeRequest request) {
        requireAccepted(request);
        return Response.ok(RequestView.of(request)).build();
    }

    private static void requireAccepted(UpgradeRequest request) {
        if (request.state == RequestState.FAILED) {
            throw new RequestRefusedException(422, new Failure(request.failureReason, request.failureMessage,
                    "a backup made by the database manager or by pg_dump, of the declared version"));
        }
    }
}
