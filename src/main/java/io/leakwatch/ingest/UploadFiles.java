package io.leakwatch.ingest;

import io.leakwatch.index.HashKind;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The uploads' files on the staging disk ({@code LEAKWATCH_DATA_DIR/uploads}): one folder per upload,
 * from the body received to the account hashes a published upload keeps until notifications have
 * matched them.
 */
@ApplicationScoped
public class UploadFiles {

    private static final Logger LOG = Logger.getLogger(UploadFiles.class);

    private final StagingDisk disk;

    public UploadFiles(IngestConfig config, @ConfigProperty(name = "leakwatch.data-dir") Path dataDir) {
        this.disk = StagingDisk.under(dataDir, config.diskReserveBytes());
    }

    StagingDisk disk() {
        return disk;
    }

    StagedFiles of(UUID id) {
        return new StagedFiles(disk, id);
    }

    /** Makes the uploads folder readable by this user only, whatever made it before. */
    void makePrivate() {
        try {
            disk.makePrivate();
        } catch (IOException e) {
            LOG.warnf("Could not make %s readable by this user only: %s", disk.uploads(), e.getMessage());
        }
    }

    /** Deletes an upload's files; the upload has ended either way, so a failure is only logged. */
    void delete(UUID id) {
        try {
            of(id).deleteAll();
        } catch (IOException e) {
            LOG.warnf("Could not delete the files of upload %s: %s", id, e.getMessage());
        }
    }

    /**
     * Deletes a published upload's files except the account hashes it added, which wait for
     * notifications to match them. Returns whether there are such hashes.
     */
    boolean keepOnlyAccounts(UUID id) {
        StagedFiles files = of(id);
        boolean accounts = files.hasSorted(HashKind.ACCOUNT);
        try {
            files.deleteAllBut(accounts ? files.sortedFile(HashKind.ACCOUNT) : null);
        } catch (IOException e) {
            LOG.warnf("Could not delete the staged files of upload %s: %s", id, e.getMessage());
        }
        return accounts;
    }

    /** The account hashes a published upload added, in ascending order; close them when done. */
    StagedFiles.CloseableEntries accounts(UUID id) throws IOException {
        return of(id).readSorted(HashKind.ACCOUNT);
    }

    /** Deletes the folders of uploads {@code owned} does not claim: left by a crash, or no row knows them. */
    void deleteUnless(Predicate<UUID> owned) {
        if (!Files.isDirectory(disk.uploads())) {
            return;
        }
        try (Stream<Path> folders = Files.list(disk.uploads())) {
            for (Path folder : folders.toList()) {
                UUID id;
                try {
                    id = UUID.fromString(folder.getFileName().toString());
                } catch (IllegalArgumentException notAnUpload) {
                    continue;
                }
                if (!owned.test(id)) {
                    StagedFiles.deleteTree(folder);
                }
            }
        } catch (IOException e) {
            LOG.warnf("Could not clean %s: %s", disk.uploads(), e.getMessage());
        }
    }
}
