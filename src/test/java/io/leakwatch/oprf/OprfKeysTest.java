package io.leakwatch.oprf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the portal's OPRF key comes from, across starts (each start is a new OprfKeys). */
class OprfKeysTest {

    private static final String ENVIRONMENT_KEY = "159749d750713afe245d2d39ccfaae8381c53ce92d098a9375ee70739c7ac0bf";

    @Test
    void aKeyIsGeneratedOnceOwnerOnlyAndReusedAtTheNextStart(@TempDir Path temporary) throws Exception {
        Path dataDir = temporary.resolve("data");
        OprfKey first = new OprfKeys(Optional.empty(), dataDir).key();

        Path file = dataDir.resolve("oprf.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
        try (var files = Files.list(dataDir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }

        OprfKey second = new OprfKeys(Optional.empty(), dataDir).key();
        assertEquals(first.id(), second.id());
        assertEquals(first.toHex(), second.toHex());
    }

    @Test
    void theEnvironmentKeyWinsAndTheFileIsLeftAlone(@TempDir Path dataDir) throws Exception {
        OprfKey generated = new OprfKeys(Optional.empty(), dataDir).key();
        String fileBefore = Files.readString(dataDir.resolve("oprf.key"));

        OprfKey fromEnvironment = new OprfKeys(Optional.of(ENVIRONMENT_KEY), dataDir).key();

        assertEquals(OprfKey.ofHex(ENVIRONMENT_KEY).id(), fromEnvironment.id());
        assertNotEquals(generated.id(), fromEnvironment.id());
        assertEquals(fileBefore, Files.readString(dataDir.resolve("oprf.key")));
    }

    @Test
    void anEnvironmentKeyNeedsNoFile(@TempDir Path dataDir) {
        new OprfKeys(Optional.of(ENVIRONMENT_KEY), dataDir);
        assertFalse(Files.exists(dataDir.resolve("oprf.key")));
    }

    @Test
    void aBadEnvironmentKeyStopsTheStartWithoutRepeatingIt(@TempDir Path dataDir) {
        String zero = "0".repeat(64);
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> new OprfKeys(Optional.of(zero), dataDir));
        assertTrue(refusal.getMessage().startsWith("LEAKWATCH_OPRF_KEY is not usable: "), refusal.getMessage());
        assertFalse(refusal.getMessage().contains(zero));
        assertFalse(refusal.getMessage().contains("\n"), "one line");
    }

    @Test
    void aDamagedKeyFileStopsTheStart(@TempDir Path dataDir) throws Exception {
        Files.writeString(dataDir.resolve("oprf.key"), "not a key\n", StandardCharsets.US_ASCII);
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> new OprfKeys(Optional.empty(), dataDir));
        assertTrue(refusal.getMessage().contains("oprf.key is not usable"), refusal.getMessage());
    }

    @Test
    void aKeyFileReadableByOthersIsMadeOwnerOnly(@TempDir Path dataDir) throws Exception {
        Path file = dataDir.resolve("oprf.key");
        Files.writeString(file, ENVIRONMENT_KEY + "\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        OprfKey key = new OprfKeys(Optional.empty(), dataDir).key();

        assertEquals(OprfKey.ofHex(ENVIRONMENT_KEY).id(), key.id());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
