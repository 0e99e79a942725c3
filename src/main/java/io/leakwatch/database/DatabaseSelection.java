package io.leakwatch.database;

import io.quarkus.runtime.configuration.QuarkusConfigBuilderCustomizer;
import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.PropertiesConfigSourceLoader;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Decides, before Quarkus starts, which PostgreSQL the portal uses: the server named by
 * {@code quarkus.datasource.jdbc.url}, or else an embedded one whose cluster lives under
 * {@code leakwatch.data-dir} (default {@code ./data}).
 *
 * <p>Both are read as Quarkus will read them, so that a URL set anywhere Quarkus looks is the one used
 * and no embedded server starts beside it: SmallRye Config with Quarkus's sources in Quarkus's order
 * (system properties 400, environment 300, {@code .env} in the working directory 295,
 * {@code config/application.properties} in the working directory 260, the jar's
 * {@code application.properties} 250) and Quarkus's profiles ({@code %prod.} for the packaged jar,
 * or {@code QUARKUS_PROFILE}).
 */
public record DatabaseSelection(Optional<String> externalJdbcUrl, Path dataDirectory) {

    static final String JDBC_URL_PROPERTY = "quarkus.datasource.jdbc.url";
    static final String DATA_DIR_PROPERTY = "leakwatch.data-dir";

    public static DatabaseSelection fromEnvironment() {
        return from(System.getenv(), System.getProperties(), Path.of("").toAbsolutePath());
    }

    static DatabaseSelection from(Map<String, String> environment, Properties systemProperties, Path workingDirectory) {
        SmallRyeConfig config = quarkusConfiguration(environment, systemProperties, workingDirectory);
        Optional<String> externalUrl = config.getOptionalValue(JDBC_URL_PROPERTY, String.class).filter(url -> !url.isBlank());
        String dataDir = config.getOptionalValue(DATA_DIR_PROPERTY, String.class).filter(dir -> !dir.isBlank()).orElse("data");
        return new DatabaseSelection(externalUrl, workingDirectory.resolve(dataDir).toAbsolutePath());
    }

    private static SmallRyeConfig quarkusConfiguration(Map<String, String> environment, Properties systemProperties,
                                                       Path workingDirectory) {
        ClassLoader classLoader = DatabaseSelection.class.getClassLoader();
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .forClassLoader(classLoader)
                .withCustomizers(new QuarkusConfigBuilderCustomizer())
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(systemProperties, "system properties", 400))
                .withSources(new EnvConfigSource(environment, 300))
                .withSources(DotEnvConfigSourceProvider.dotEnvSources(uri(workingDirectory.resolve(".env")), classLoader))
                .withSources(PropertiesConfigSourceLoader.inFileSystem(
                        uri(workingDirectory.resolve("config").resolve("application.properties")), 260, classLoader))
                .withSources(PropertiesConfigSourceLoader.inClassPath("application.properties", 250, classLoader));
        return builder.build();
    }

    private static String uri(Path file) {
        return file.toAbsolutePath().toUri().toString();
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
