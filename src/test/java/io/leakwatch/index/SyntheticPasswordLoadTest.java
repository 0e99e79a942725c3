package io.leakwatch.index;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code synthetic-passwords} builds its generation the one way: a failure leaves the index as it was. */
@QuarkusTest
class SyntheticPasswordLoadTest {

    @Inject
    SyntheticPasswordLoad load;

    @Inject
    IndexGenerations generations;

    @Inject
    ServedIndex servedIndex;

    @Inject
    DataSource dataSource;

    @Test
    void aLoadThatCannotPublishLeavesNoStagedGenerationBehind() throws Exception {
        int served = generations.current().id();
        // A directory where the next generation's file must go: building the files fails, as a full disk would.
        Path inTheWay = GenerationFile.pathFor(servedIndex.directory(), lastGeneration() + 1, HashKind.PASSWORD_SHA1);
        Files.createDirectories(inTheWay.resolve("occupied"));
        try {
            assertThrows(RuntimeException.class, () -> load.run("1000", "16", "7"));
        } finally {
            Files.delete(inTheWay.resolve("occupied"));
            Files.delete(inTheWay);
        }

        assertEquals(List.of(), generations.stagingGenerations(), "nothing left staged to block the next build");
        assertEquals(served, generations.current().id(), "the served generation is unchanged");
        generations.discard(generations.beginStaging("the index is free"));
    }

    private int lastGeneration() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.createStatement().executeQuery("SELECT max(id) FROM index_generation")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
