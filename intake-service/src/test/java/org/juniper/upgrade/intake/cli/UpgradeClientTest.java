package org.juniper.upgrade.intake.cli;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Intake hands out the CLI: a launcher pointed at the configured public address with the sha256 of what it fetches,
 * the jar and the Java runtime.
 */
@QuarkusTest
@TestProfile(UpgradeClientTest.WithCli.class)
class UpgradeClientTest {
    static final String PUBLIC_URL = "https://upgrade.example.com";
    static final Path JAR = cliJar();
    static final Path RUNTIME = file("java-runtime", ".tar.gz", "a runtime".getBytes(StandardCharsets.UTF_8));

    public static class WithCli implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("juniper.intake.cli-jar", JAR.toString(), "juniper.intake.cli-runtime", RUNTIME.toString(),
                    "juniper.intake.public-url", PUBLIC_URL + "/");
        }
    }

    @Test
    void theLauncherPointsAtThePublicAddressWithTheSha256OfTheJarAndTheRuntime() throws Exception {
        String launcher = given().get("/upgrade").then().statusCode(200).extract().asString();

        assertEquals("URL='" + PUBLIC_URL + "' JAR='" + sha256(JAR) + "' RUNTIME='" + sha256(RUNTIME) + "'\n",
                launcher);
    }

    @Test
    void aForgedHostHeaderChangesNothingInTheLauncher() {
        String plain = given().get("/upgrade").then().statusCode(200).extract().asString();

        for (String host : new String[] {"evil.example", "attacker.example:8443"}) {
            String forged = given().header("Host", host).header("X-Forwarded-Host", "x'; rm -rf ~; echo '")
                    .header("X-Forwarded-Proto", "http").header("Forwarded", "host=" + host).get("/upgrade")
                    .then().statusCode(200).extract().asString();
            assertEquals(plain, forged, "Host: " + host);
        }
        assertTrue(plain.contains(PUBLIC_URL), plain);
    }

    @Test
    void theJarAndTheRuntimeAreServedAsTheyAre() throws Exception {
        given().get("/upgrade/upgrade-cli.jar").then().statusCode(200)
                .header("Content-Type", equalTo("application/java-archive"));
        byte[] runtime = given().get("/upgrade/java-runtime.tar.gz").then().statusCode(200).extract().asByteArray();

        assertEquals(sha256(RUNTIME), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                runtime)));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /**
     * A stand-in jar with the launcher inside, as the CLI's build packs it, reduced to its placeholders. Its entry
     * has a fixed time: the profile and the test class each make one, in their own class loaders, and both must be
     * the same bytes.
     */
    private static Path cliJar() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                ZipEntry launcher = new ZipEntry("upgrade.py");
                launcher.setTime(0);
                zip.putNextEntry(launcher);
                zip.write("URL='@PLATFORM_URL@' JAR='@CLIENT_SHA256@' RUNTIME='@RUNTIME_SHA256@'\n"
                        .getBytes(StandardCharsets.UTF_8));
            }
            return file("upgrade-cli", ".jar", bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path file(String prefix, String suffix, byte[] content) {
        try {
            Path file = Files.createTempFile(prefix, suffix);
            Files.write(file, content);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
