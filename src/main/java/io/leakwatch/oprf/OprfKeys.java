package io.leakwatch.oprf;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;

/**
 * Where the OPRF key comes from: {@code LEAKWATCH_OPRF_KEY} when set (it wins, and the key file is
 * then neither read nor written), else {@code <data dir>/oprf.key}, generated once with
 * {@link SecureRandom} and written owner-only (mode 0600, in a directory created 0700). A key that
 * is not a valid scalar stops the start with one line that says why; the key itself is never logged.
 */
@Startup
@ApplicationScoped
public class OprfKeys {

    static final String FILE_NAME = "oprf.key";
    private static final Logger LOG = Logger.getLogger(OprfKeys.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final OprfKey key;

    @Inject
    public OprfKeys(OprfConfig config, @ConfigProperty(name = "leakwatch.data-dir") Path dataDir) {
        this(config.key(), dataDir);
    }

    OprfKeys(Optional<String> environmentKey, Path dataDir) {
        Optional<String> fromEnvironment = environmentKey.filter(value -> !value.isBlank());
        if (fromEnvironment.isPresent()) {
            try {
                key = OprfKey.ofHex(fromEnvironment.get());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("LEAKWATCH_OPRF_KEY is not usable: " + e.getMessage());
            }
            LOG.infof("Oblivious check: %s, from LEAKWATCH_OPRF_KEY", key);
        } else {
            key = fromFile(dataDir.resolve(FILE_NAME));
        }
    }

    /** The key evaluations and published buckets use. */
    public OprfKey key() {
        return key;
    }

    private static OprfKey fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                OprfKey read;
                try {
                    read = OprfKey.ofHex(Files.readString(file, StandardCharsets.US_ASCII));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + " is not usable: " + e.getMessage()
                            + "; restore it, or delete it to generate a new key (and rebuild every bucket)");
                }
                restrictToOwner(file, OWNER_ONLY_FILE);
                LOG.infof("Oblivious check: %s, from %s", read, file);
                return read;
            }
            OprfKey generated = OprfKey.generate(new SecureRandom());
            write(file, generated);
            LOG.infof("Oblivious check: %s, generated into %s", generated, file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the OPRF key file " + file, e);
        }
    }

    /** Writes the key to a temporary file created owner-only, then moves it into place. */
    private static void write(Path file, OprfKey key) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(directory)) {
            if (posix) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            } else {
                Files.createDirectories(directory);
            }
        }
        FileAttribute<?>[] ownerOnly = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
        Path temporary = Files.createTempFile(directory, FILE_NAME, ".partial", ownerOnly);
        try {
            Files.writeString(temporary, key.toHex() + "\n", StandardCharsets.US_ASCII);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrictToOwner(Path file, Set<PosixFilePermission> permissions) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                && !Files.getPosixFilePermissions(file).equals(permissions)) {
            Files.setPosixFilePermissions(file, permissions);
            LOG.warnf("%s was readable by others; it is owner-only now", file);
        }
    }
}
