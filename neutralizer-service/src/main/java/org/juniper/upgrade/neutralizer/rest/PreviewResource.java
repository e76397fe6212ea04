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
import org.juniper.upgrade.archive.ArchiveLayout;
import org.juniper.upgrade.archive.BackupArchiveReader;
import org.juniper.upgrade.archive.InvalidBackupException;
import org.juniper.upgrade.archive.Manifest;
import org.juniper.upgrade.neutralizer.service.Neutralization;

/**
 * The SQL a test copy of an archive would get, printed and not applied, like {@code odoo-bin neutralize --stdout}:
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
        Manifest[] manifest = {null};
        try {
            BackupArchiveReader.read(archive, (name, content) -> {
                if (name.equals(ArchiveLayout.MANIFEST)) {
                    manifest[0] = BackupArchiveReader.parseManifest(content);
                }
            });
        } catch (InvalidBackupException e) {
            return Response.status(422).type(MediaType.TEXT_PLAIN).entity(e.reason() + ": " + e.getMessage()).build();
        }
        if (manifest[0] == null) {
            return Response.status(422).type(MediaType.TEXT_PLAIN)
                    .entity("BACKUP:NO_MANIFEST: the archive has no manifest.json, which says its version and modules")
                    .build();
        }
        return Response.ok(neutralization.previewSql(manifest[0])).build();
    }
}
