package org.juniper.upgrade.intake.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Date;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.juniper.upgrade.intake.config.IntakeConfig;
import org.juniper.upgrade.intake.service.Failure;
import org.juniper.upgrade.intake.service.RequestRefusedException;

/**
 * The on-premise client, for {@code bash <(curl -s http://<intake>/upgrade) test -d mydb -t 17.0}: a launcher that
 * fetches the jar from the same intake and runs it there. No secret is needed: the client carries nobody's data.
 */
@Path("/upgrade")
@Tag(name = "client", description = "The upgrade CLI for on-premise administrators")
@Blocking
public class UpgradeClientResource {
    private static final String LAUNCHER = "upgrade.sh";

    private final IntakeConfig config;

    UpgradeClientResource(IntakeConfig config) {
        this.config = config;
    }

    @GET
    @Produces("text/x-shellscript")
    @Operation(summary = "The launcher of the upgrade CLI, pointed at this intake")
    public String launcher(@Context UriInfo uri) throws IOException {
        try (ZipFile jar = new ZipFile(jar().toFile())) {
            ZipEntry entry = jar.getEntry(LAUNCHER);
            if (entry == null) {
                throw notInstalled("the CLI jar holds no " + LAUNCHER);
            }
            try (InputStream in = jar.getInputStream(entry)) {
                String base = uri.getBaseUri().toString().replaceAll("/+$", "");
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@INTAKE_URL@", base);
            }
        }
    }

    @GET
    @Path("upgrade-cli.jar")
    @Produces("application/java-archive")
    @Operation(summary = "The upgrade CLI's runnable jar", description = "Answers 304 to a launcher whose cached "
            + "copy is current.")
    public Response jar(@Context Request request) throws IOException {
        java.nio.file.Path jar = jar();
        Date modified = new Date(Files.getLastModifiedTime(jar).toMillis() / 1000 * 1000);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(modified);
        if (unchanged != null) {
            return unchanged.build();
        }
        return Response.ok(jar.toFile()).lastModified(modified).build();
    }

    private java.nio.file.Path jar() {
        java.nio.file.Path jar = config.cliJar().orElseThrow(() -> notInstalled("no CLI jar is configured"));
        if (!Files.isRegularFile(jar)) {
            throw notInstalled("the CLI jar " + jar + " is missing");
        }
        return jar;
    }

    private static RequestRefusedException notInstalled(String message) {
        return new RequestRefusedException(404, new Failure("CLI:NOT_INSTALLED", message,
                "set juniper.intake.cli-jar to the built upgrade-cli/target/upgrade-cli.jar"));
    }
}
