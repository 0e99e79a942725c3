package io.leakwatch.database;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseSelectionTest {

    @Test
    void anExternalUrlFromTheEnvironmentMeansNoEmbeddedServer() {
        DatabaseSelection selection = DatabaseSelection.from(
                Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db:5432/leakwatch"), new Properties());

        assertEquals(Optional.of("jdbc:postgresql://db:5432/leakwatch"), selection.externalJdbcUrl());
        assertTrue(selection.startIfEmbedded().isEmpty(), "nothing is started for an external database");
    }

    @Test
    void aSystemPropertyOverridesTheEnvironment() {
        Properties properties = new Properties();
        properties.setProperty("quarkus.datasource.jdbc.url", "jdbc:postgresql://other/leakwatch");
        properties.setProperty("leakwatch.data-dir", "/var/lib/leakwatch");

        DatabaseSelection selection = DatabaseSelection.from(
                Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db/leakwatch", "LEAKWATCH_DATA_DIR", "/srv"),
                properties);

        assertEquals(Optional.of("jdbc:postgresql://other/leakwatch"), selection.externalJdbcUrl());
        assertEquals(Path.of("/var/lib/leakwatch"), selection.dataDirectory());
    }

    @Test
    void withoutConfigurationTheEmbeddedClusterLivesUnderDotSlashData() {
        DatabaseSelection selection = DatabaseSelection.from(Map.of("QUARKUS_DATASOURCE_JDBC_URL", " "), new Properties());

        assertTrue(selection.externalJdbcUrl().isEmpty(), "a blank URL counts as unset");
        assertEquals(Path.of("data", "postgres").toAbsolutePath(), selection.embeddedClusterDirectory());
    }

    @Test
    void theDataDirectoryComesFromLeakwatchDataDir() {
        DatabaseSelection selection = DatabaseSelection.from(Map.of("LEAKWATCH_DATA_DIR", "/tmp/lw"), new Properties());

        assertEquals(Path.of("/tmp/lw/postgres"), selection.embeddedClusterDirectory());
    }
}
