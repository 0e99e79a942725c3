package io.leakwatch.admin.cli;

import io.leakwatch.database.EmbeddedDatabase;
import io.leakwatch.testing.PortalProcess;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two ways to the first admin, with the packaged jar: {@code admin add} and the environment at start. */
class AdminBootstrapIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String PASSWORD = "first admin's long passphrase";

    @Test
    void theFirstAdminComesFromTheCommandLineEvenWhileThePortalRuns(@TempDir Path dataDir) throws Exception {
        Map<String, String> env = Map.of("LEAKWATCH_DATA_DIR", dataDir.toString(), "LEAKWATCH_DEMO_DATA", "false");
        Path log = dataDir.resolve("portal.log");
        try (PortalProcess portal = PortalProcess.start(env, log)) {
            portal.awaitOk("/q/health/ready", START_TIMEOUT);
            assertTrue(portal.logText().contains("No admin exists yet"), "the portal says how to create the first admin");
            assertEquals(401, signIn(portal, "ops-lead", PASSWORD), "there is no default account");

            CommandRun added = admin(env, PASSWORD + "\n", "add", "--username", "Ops-Lead");
            assertEquals(0, added.exitCode(), added.output());

            assertEquals(303, signIn(portal, "ops-lead", PASSWORD), "the running portal knows the new admin");
            String hash = storedHash(dataDir, "ops-lead");
            assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), "production cost: " + hash);

            CommandRun taken = admin(env, PASSWORD + "\n", "add", "--username", "ops-lead");
            assertEquals(1, taken.exitCode());
            assertTrue(taken.output().contains("There is already an admin with that username."), taken.output());
            CommandRun weak = admin(env, "too short\n", "add", "--username", "second");
            assertEquals(1, weak.exitCode());
            assertTrue(weak.output().contains("at least 12 characters"), weak.output());
            CommandRun noPassword = admin(env, "", "add", "--username", "third");
            assertEquals(1, noPassword.exitCode());
            assertEquals(2, admin(env, "", "add").exitCode(), "--username is required");
            assertEquals(2, admin(env, "", "add", "--username", "x", "--password", PASSWORD).exitCode(), "no password argument");

            String everything = portal.logText() + added.output() + taken.output() + weak.output();
            assertFalse(everything.contains(PASSWORD), "no password in any output");
            assertFalse(portal.logText().contains("ops-lead"), "no account name in the portal's log");
        }
    }

    @Test
    void theFirstAdminAndATokenComeFromTheEnvironmentOnce(@TempDir Path dataDir) throws Exception {
        String token = "environment-token-" + "0123456789abcdef".repeat(2);
        Map<String, String> env = Map.of(
                "LEAKWATCH_DATA_DIR", dataDir.toString(), "LEAKWATCH_DEMO_DATA", "false",
                "LEAKWATCH_ADMIN_USERNAME", "boot-admin",
                "LEAKWATCH_ADMIN_PASSWORD", PASSWORD,
                "LEAKWATCH_ADMIN_TOKEN", token);
        Path log = dataDir.resolve("portal.log");
        try (PortalProcess portal = PortalProcess.start(env, log)) {
            portal.awaitOk("/q/health/ready", START_TIMEOUT);
            assertEquals(303, signIn(portal, "boot-admin", PASSWORD));
            HttpResponse<String> whoami = HttpClient.newHttpClient().send(HttpRequest.newBuilder(portal.uri("/api/admin/whoami"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, whoami.statusCode());
            assertTrue(whoami.body().contains("\"token\":\"LEAKWATCH_ADMIN_TOKEN\""), whoami.body());
        }

        Map<String, String> later = new HashMap<>(env);
        later.put("LEAKWATCH_ADMIN_USERNAME", "another-admin");
        try (PortalProcess portal = PortalProcess.start(later, log)) {
            portal.awaitOk("/q/health/ready", START_TIMEOUT);
            assertEquals(401, signIn(portal, "another-admin", PASSWORD), "only when no admin exists yet");
            assertEquals(303, signIn(portal, "boot-admin", PASSWORD));
            String text = portal.logText();
            assertTrue(text.contains("Created the first admin from LEAKWATCH_ADMIN_USERNAME"), text);
            assertTrue(text.contains("ignored: an admin exists already"), text);
            for (String secret : List.of(PASSWORD, token, "boot-admin", "another-admin")) {
                assertFalse(text.contains(secret), "the log (access log included) gives away " + secret);
            }
        }
    }

    /** Signs in through the form like a browser; returns the status of the form's answer. */
    private static int signIn(PortalProcess portal, String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(portal.uri("/admin/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString());
        String csrf = Jsoup.parse(page.body()).selectFirst("input[name=csrf]").val();
        String form = "csrf=" + encode(csrf) + "&username=" + encode(username) + "&password=" + encode(password);
        return browser.send(HttpRequest.newBuilder(portal.uri("/admin/sign-in"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String storedHash(Path dataDir, String username) throws Exception {
        List<String> pidFile = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
        String url = "jdbc:postgresql://127.0.0.1:" + pidFile.get(3).trim() + "/" + EmbeddedDatabase.DATABASE_NAME;
        try (Connection connection = DriverManager.getConnection(url, EmbeddedDatabase.SUPERUSER, "");
             var statement = connection.prepareStatement("SELECT password_hash FROM admin_account WHERE username = ?")) {
            statement.setString(1, username);
            try (var rs = statement.executeQuery()) {
                assertTrue(rs.next(), "stored: " + username);
                return rs.getString(1);
            }
        }
    }

    private record CommandRun(int exitCode, String output) {
    }

    /** Runs {@code java -jar quarkus-run.jar admin ARGS} with {@code stdin} piped in (so not a terminal). */
    private static CommandRun admin(Map<String, String> environment, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-jar",
                PortalProcess.JAR.toString(), "admin"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("admin " + String.join(" ", args) + " did not finish: " + output);
        }
        return new CommandRun(process.exitValue(), output);
    }
}
