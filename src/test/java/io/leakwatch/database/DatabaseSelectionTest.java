package io.leakwatch.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database is chosen from the configuration Quarkus will read, wherever in it the URL is set: each
 * test runs in a working directory of its own, as the packaged jar (the prod profile) would.
 */
class DatabaseSelectionTest {

    private static final String EXTERNAL = "jdbc:postgresql://db:5432/leakwatch";

    @TempDir
    Path workingDirectory;

    @Test
    void anExternalUrlFromTheEnvironmentMeansNoEmbeddedServer() {
        DatabaseSelection selection = select(Map.of("QUARKUS_DATASOURCE_JDBC_URL", EXTERNAL), new Properties());

        assertEquals(Optional.of(EXTERNAL), selection.externalJdbcUrl());
        assertTrue(selection.startIfEmbedded().isEmpty(), "nothing is started for an external database");
    }

    @Test
    void aSystemPropertyOverridesTheEnvironment() {
        Properties properties = new Properties();
        properties.setProperty("quarkus.datasource.jdbc.url", "jdbc:postgresql://other/leakwatch");
        properties.setProperty("leakwatch.data-dir", "/var/lib/leakwatch");

        DatabaseSelection selection = select(
                Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db/leakwatch", "LEAKWATCH_DATA_DIR", "/srv"),
                properties);

        assertEquals(Optional.of("jdbc:postgresql://other/leakwatch"), selection.externalJdbcUrl());
        assertEquals(Path.of("/var/lib/leakwatch"), selection.dataDirectory());
    }

    @Test
    void withoutConfigurationTheEmbeddedClusterLivesUnderDotSlashData() {
        DatabaseSelection selection = select(Map.of("QUARKUS_DATASOURCE_JDBC_URL", " "), new Properties());

        assertTrue(selection.externalJdbcUrl().isEmpty(), "a blank URL counts as unset");
        assertEquals(workingDirectory.resolve("data").resolve("postgres"), selection.embeddedClusterDirectory());
    }

    @Test
    void theDataDirectoryComesFromLeakwatchDataDir() {
        DatabaseSelection selection = select(Map.of("LEAKWATCH_DATA_DIR", "/tmp/lw"), new Properties());

        assertEquals(Path.of("/tmp/lw/postgres"), selection.embeddedClusterDirectory());
    }

    @Test
    void aUrlInConfigApplicationPropertiesOfTheWorkingDirectoryIsUsed() throws IOException {
        write("config/application.properties", "quarkus.datasource.jdbc.url=" + EXTERNAL + "\nleakwatch.data-dir=/srv/leakwatch\n");

        DatabaseSelection selection = select(Map.of(), new Properties());

        assertEquals(Optional.of(EXTERNAL), selection.externalJdbcUrl());
        assertEquals(Path.of("/srv/leakwatch"), selection.dataDirectory());
    }

    @Test
    void aUrlInDotEnvOfTheWorkingDirectoryIsUsedAndOverridesConfigApplicationProperties() throws IOException {
        write("config/application.properties", "quarkus.datasource.jdbc.url=jdbc:postgresql://from-config/leakwatch\n");
        write(".env", "# as docker compose and Quarkus read it\nQUARKUS_DATASOURCE_JDBC_URL=" + EXTERNAL + "\nLEAKWATCH_DATA_DIR=relative/data\n");

        DatabaseSelection selection = select(Map.of(), new Properties());

        assertEquals(Optional.of(EXTERNAL), selection.externalJdbcUrl());
        assertEquals(workingDirectory.resolve("relative/data"), selection.dataDirectory(), "relative to the working directory");
    }

    @Test
    void theEnvironmentOverridesDotEnv() throws IOException {
        write(".env", "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://from-dot-env/leakwatch\n");

        DatabaseSelection selection = select(Map.of("QUARKUS_DATASOURCE_JDBC_URL", EXTERNAL), new Properties());

        assertEquals(Optional.of(EXTERNAL), selection.externalJdbcUrl());
    }

    @Test
    void profilePrefixesApplyToTheProfileTheJarRunsIn() throws IOException {
        write("config/application.properties", """
                %prod.quarkus.datasource.jdbc.url=jdbc:postgresql://prod/leakwatch
                %staging.quarkus.datasource.jdbc.url=jdbc:postgresql://staging/leakwatch
                """);

        assertEquals(Optional.of("jdbc:postgresql://prod/leakwatch"), select(Map.of(), new Properties()).externalJdbcUrl(),
                "the packaged jar runs the prod profile");
        assertEquals(Optional.of("jdbc:postgresql://staging/leakwatch"),
                select(Map.of("QUARKUS_PROFILE", "staging"), new Properties()).externalJdbcUrl());
        assertEquals(Optional.empty(), select(Map.of("QUARKUS_PROFILE", "dev"), new Properties()).externalJdbcUrl(),
                "no URL for a profile that sets none: the embedded server");
    }

    @Test
    void theJarsOwnApplicationPropertiesAreReadWithTheirProfiles() {
        // src/main/resources/application.properties: leakwatch.data-dir=data, %test.leakwatch.data-dir=target/test-data
        assertEquals(workingDirectory.resolve("target/test-data"),
                select(Map.of("QUARKUS_PROFILE", "test"), new Properties()).dataDirectory());
    }

    /** As the packaged jar would choose in {@link #workingDirectory}: the prod profile unless the environment names one. */
    private DatabaseSelection select(Map<String, String> environment, Properties systemProperties) {
        Map<String, String> withProfile = new HashMap<>(environment);
        withProfile.putIfAbsent("QUARKUS_PROFILE", "prod");
        return DatabaseSelection.from(withProfile, systemProperties, workingDirectory);
    }

    private void write(String relativePath, String content) throws IOException {
        Path file = workingDirectory.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
