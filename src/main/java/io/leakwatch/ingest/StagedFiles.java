package io.leakwatch.ingest;

import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexEntry;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * An upload's files under {@code <data dir>/uploads/<id>/}: the uploaded file as received, the
 * partition runs while staging, and one sorted, de-duplicated file per hash kind once staged. Only
 * this upload's job touches them; they are deleted when the upload ends.
 */
final class StagedFiles {

    private final StagingDisk disk;
    private final Path directory;

    StagedFiles(StagingDisk disk, java.util.UUID id) {
        this.disk = disk;
        this.directory = disk.uploads().resolve(id.toString());
    }

    StagingDisk disk() {
        return disk;
    }

    Path directory() {
        return directory;
    }

    Path uploadedFile() {
        return directory.resolve("upload");
    }

    Path runsDirectory() {
        return directory.resolve("runs");
    }

    Path sortedFile(HashKind kind) {
        return directory.resolve(kind.name().toLowerCase() + ".sorted");
    }

    /**
     * Writes a kind's sorted, de-duplicated file from its runs as fixed-size records, the hash then
     * the value; returns how many entries it holds.
     */
    long writeSorted(SortedRuns runs, Executor sorter) throws IOException {
        disk.requireRoomFor(runs.bytesOnDisk()); // the sorted file is at most as large as the runs
        try (OutputStream out = new BufferedOutputStream(disk.create(sortedFile(runs.kind())), 1 << 16)) {
            return runs.writeSorted(out, sorter);
        }
    }

    boolean hasSorted(HashKind kind) {
        return Files.exists(sortedFile(kind));
    }

    /** Reads back what {@link #writeSorted} wrote, streaming. */
    CloseableEntries readSorted(HashKind kind) throws IOException {
        return new CloseableEntries(kind, Files.newInputStream(sortedFile(kind)));
    }

    void deleteRuns() throws IOException {
        deleteTree(runsDirectory());
    }

    void deleteAll() throws IOException {
        deleteTree(directory);
    }

    /** Deletes every file of the upload except {@code kept} (null: all of them). */
    void deleteAllBut(Path kept) throws IOException {
        if (kept == null) {
            deleteAll();
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(kept) && !path.equals(directory)) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Sorted entries read from disk; close it when done. */
    static final class CloseableEntries implements Iterator<IndexEntry>, AutoCloseable {
        private final HashKind kind;
        private final DataInputStream in;
        private IndexEntry next;

        CloseableEntries(HashKind kind, InputStream in) {
            this.kind = kind;
            this.in = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                byte[] hash = new byte[kind.hashBytes()];
                try {
                    in.readFully(hash);
                    next = new IndexEntry(hash, in.readLong());
                } catch (EOFException end) {
                    return false;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return true;
        }

        @Override
        public IndexEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            IndexEntry entry = next;
            next = null;
            return entry;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
