package io.leakwatch.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server a test can stop and start again under a running portal, the way an operator's
 * restart or a crash of the database host looks to it: the portal's own embedded server, or an
 * external one (a second embedded server in the test's JVM, which is what CI has on a fresh machine).
 */
public interface PostgresOutage extends AutoCloseable {

    /** Stops the server (fast shutdown: connections are cut, as on a restart); returns when it is gone. */
    void stop();

    /** Starts it again on the same port and data; returns when it accepts connections. */
    void start();

    @Override
    void close();

    /** The portal's embedded server, whose cluster lives in {@code cluster}. */
    static PostgresOutage embeddedIn(Path cluster) {
        return new Embedded(cluster);
    }

    /** A server of its own in {@code dataDirectory}, for a portal given its URL. */
    static External external(Path dataDirectory) {
        return new External(dataDirectory, freePort());
    }

    final class Embedded implements PostgresOutage {
        private final Path cluster;
        private String commandLine;
        private int port;

        private Embedded(Path cluster) {
            this.cluster = cluster;
        }

        @Override
        public void stop() {
            try {
                commandLine = Files.readString(cluster.resolve("postmaster.opts")).strip(); // the postmaster's own command line
                List<String> pidFile = Files.readAllLines(cluster.resolve("postmaster.pid"));
                port = Integer.parseInt(pidFile.get(3).trim());
                long pid = Long.parseLong(pidFile.get(0).trim());
                run("kill", "-INT", Long.toString(pid)); // SIGINT: fast shutdown
                ProcessHandle.of(pid).ifPresent(postmaster -> {
                    try {
                        postmaster.onExit().get(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("The embedded PostgreSQL did not stop", e);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void start() {
            // In a session of its own, as pg_ctl starts it; as root in a user namespace, as the embedded server is
            // started (PostgreSQL refuses to run as root).
            List<String> command = new ArrayList<>(List.of("setsid"));
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of("sh", "-c", "exec " + commandLine));
            try {
                new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(cluster.resolveSibling("restarted-postgres.log").toFile()))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            awaitPort(port);
        }

        @Override
        public void close() {
        }
    }

    final class External implements PostgresOutage {
        private final Path dataDirectory;
        private final int port;
        private EmbeddedPostgres server;

        private External(Path dataDirectory, int port) {
            this.dataDirectory = dataDirectory;
            this.port = port;
            start();
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        }

        @Override
        public void stop() {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = null;
        }

        @Override
        public void start() {
            try {
                server = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(port)
                        .setPGStartupWait(Duration.ofSeconds(60)).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            if (server != null) {
                stop();
            }
        }
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitPort(int port) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new AssertionError("PostgreSQL did not come back on port " + port);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
