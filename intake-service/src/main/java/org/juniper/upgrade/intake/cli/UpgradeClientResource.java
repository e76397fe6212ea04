package org.juniper.upgrade.intake.cli;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.juniper.upgrade.intake.config.IntakeConfig;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;

/**
 * The on-premise client, for {@code python3 <(curl -s https://<platform>/upgrade) test -d mydb -t 17.0} (or
 * {@code bash <(...)}): a launcher that fetches the client's jar and a Java runtime from this intake, checks them
 * against the sha256 written into it, and runs the client. What it serves is made from the configuration and the
 * files only, never from the request: a forged {@code Host} header must not become code on an administrator's machine.
 * No secret is needed: the client carries nobody's data.
 */
@Path("/upgrade")
@Tag(name = "client", description = "The upgrade CLI for on-premise administrators")
@Blocking
public class UpgradeClientResource {
    private static final String LAUNCHER = "upgrade.py";
    /** What may go into the launcher's Python string: an absolute http(s) URL without quotes or escapes. */
    private static final Pattern SAFE_URL = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?");

    private final IntakeConfig config;
    /** sha256 of each served file, by path, size and modification time: computed once per version of the file. */
    private final Map<String, String> digests = new ConcurrentHashMap<>();

    UpgradeClientResource(IntakeConfig config) {
        this.config = config;
    }

    @GET
    @Produces("text/x-python")
    @Operation(summary = "The launcher of the upgrade CLI, pointed at this platform's public address",
            description = "Valid Python 3 and bash; carries the sha256 of the jar and of the Java runtime it fetches.")
    public String launcher() throws IOException {
        String base = publicUrl();
        java.nio.file.Path jar = file(config.cliJar(), "juniper.intake.cli-jar", "the CLI jar",
                "upgrade-cli/target/upgrade-cli.jar");
        String runtimeSha256 = config.cliRuntime().isPresent() ? sha256(file(config.cliRuntime(),
                "juniper.intake.cli-runtime", "the Java runtime", "upgrade-cli/target/java-runtime.tar.gz")) : "";
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(LAUNCHER);
            if (entry == null) {
                throw notInstalled("the CLI jar holds no " + LAUNCHER, "juniper.intake.cli-jar",
                        "upgrade-cli/target/upgrade-cli.jar");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replace("@PLATFORM_URL@", base)
                        .replace("@CLIENT_SHA256@", sha256(jar))
                        .replace("@RUNTIME_SHA256@", runtimeSha256);
            }
        }
    }

    @GET
    @Path("upgrade-cli.jar")
    @Produces("application/java-archive")
    @Operation(summary = "The upgrade CLI's runnable jar")
    public Response jar() {
        return Response.ok(file(config.cliJar(), "juniper.intake.cli-jar", "the CLI jar",
                "upgrade-cli/target/upgrade-cli.jar").toFile()).build();
    }

    @GET
    @Path("java-runtime.tar.gz")
    @Produces("application/gzip")
    @Operation(summary = "The Java runtime the launcher runs the CLI with on Linux machines without Java")
    public Response runtime() {
        return Response.ok(file(config.cliRuntime(), "juniper.intake.cli-runtime", "the Java runtime",
                "upgrade-cli/target/java-runtime.tar.gz").toFile()).build();
    }

    /** The configured public address, without a trailing slash, once it is safe to write into the launcher. */
    private String publicUrl() {
        String url = config.publicUrl().map(URI::toString).map(u -> u.replaceAll("/+$", "")).orElseThrow(() ->
                notInstalled("the platform's public address is not configured", "juniper.intake.public-url",
                        "the address administrators reach this intake at, e.g. https://upgrade.example.com"));
        if (!SAFE_URL.matcher(url).matches()) {
            throw notInstalled("the platform's public address '" + url + "' cannot go into the launcher",
                    "juniper.intake.public-url", "an http or https URL of host, port and path, e.g. "
                            + "https://upgrade.example.com");
        }
        return url;
    }

    private static java.nio.file.Path file(Optional<java.nio.file.Path> configured, String key, String what,
            String built) {
        java.nio.file.Path path = configured.orElseThrow(() -> notInstalled(what + " is not configured", key, built));
        if (!Files.isRegularFile(path)) {
            throw notInstalled(what + " " + path + " is missing", key, built);
        }
        return path;
    }

    private String sha256(java.nio.file.Path file) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        String version = file.toAbsolutePath() + "|" + Files.size(file) + "|" + modified.toMillis();
        try {
            return digests.computeIfAbsent(version, ignored -> {
                try (InputStream in = Files.newInputStream(file)) {
                    MessageDigest digest = MessageDigest.getInstance("SHA-256");
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        digest.update(buffer, 0, n);
                    }
                    return HexFormat.of().formatHex(digest.digest());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static RequestRefusedException notInstalled(String message, String key, String value) {
        return new RequestRefusedException(404, new Failure("CLI:NOT_INSTALLED", message, "set " + key + " to "
                + value));
    }
}
