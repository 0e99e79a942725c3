package io.leakwatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged portal ({@code target/quarkus-app/quarkus-run.jar}) run as a real child process, the
 * way the README starts it, for tests about starting, stopping and being killed.
 */
public final class PortalProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /**
     * 143 is 128 + SIGTERM. Nothing a test does while it waits for a start sends one (stop() is only
     * called on a portal that is up, kill() sends SIGKILL, and the portal's own stopping of an orphaned
     * server signals a postgres process): another process on the machine did, one that stops processes
     * by name rather than by the ids it started.
     */
    private static final String SIGTERM_FROM_OUTSIDE = " (SIGTERM, which this test did not send: another process on the machine did)";

    /** Quarkus's start line, which names the port the kernel gave it. */
    private static final Pattern LISTENING = Pattern.compile("Listening on: https?://\\S*:(\\d+)");

    private final Process process;
    private final Path log;
    private final long logStart;
    private volatile int port = -1;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PortalProcess(Process process, Path log, long logStart) {
        this.process = process;
        this.log = log;
        this.logStart = logStart;
    }

    /**
     * Starts the jar with {@code environment} added to this JVM's. It listens on port 0, a port the
     * kernel picks as it binds: a port found free beforehand could be taken before the portal bound it,
     * as an outgoing connection once did (the ports a free-port probe finds and the ports of outgoing
     * connections come from the same ephemeral range).
     */
    public static PortalProcess start(Map<String, String> environment, Path log, String... arguments) {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment().putAll(environment);
        try {
            long logStart = Files.exists(log) ? Files.size(log) : 0; // a restart appends to the same log
            return new PortalProcess(builder.start(), log, logStart);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the portal listens on, as its start line says; -1 until it has said. */
    public int port() {
        if (port < 0) {
            String text = logText();
            Matcher listening = LISTENING.matcher(text.substring((int) Math.min(logStart, text.length())));
            if (listening.find()) {
                port = Integer.parseInt(listening.group(1));
            }
        }
        return port;
    }

    /** The operating system's id of the portal's JVM. */
    public long pid() {
        return process.pid();
    }

    public URI uri(String path) {
        if (port() < 0) {
            throw new IllegalStateException("The portal has not said yet which port it listens on");
        }
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Waits until {@code path} answers 200, and returns how long that took from now. */
    public Duration awaitOk(String path, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                int exit = process.exitValue();
                throw new AssertionError("The portal exited with " + exit + (exit == 143 ? SIGTERM_FROM_OUTSIDE : "") + "; log:\n" + logText());
            }
            if (status(path) == 200) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            sleep(50);
        }
        throw new AssertionError("No 200 from " + path + " within " + timeout + "; log:\n" + logText());
    }

    public int status(String path) {
        if (port() < 0) {
            return -1;
        }
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public String get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, as a service manager stops it; returns the exit code. */
    public int stop() {
        process.destroy();
        return awaitExit();
    }

    /** SIGKILL: no shutdown hook runs. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Waits for the portal to end by itself (a refused start, say); returns the exit code. */
    public int awaitExit() {
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("The portal did not end within 90 s; log:\n" + logText());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
