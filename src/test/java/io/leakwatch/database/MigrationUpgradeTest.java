package io.leakwatch.database;

import db.migration.V60__Record_account_identifier_types;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database created by an earlier release starts under this one: its missing migrations are applied
 * even where their number is below one it already has, with the portal's own Flyway settings.
 */
class MigrationUpgradeTest {

    /** The migrations of the release before V33 (admin audit repeats) was added below V50 and V51. */
    private static final Set<String> EARLIER_RELEASE = Set.of("V1", "V2", "V3", "V30", "V31", "V32", "V50");

    @Test
    void aDatabaseFromTheReleaseBeforeAnOutOfOrderMigrationUpgrades(@TempDir Path dataDir) throws Exception {
        Path earlier = dataDir.resolve("earlier-migrations");
        Files.createDirectories(earlier);
        try (Stream<Path> scripts = Files.list(migrationScripts())) {
            for (Path script : scripts.toList()) {
                if (EARLIER_RELEASE.contains(script.getFileName().toString().split("__")[0])) {
                    Files.copy(script, earlier.resolve(script.getFileName()));
                }
            }
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.open(dataDir.resolve("postgres"))) {
            Flyway.configure().dataSource(database.jdbcUrl(), EmbeddedDatabase.SUPERUSER, database.password())
                    .locations("filesystem:" + earlier).load().migrate();

            Flyway portal = Flyway.configure().dataSource(database.jdbcUrl(), EmbeddedDatabase.SUPERUSER, database.password())
                    .locations("classpath:db/migration")
                    .javaMigrations(new V60__Record_account_identifier_types())
                    .outOfOrder(Boolean.parseBoolean(portalSetting("quarkus.flyway.out-of-order")))
                    .load();
            portal.migrate();

            List<String> applied = Arrays.stream(portal.info().applied()).map(MigrationInfo::getVersion)
                    .map(Objects::toString).toList();
            assertTrue(applied.contains("33"), "the older-numbered migration is applied: " + applied);
            assertEquals(0, portal.info().pending().length, "nothing left pending");
            assertEquals(0, portal.validateWithResult().invalidMigrations.size(), "the next start validates");
        }
    }

    private static Path migrationScripts() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(MigrationUpgradeTest.class.getResource("/db/migration/V1__breach_catalogue.sql")).toURI())
                .getParent();
    }

    private static String portalSetting(String key) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = MigrationUpgradeTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties.getProperty(key, "false");
    }
}
