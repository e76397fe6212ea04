package org.juniper.upgrade.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Intake hands out the CLI: a launcher pointed at itself, and the jar, cached by the launcher. */
@QuarkusTest
@TestProfile(UpgradeClientTest.WithCliJar.class)
class UpgradeClientTest {
    static final Path JAR = cliJar();

    public static class WithCliJar implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("juniper.intake.cli-jar", JAR.toString());
        }
    }

    @Test
    void theLauncherPointsAtTheIntakeItCameFrom() {
        given().get("/upgrade").then().statusCode(200)
                .body(containsString("SERVED_FROM='http://"), not(containsString("@INTAKE_URL@")));
    }

    @Test
    void theJarIsServedAndACurrentCopyIsNotSentAgain() {
        String lastModified = given().get("/upgrade/upgrade-cli.jar").then().statusCode(200)
                .header("Content-Type", equalTo("application/java-archive")).extract().header("Last-Modified");

        given().header("If-Modified-Since", lastModified).get("/upgrade/upgrade-cli.jar").then().statusCode(304);
    }

    /** A stand-in jar with the launcher inside, as the CLI's build packs it. */
    private static Path cliJar() {
        try {
            Path jar = Files.createTempFile("upgrade-cli", ".jar");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry("upgrade.sh"));
                zip.write("#!/usr/bin/env bash\nSERVED_FROM='@INTAKE_URL@'\n".getBytes(StandardCharsets.UTF_8));
            }
            Files.write(jar, bytes.toByteArray());
            jar.toFile().deleteOnExit();
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
