package io.leakwatch.database;

import io.leakwatch.testing.ClusterConnection;
import io.leakwatch.testing.PortalProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged portal's choice of database, and its embedded server's life across restarts and kills. */
class PortalDatabaseIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @Test
    void embeddedDataSurvivesRestartAndKillNine(@TempDir Path dataDir) throws Exception {
        Path cluster = dataDir.resolve("postgres");
        Map<String, String> env = Map.of("LEAKWATCH_DATA_DIR", dataDir.toString(), "LEAKWATCH_DEMO_DATA", "false");
        Path log = dataDir.resolve("portal.log");

        try (PortalProcess portal = PortalProcess.start(env, log)) {
            Duration firstOk = portal.awaitOk("/", START_TIMEOUT);
            System.out.printf("figure: first start (new cluster) to first 200 on / took %d ms%n", firstOk.toMillis());
            portal.awaitOk("/q/health/ready", START_TIMEOUT);
            assertTrue(Files.exists(cluster.resolve("PG_VERSION")), "the cluster lives in LEAKWATCH_DATA_DIR/postgres");
            execute(cluster, "CREATE TABLE restart_marker (note text)", "INSERT INTO restart_marker VALUES ('kept')");
            int exitCode = portal.stop();
            assertTrue(exitCode == 0 || exitCode == 143, "SIGTERM ends the portal normally, not " + exitCode);
        }
        assertFalse(Files.exists(cluster.resolve("postmaster.pid")), "the embedded server stopped with the portal");

        try (PortalProcess portal = PortalProcess.start(env, log)) {
            Duration restartOk = portal.awaitOk("/", START_TIMEOUT);
            System.out.printf("figure: restart (existing cluster) to first 200 on / took %d ms%n", restartOk.toMillis());
            assertEquals("kept", query(cluster, "SELECT note FROM restart_marker"), "data survives a restart");
            portal.kill();
        }

        try (PortalProcess portal = PortalProcess.start(env, log)) {
            portal.awaitOk("/q/health/ready", START_TIMEOUT);
            assertEquals("kept", query(cluster, "SELECT note FROM restart_marker"), "data survives kill -9");
        }
    }

    @Test
    void anExternalDatabaseIsUsedAndNothingIsStarted(@TempDir Path dataDir) throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            Map<String, String> env = Map.of(
                    "LEAKWATCH_DATA_DIR", dataDir.toString(), "LEAKWATCH_DEMO_DATA", "false",
                    "QUARKUS_DATASOURCE_JDBC_URL", external.getJdbcUrl("postgres", "postgres"),
                    "QUARKUS_DATASOURCE_USERNAME", "postgres",
                    "QUARKUS_DATASOURCE_PASSWORD", "unused");
            try (PortalProcess portal = PortalProcess.start(env, dataDir.resolve("portal.log"))) {
                portal.awaitOk("/q/health/ready", START_TIMEOUT);
                assertTrue(portal.get("/q/health/ready").contains("\"UP\""));
            }
            assertFalse(Files.exists(dataDir.resolve("postgres")), "no embedded cluster was created");
            try (Connection connection = external.getPostgresDatabase().getConnection();
                 var rs = connection.createStatement().executeQuery(
                         "SELECT count(*) FROM information_schema.tables WHERE table_name = 'flyway_schema_history'")) {
                rs.next();
                assertEquals(1, rs.getInt(1), "the portal migrated the external database");
            }
        }
    }

    private static void execute(Path cluster, String... statements) throws SQLException {
        try (Connection connection = ClusterConnection.open(cluster); var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String query(Path cluster, String sql) throws SQLException {
        try (Connection connection = ClusterConnection.open(cluster); var rs = connection.createStatement().executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
