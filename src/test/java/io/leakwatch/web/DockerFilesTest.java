package io.leakwatch.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator relies on in {@code docker/} and {@code .dockerignore}, checked on the files
 * themselves because no Docker engine runs here: a build context without the portal's data, pinned
 * images, health checks, and no secret that works by default.
 */
class DockerFilesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Pattern IMAGE = Pattern.compile("(?m)^\\s*(?:FROM|image:)\\s+(\\S+)");
    /** A tag that names a release, like 18.1, v1.26.1 or 17.0.15_6-jre. */
    private static final Pattern PINNED = Pattern.compile(".+:v?\\d+\\.\\d+[.\\w-]*");

    @Test
    void theBuildContextLeavesOutDataAndBuildOutput() throws IOException {
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore"));

        assertTrue(ignored.contains("data/"), ".dockerignore must leave out data/ (the cluster, uploads, keys)");
        assertTrue(ignored.contains("target/"), ".dockerignore must leave out target/");
    }

    @Test
    void everyImageIsPinnedToARelease() throws IOException {
        String files = read("docker/Dockerfile") + read("docker/compose.yml");
        Matcher images = IMAGE.matcher(files);
        int seen = 0;
        while (images.find()) {
            seen++;
            String image = images.group(1);
            assertTrue(PINNED.matcher(image).matches(), image + " is not pinned to a release");
        }
        assertEquals(4, seen, "two FROM lines and the two images compose pulls");
    }

    @Test
    void theImageAndComposeCheckReadiness() throws IOException {
        String dockerfile = read("docker/Dockerfile");
        String compose = read("docker/compose.yml");
        String portal = compose.substring(compose.indexOf("\n  portal:"));

        assertTrue(dockerfile.contains("HEALTHCHECK") && dockerfile.contains("quarkus-run.jar\", \"ready\""),
                "the image's HEALTHCHECK asks the portal's readiness");
        assertTrue(portal.contains("healthcheck:") && portal.contains("\"ready\""), "compose checks the portal's readiness");
        assertTrue(portal.contains("restart: unless-stopped"), "compose restarts the portal");
    }

    @Test
    void composeHasNoDefaultSecrets() throws IOException {
        String compose = read("docker/compose.yml");

        for (String secret : List.of("POSTGRES_PASSWORD", "LEAKWATCH_NOTIFY_HASH_KEY")) {
            assertFalse(compose.contains("${" + secret + ":-"), secret + " must not have a default");
            assertTrue(compose.contains("${" + secret + ":?set " + secret), "compose must refuse to start without " + secret);
        }
        assertFalse(compose.contains("change-me"), "no placeholder secret");
    }

    private static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file));
    }
}
