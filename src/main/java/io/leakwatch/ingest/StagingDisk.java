package io.leakwatch.ingest;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Where breach files wait and are staged: {@code LEAKWATCH_DATA_DIR/uploads}. Leaked records at rest,
 * so only the portal's OS user can read them (directories 0700, files 0600, whatever the umask), and
 * staging never fills the disk the database and the served index live on: a write that would leave
 * less than the reserve free is refused with {@link DiskFullException}, and the upload's files are then
 * removed like those of any failed upload.
 */
final class StagingDisk {

    private static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    /** The free space is asked for again after this many bytes were written (a statfs call: cheap). */
    static final long CHECK_EVERY_BYTES = 16L << 20;

    private final Path uploads;
    private final long reserveBytes;
    private final LongSupplier usableBytes;
    private final AtomicLong writtenSinceCheck = new AtomicLong(CHECK_EVERY_BYTES); // the first write checks

    StagingDisk(Path uploads, long reserveBytes, LongSupplier usableBytes) {
        this.uploads = uploads;
        this.reserveBytes = reserveBytes;
        this.usableBytes = usableBytes;
    }

    /** The uploads directory of {@code dataDir}, its free space read from the file system. */
    static StagingDisk under(Path dataDir, long reserveBytes) {
        Path uploads = dataDir.resolve("uploads");
        return new StagingDisk(uploads, reserveBytes, () -> {
            try {
                return Files.getFileStore(Files.isDirectory(uploads) ? uploads : dataDir).getUsableSpace();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    Path uploads() {
        return uploads;
    }

    /** Closes the uploads directory to other users, as earlier versions left it open. */
    void makePrivate() throws IOException {
        if (Files.isDirectory(uploads)) {
            Files.setPosixFilePermissions(uploads, PRIVATE_DIRECTORY);
        }
    }

    /** Creates {@code directory} and its missing parents up to the uploads directory, each 0700. */
    Path createDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return directory;
        }
        if (!directory.equals(uploads) && directory.getParent() != null) {
            createDirectories(directory.getParent());
        }
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, PRIVATE_DIRECTORY); // the umask may have taken bits off
        return directory;
    }

    /**
     * Opens {@code file} for writing (created 0600 if new), counting what is written against the
     * reserve; {@code options} as for {@link Files#newOutputStream}, none meaning create or truncate.
     */
    OutputStream create(Path file, OpenOption... options) throws IOException {
        Set<OpenOption> opening = options.length == 0
                ? Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)
                : Set.of(options);
        OutputStream out = Channels.newOutputStream(Files.newByteChannel(file, with(opening, StandardOpenOption.WRITE), PRIVATE_FILE));
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                beforeWriting(length);
                out.write(bytes, offset, length);
            }

            @Override
            public void write(int b) throws IOException {
                beforeWriting(1);
                out.write(b);
            }
        };
    }

    /**
     * Refuses to go on when writing {@code bytes} more would leave less than the reserve free.
     *
     * @throws DiskFullException saying so
     */
    void requireRoomFor(long bytes) {
        long usable = usableBytes.getAsLong();
        if (usable - bytes < reserveBytes) {
            throw new DiskFullException("The disk has too little free space: " + mebibytes(usable) + " free, "
                    + mebibytes(bytes) + " more needed, and " + mebibytes(reserveBytes)
                    + " are kept free for the database and the index (LEAKWATCH_INGEST_DISK_RESERVE_BYTES)."
                    + " Nothing of this upload was kept; free some space and upload it again.");
        }
    }

    private void beforeWriting(long bytes) {
        if (writtenSinceCheck.addAndGet(bytes) >= CHECK_EVERY_BYTES) {
            writtenSinceCheck.set(0);
            requireRoomFor(Math.max(bytes, CHECK_EVERY_BYTES));
        }
    }

    private static Set<OpenOption> with(Set<OpenOption> options, OpenOption added) {
        Set<OpenOption> all = new HashSet<>(options);
        all.add(added);
        return all;
    }

    private static String mebibytes(long bytes) {
        return String.format("%,d MiB", bytes >> 20);
    }

    /** Staging would leave less than the reserve free on the disk. */
    static final class DiskFullException extends IngestException {
        DiskFullException(String message) {
            super(message);
        }
    }
}
