package io.leakwatch.database;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Decides, before Quarkus starts, which PostgreSQL the portal uses: the server named by
 * {@code QUARKUS_DATASOURCE_JDBC_URL} (or {@code -Dquarkus.datasource.jdbc.url}), or else an embedded
 * one whose cluster lives under {@code LEAKWATCH_DATA_DIR} (default {@code ./data}).
 */
public record DatabaseSelection(Optional<String> externalJdbcUrl, Path dataDirectory) {

    static final String JDBC_URL_PROPERTY = "quarkus.datasource.jdbc.url";
    static final String DATA_DIR_PROPERTY = "leakwatch.data-dir";

    public static DatabaseSelection fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    static DatabaseSelection from(Map<String, String> environment, Properties systemProperties) {
        Optional<String> externalUrl = Optional.ofNullable(systemProperties.getProperty(JDBC_URL_PROPERTY))
                .or(() -> Optional.ofNullable(environment.get("QUARKUS_DATASOURCE_JDBC_URL")))
                .filter(url -> !url.isBlank());
        String dataDir = Optional.ofNullable(systemProperties.getProperty(DATA_DIR_PROPERTY))
                .or(() -> Optional.ofNullable(environment.get("LEAKWATCH_DATA_DIR")))
                .filter(dir -> !dir.isBlank())
                .orElse("data");
        return new DatabaseSelection(externalUrl, Path.of(dataDir).toAbsolutePath());
    }

    public Path embeddedClusterDirectory() {
        return dataDirectory.resolve("postgres");
    }

    /**
     * Starts (or attaches to) the embedded server when no external one is configured, and points
     * Quarkus's datasource at it. Closing the result stops a server this process started.
     */
    public Optional<EmbeddedDatabase> startIfEmbedded() {
        if (externalJdbcUrl.isPresent()) {
            return Optional.empty();
        }
        EmbeddedDatabase database = EmbeddedDatabase.open(embeddedClusterDirectory());
        System.setProperty(JDBC_URL_PROPERTY, database.jdbcUrl());
        System.setProperty("quarkus.datasource.username", EmbeddedDatabase.SUPERUSER);
        System.setProperty("quarkus.datasource.password", database.password());
        return Optional.of(database);
    }
}
