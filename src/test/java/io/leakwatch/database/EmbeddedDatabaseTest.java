package io.leakwatch.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded server lets in only who holds its password: another user or process on the host does not. */
class EmbeddedDatabaseTest {

    @Test
    void aNewClusterRefusesEveryConnectionWithoutItsPassword(@TempDir Path dataDir) throws Exception {
        Path cluster = dataDir.resolve("postgres");
        try (EmbeddedDatabase database = EmbeddedDatabase.open(cluster)) {
            Path passwordFile = dataDir.resolve("postgres.password");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)),
                    "only the portal's OS user can read the password");
            assertEquals(database.password(), Files.readString(passwordFile).strip());
            assertTrue(database.password().length() >= 43, "256 random bits");
            assertNoTrustIn(cluster);

            assertRefused(database, "");
            assertRefused(database, "postgres");
            assertRefused(database, database.password() + "x");
            try (Connection connection = connect(database, database.password());
                 var rs = connection.createStatement().executeQuery("SELECT current_database()")) {
                assertTrue(rs.next());
                assertEquals(EmbeddedDatabase.DATABASE_NAME, rs.getString(1));
            }

            try (EmbeddedDatabase attached = EmbeddedDatabase.open(cluster)) {
                assertEquals(database.jdbcUrl(), attached.jdbcUrl(), "a second command attaches to the running server");
                assertEquals(database.password(), attached.password());
            }
        }
        try (EmbeddedDatabase restarted = EmbeddedDatabase.open(cluster)) {
            assertEquals(Files.readString(dataDir.resolve("postgres.password")).strip(), restarted.password(),
                    "the password is kept across restarts");
            assertRefused(restarted, "");
        }
    }

    /**
     * zonky starts its test servers with fsync and synchronous commits off (-F, synchronous_commit=off):
     * fast for tests, but a power cut or a crash of the host would then lose committed data or corrupt
     * the cluster. The portal's own server keeps PostgreSQL's defaults; staging turns synchronous commits
     * off for its own transactions only (IndexGenerations).
     */
    @Test
    void committedDataSurvivesACrashOfTheHost(@TempDir Path dataDir) throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.open(dataDir.resolve("postgres"));
             Connection connection = connect(database, database.password());
             var statement = connection.createStatement()) {
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                try (var rs = statement.executeQuery("SHOW " + setting)) {
                    assertTrue(rs.next());
                    assertEquals("on", rs.getString(1), setting);
                }
            }
        }
    }

    @Test
    void aClusterThatTrustedLocalConnectionsIsConvertedAtStart(@TempDir Path dataDir) throws Exception {
        Path cluster = dataDir.resolve("postgres");
        // What earlier versions made: zonky's own initdb, which trusts every local connection.
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(cluster).setCleanDataDirectory(false).start();
             Connection connection = earlier.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + EmbeddedDatabase.DATABASE_NAME);
            assertTrue(EmbeddedDatabase.trustsSomeone(cluster.resolve("pg_hba.conf")), "the old cluster trusts local connections");
        }

        try (EmbeddedDatabase database = EmbeddedDatabase.open(cluster)) {
            assertNoTrustIn(cluster);
            assertRefused(database, "");
            try (Connection connection = connect(database, database.password())) {
                assertFalse(connection.isClosed());
            }
        }
    }

    private static void assertNoTrustIn(Path cluster) throws Exception {
        assertFalse(EmbeddedDatabase.trustsSomeone(cluster.resolve("pg_hba.conf")),
                "pg_hba.conf has no trust line:\n" + Files.readString(cluster.resolve("pg_hba.conf")));
    }

    private static void assertRefused(EmbeddedDatabase database, String password) {
        SQLException refused = assertThrows(SQLException.class, () -> connect(database, password).close(),
                "a connection with the password '" + password + "' is refused");
        // 28P01: wrong password; an empty one the driver does not even send to a server that asks for one
        assertTrue("28P01".equals(refused.getSQLState()) || refused.getMessage().contains("password"),
                "refused for its password: " + refused.getSQLState() + " " + refused.getMessage());
    }

    private static Connection connect(EmbeddedDatabase database, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", EmbeddedDatabase.SUPERUSER);
        properties.setProperty("password", password);
        return DriverManager.getConnection(database.jdbcUrl(), properties);
    }
}
