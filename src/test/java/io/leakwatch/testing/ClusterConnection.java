package io.leakwatch.testing;

import io.leakwatch.database.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/** Connects a test to the embedded PostgreSQL a packaged portal runs, as a command beside it would. */
public final class ClusterConnection {

    private ClusterConnection() {
    }

    /** The port the running postmaster of {@code cluster} listens on (line 4 of its postmaster.pid). */
    public static int port(Path cluster) {
        try {
            List<String> pidFile = Files.readAllLines(cluster.resolve("postmaster.pid"));
            return Integer.parseInt(pidFile.get(3).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection to the portal's database, with the password kept beside the cluster. */
    public static Connection open(Path cluster) throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:" + port(cluster) + "/" + EmbeddedDatabase.DATABASE_NAME;
        return DriverManager.getConnection(url, EmbeddedDatabase.SUPERUSER, EmbeddedDatabase.readPassword(cluster));
    }
}
