package io.leakwatch.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL server the portal starts for itself when no external database is configured.
 *
 * <p>Its cluster lives in {@code <data dir>/postgres} and survives restarts. A portal killed with
 * {@code kill -9} leaves its postmaster running (pg_ctl detaches it), so the next start stops that
 * orphan first; a second command run while a portal is up (for example {@code admin add}) attaches to
 * the running server instead of starting another one.
 *
 * <p>The server asks for a password (SCRAM-SHA-256) on every connection, over TCP and over its Unix
 * socket alike: a random password made at the first start and kept beside the cluster, readable by
 * the portal's OS user only ({@value #PASSWORD_FILE_SUFFIX} after the cluster directory's name, mode
 * 0600). Other users and processes on the host cannot connect. A cluster made by an earlier version,
 * which trusted every local connection, is given the password and its {@code pg_hba.conf} rewritten at
 * its first start with this one.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE_NAME = "leakwatch";
    public static final String SUPERUSER = "postgres";

    /** zonky's lock file, held by the JVM that owns the server for as long as it runs. */
    private static final String OWNER_LOCK_FILE = "epg-lock";
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(10);
    /** The password file is the cluster directory's name with this added: {@code data/postgres.password}. */
    static final String PASSWORD_FILE_SUFFIX = ".password";
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    /** pg_hba.conf of every cluster: a password from this host, nothing else. */
    static final String HOST_BASED_AUTHENTICATION = """
            # Written by Leakwatch: every connection needs the password (SCRAM-SHA-256), and only this host may try.
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres server;
    private final int port;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres server, int port, String password) {
        this.server = server;
        this.port = port;
        this.password = password;
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
                return new EmbeddedDatabase(null, runningPort.get(), readPassword(clusterDirectory));
            }
            stopOrphanedPostmaster(clusterDirectory);
            Path passwordFile = passwordFile(clusterDirectory);
            String password = Files.exists(passwordFile) ? readPassword(clusterDirectory) : createPassword(passwordFile);
            boolean trustingCluster = Files.exists(clusterDirectory.resolve("pg_hba.conf"))
                    && trustsSomeone(clusterDirectory.resolve("pg_hba.conf"));
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(clusterDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky runs "initdb -A trust ... --KEY=VALUE" for these: the later options win, so a
                    // new cluster asks for the password from its first start on.
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setConnectConfig("password", password)
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // zonky turns these off for test servers (-F); this one holds the portal's data, and a crash of
                    // the host must not lose a commit or corrupt the cluster. Later settings win over -F.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(server, server.getPort(), password);
            if (trustingCluster) {
                database.requirePassword(clusterDirectory);
            }
            database.createApplicationDatabaseIfMissing();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + clusterDirectory, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE_NAME;
    }

    /** The superuser's password, for the portal's connection pool. */
    public String password() {
        return password;
    }

    /** Where the password of the cluster in {@code clusterDirectory} is kept. */
    public static Path passwordFile(Path clusterDirectory) {
        return clusterDirectory.resolveSibling(clusterDirectory.getFileName() + PASSWORD_FILE_SUFFIX);
    }

    /**
     * The password of the cluster in {@code clusterDirectory}: what a second process (a command run
     * beside the portal) needs to attach to the portal's server. Only the portal's OS user can read it.
     */
    public static String readPassword(Path clusterDirectory) {
        Path file = passwordFile(clusterDirectory);
        try {
            restrictToOwner(file);
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the embedded PostgreSQL's password in " + file
                    + ": run this as the OS user that runs the portal", e);
        }
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
        try (Connection connection = connectToMaintenanceDatabase(password);
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

    /**
     * Converts a cluster made by an earlier version, which trusted every local connection: gives the
     * superuser the password, allows nothing but password logins, and waits until the server has
     * reloaded that (a connection without the password is refused).
     */
    private void requirePassword(Path clusterDirectory) throws IOException {
        try (Connection connection = connectToMaintenanceDatabase(password);
             var statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            // The password is base64url (no quote can occur); a utility statement takes no parameters.
            statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'");
            writeOwnerOnly(clusterDirectory.resolve("pg_hba.conf"), HOST_BASED_AUTHENTICATION);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the password of the embedded PostgreSQL in " + clusterDirectory, e);
        }
        long deadline = System.nanoTime() + RELOAD_TIMEOUT.toNanos();
        while (acceptsWithoutPassword()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The embedded PostgreSQL in " + clusterDirectory
                        + " still accepts connections without a password; stop it and start again");
            }
            sleep(Duration.ofMillis(50));
        }
        LOG.info("The embedded PostgreSQL now asks for a password (it trusted every local connection before)");
    }

    private boolean acceptsWithoutPassword() {
        try (Connection ignored = connectToMaintenanceDatabase("")) {
            return true;
        } catch (SQLException refused) {
            return false;
        }
    }

    private Connection connectToMaintenanceDatabase(String withPassword) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", SUPERUSER);
        properties.setProperty("password", withPassword);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", properties);
    }

    /** Whether a line of {@code pg_hba.conf} lets someone in without a password. */
    static boolean trustsSomeone(Path hbaFile) throws IOException {
        try (var lines = Files.lines(hbaFile)) {
            return lines.map(line -> line.contains("#") ? line.substring(0, line.indexOf('#')) : line)
                    .anyMatch(line -> List.of(line.trim().split("\\s+")).contains("trust"));
        }
    }

    /** 256 random bits, base64url, written where only this OS user can read them. */
    private static String createPassword(Path passwordFile) throws IOException {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        writeOwnerOnly(passwordFile, password + "\n");
        return password;
    }

    /** Writes {@code content} to a new file of mode 0600 and moves it over {@code target} in one step. */
    private static void writeOwnerOnly(Path target, String content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
        Files.writeString(temporary, content);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A password file someone opened up (copied without its mode, say) is closed again. */
    private static void restrictToOwner(Path file) throws IOException {
        if (!Files.getPosixFilePermissions(file).equals(OWNER_READ_WRITE)) {
            Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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
