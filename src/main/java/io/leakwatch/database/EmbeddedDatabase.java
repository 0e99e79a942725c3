package io.leakwatch.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL server the portal starts for itself when no external database is configured.
 *
 * <p>Its cluster lives in {@code <data dir>/postgres} and survives restarts. A portal killed with
 * {@code kill -9} leaves its postmaster running (pg_ctl detaches it), so the next start stops that
 * orphan first; a second command run while a portal is up (for example {@code admin add}) attaches to
 * the running server instead of starting another one.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE_NAME = "leakwatch";
    public static final String SUPERUSER = "postgres";

    /** zonky's lock file, held by the JVM that owns the server for as long as it runs. */
    private static final String OWNER_LOCK_FILE = "epg-lock";
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedPostgres server;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts the cluster in {@code clusterDirectory} (creating it on first use), or attaches to the
     * server another live Leakwatch process already runs there.
     */
    public static EmbeddedDatabase open(Path clusterDirectory) {
        try {
            Files.createDirectories(clusterDirectory);
            Optional<Integer> runningPort = portOfServerOwnedByLiveProcess(clusterDirectory);
            if (runningPort.isPresent()) {
                return new EmbeddedDatabase(null, runningPort.get());
            }
            stopOrphanedPostmaster(clusterDirectory);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(clusterDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(server, server.getPort());
            database.createApplicationDatabaseIfMissing();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + clusterDirectory, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE_NAME;
    }

    @Override
    public void close() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createApplicationDatabaseIfMissing() {
        String maintenanceUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, SUPERUSER, "");
             var statement = connection.createStatement();
             var exists = statement.executeQuery(
                     "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE_NAME + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE_NAME);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE_NAME, e);
        }
    }

    /** The port of a postmaster in this cluster whose owning JVM is still alive, if there is one. */
    private static Optional<Integer> portOfServerOwnedByLiveProcess(Path clusterDirectory) throws IOException {
        Path lockFile = clusterDirectory.resolve(OWNER_LOCK_FILE);
        if (!Files.exists(lockFile) || !isLockedByAnotherProcess(lockFile)) {
            return Optional.empty();
        }
        return readPostmasterPid(clusterDirectory)
                .filter(pid -> isLivePostgres(pid.processId()))
                .map(PostmasterPid::port);
    }

    private static boolean isLockedByAnotherProcess(Path lockFile) throws IOException {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /**
     * After {@code kill -9} of the portal its postmaster keeps running and holds the cluster; stop it
     * gracefully (SIGTERM: its clients died with the portal, so a smart shutdown completes at once).
     * A stale pid file whose process is gone, or was reused by another program, is removed.
     */
    private static void stopOrphanedPostmaster(Path clusterDirectory) throws IOException {
        Optional<PostmasterPid> pidFile = readPostmasterPid(clusterDirectory);
        if (pidFile.isEmpty()) {
            return;
        }
        long pid = pidFile.get().processId();
        if (!isLivePostgres(pid)) {
            Files.deleteIfExists(clusterDirectory.resolve("postmaster.pid"));
            return;
        }
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        postmaster.destroy();
        try {
            postmaster.onExit().get(ORPHAN_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("A PostgreSQL server (pid " + pid + ") left running in "
                    + clusterDirectory + " did not stop; stop it and start again", e);
        }
    }

    private static boolean isLivePostgres(long pid) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .flatMap(process -> process.info().command())
                .map(command -> command.endsWith("postgres") || command.endsWith("postmaster"))
                .orElse(false);
    }

    private static Optional<PostmasterPid> readPostmasterPid(Path clusterDirectory) throws IOException {
        Path pidFile = clusterDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile); // a handful of short lines
        if (lines.size() < 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PostmasterPid(Long.parseLong(lines.get(0).trim()), Integer.parseInt(lines.get(3).trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The fields of PostgreSQL's postmaster.pid that matter here: line 1 is the pid, line 4 the port. */
    private record PostmasterPid(long processId, int port) {
    }
}
