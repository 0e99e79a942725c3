package io.leakwatch.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uploads at rest: private to the portal's user, and never filling the disk past the reserve. */
class StagingDiskTest {

    private static final long MIB = 1 << 20;

    @Test
    void directoriesAndFilesAreTheUsersOnlyWhateverTheUmask(@TempDir Path dataDir) throws Exception {
        StagingDisk disk = new StagingDisk(dataDir.resolve("uploads"), 0, () -> Long.MAX_VALUE);

        Path runs = disk.createDirectories(disk.uploads().resolve("some-upload").resolve("runs"));
        try (OutputStream out = disk.create(runs.resolve("a.run"))) {
            out.write(new byte[] {1, 2, 3});
        }
        try (OutputStream out = disk.create(runs.resolve("a.run"), StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(new byte[] {4});
        }

        for (Path directory : new Path[] {disk.uploads(), runs.getParent(), runs}) {
            assertEquals("rwx------", permissions(directory), directory.toString());
        }
        assertEquals("rw-------", permissions(runs.resolve("a.run")));
        assertEquals(4, Files.size(runs.resolve("a.run")), "appending keeps what was there");
    }

    @Test
    void anUploadsDirectoryLeftOpenByAnEarlierVersionIsClosed(@TempDir Path dataDir) throws Exception {
        Path uploads = Files.createDirectories(dataDir.resolve("uploads"));
        Files.setPosixFilePermissions(uploads, PosixFilePermissions.fromString("rwxr-xr-x"));

        new StagingDisk(uploads, 0, () -> Long.MAX_VALUE).makePrivate();

        assertEquals("rwx------", permissions(uploads));
    }

    @Test
    void writingStopsBeforeTheReserveIsTouched(@TempDir Path dataDir) throws Exception {
        // A disk of 100 MiB, of which what is written here is taken, with 40 MiB to be kept free
        AtomicLong written = new AtomicLong();
        StagingDisk disk = new StagingDisk(dataDir.resolve("uploads"), 40 * MIB, () -> 100 * MIB - written.get());
        Path file = disk.createDirectories(disk.uploads()).resolve("upload");
        byte[] chunk = new byte[(int) MIB];

        StagingDisk.DiskFullException refused = assertThrows(StagingDisk.DiskFullException.class, () -> {
            try (OutputStream out = disk.create(file)) {
                for (int i = 0; i < 100; i++) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            }
        });

        assertTrue(written.get() <= 60 * MIB, "stopped before the reserve: " + (written.get() / MIB) + " MiB written");
        assertTrue(written.get() >= 60 * MIB - StagingDisk.CHECK_EVERY_BYTES, "but not long before");
        assertTrue(refused.getMessage().contains("LEAKWATCH_INGEST_DISK_RESERVE_BYTES"), refused.getMessage());
        assertThrows(StagingDisk.DiskFullException.class, () -> disk.requireRoomFor(61 * MIB),
                "a size known in advance is refused at once");
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
