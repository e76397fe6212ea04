package org.juniper.upgrade.neutralizer.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.juniper.upgrade.archive.InvalidBackupException;
import org.juniper.upgrade.events.FailureReason;
import org.juniper.upgrade.neutralizer.service.Neutralization;
import org.juniper.upgrade.neutralizer.service.NeutralizationException;

/**
 * The SQL equivalent of what the test copy of an archive gets, with the rows each rule changes in it, printed and
 * not applied, like {@code odoo-bin neutralize --stdout}:
 * {@code curl --data-binary @upgraded.zip -H 'Content-Type: application/zip' http://<neutralizer>/neutralization/preview}.
 */
@Path("/neutralization/preview")
@Blocking
public class PreviewResource {
    private final Neutralization neutralization;

    PreviewResource(Neutralization neutralization) {
        this.neutralization = neutralization;
    }

    @POST
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.TEXT_PLAIN)
    public Response preview(InputStream archive) throws IOException {
        // kept on disk so that an archive whose manifest follows its dump can be read a second time
        java.nio.file.Path upload = Files.createTempFile("preview", ".zip");
        try {
            Files.copy(archive, upload, StandardCopyOption.REPLACE_EXISTING);
            return Response.ok(neutralization.preview(() -> Files.newInputStream(upload))).build();
        } catch (InvalidBackupException e) {
            return unprocessable(e.reason() + ": " + e.getMessage());
        } catch (NeutralizationException e) {
            return unprocessable(FailureReason.NEUTRALIZE_RULES + ": " + e.getMessage());
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    private static Response unprocessable(String message) {
        return Response.status(422).type(MediaType.TEXT_PLAIN).entity(message).build();
    }
}
