package io.leakwatch.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One hash kind of one published generation, laid out for serving: a header, the file offset of
 * every bucket, then the buckets in prefix order. A password bucket is stored as its finished
 * {@code /range} body, so serving it is one positional read and no formatting, whatever the size of
 * the index; an account bucket stays in {@link PackedBucket} form, because which breaches its body
 * may name is decided per request. Built from PostgreSQL when a generation is published (or found
 * missing).
 *
 * <p>Files derived from a generation's buckets (the oblivious check's outputs and bodies) use the
 * same layout under a content code of their own, with a tag in the header that says what they were
 * built with (a key id, say).
 *
 * <p>The file is derived data: deleting it only makes the portal rebuild it.
 */
public final class GenerationFile {

    private static final int MAGIC = 0x4C57_4958; // "LWIX"
    private static final int FORMAT_VERSION = 2; // 2: password buckets stored as finished bodies
    private static final int HEADER_BYTES = 32;
    private static final long OFFSETS_START = HEADER_BYTES;
    private static final long DATA_START = OFFSETS_START + (HashKind.BUCKET_COUNT + 1L) * Long.BYTES;

    private static final Pattern FILE_NAME = Pattern.compile("generation-(\\d+)-[a-z0-9_]+\\.idx(\\.partial)?");

    /** Mappings are limited to 2 GiB each; buckets are mapped in chunks that never split a bucket. */
    private static final long MAX_CHUNK_BYTES = 1L << 30;

    private final short content;
    private final long tag;
    private final int generation;
    private final long entryCount;
    private final long[] offsets;
    private final long[] chunkStarts;
    private final MappedByteBuffer[] chunks;

    private GenerationFile(short content, long tag, int generation, long entryCount, long[] offsets, long[] chunkStarts,
                           MappedByteBuffer[] chunks) {
        this.content = content;
        this.tag = tag;
        this.generation = generation;
        this.entryCount = entryCount;
        this.offsets = offsets;
        this.chunkStarts = chunkStarts;
        this.chunks = chunks;
    }

    public static Path pathFor(Path directory, int generation, HashKind kind) {
        return pathFor(directory, generation, kind.name().toLowerCase());
    }

    /** The file of a generation's {@code section} (lowercase letters, digits and underscores). */
    public static Path pathFor(Path directory, int generation, String section) {
        return directory.resolve("generation-" + generation + "-" + section + ".idx");
    }

    /** The generation a file in the index directory belongs to, judged by its name. */
    public static Optional<Integer> generationOf(Path file) {
        Matcher matcher = FILE_NAME.matcher(file.getFileName().toString());
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    /** Writes the file for {@code generation} from its buckets in PostgreSQL, atomically. */
    public static Path write(Path directory, int generation, HashKind kind, IndexGenerations source) {
        Path target = pathFor(directory, generation, kind);
        write(target, generation, kind.code(), 0, sink -> source.forEachBucket(generation, kind, (prefix, count, packed) ->
                sink.add(prefix, count, kind.isPassword() ? RangeBody.passwordBody(kind, ByteBuffer.wrap(packed)) : packed)));
        return target;
    }

    /**
     * Writes a file of this layout atomically (a crash leaves at most a {@code .partial} file, which
     * is never opened): {@code buckets} hands over the stored bytes of each non-empty bucket, in
     * ascending prefix order. {@code content} says what the buckets hold, {@code tag} what they were
     * built with.
     */
    public static void write(Path target, int generation, short content, long tag, BucketSource buckets) {
        Path temporary = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            long[] offsets = new long[HashKind.BUCKET_COUNT + 1];
            long entries;
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                out.position(DATA_START);
                BucketAppender appender = new BucketAppender(out, offsets);
                buckets.writeTo(appender);
                entries = appender.finish();
                writeHeaderAndOffsets(out, content, tag, generation, entries, offsets);
                out.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("Could not write " + target, e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // the next write of the same file truncates it anyway
        }
    }

    /** Produces the buckets of a file being written. */
    @FunctionalInterface
    public interface BucketSource {
        void writeTo(BucketSink sink) throws IOException;
    }

    /** Takes each non-empty bucket of a file being written, in ascending prefix order. */
    @FunctionalInterface
    public interface BucketSink {
        void add(int prefix, int entryCount, byte[] stored);
    }

    /**
     * Opens a file written by {@link #write}, memory-mapped: serving a bucket then copies nothing in
     * the JVM, and the operating system's page cache decides what stays in memory. Fails if the file
     * is not one of ours, or not for this generation.
     */
    public static GenerationFile open(Path file, int expectedGeneration, HashKind expectedKind) {
        return open(file, expectedGeneration, expectedKind.code());
    }

    /** The same for a file of any content, written by {@link #write(Path, int, short, long, BucketSource)}. */
    public static GenerationFile open(Path file, int expectedGeneration, short expectedContent) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = readFully(channel, 0, HEADER_BYTES);
            if (header.getInt() != MAGIC || header.getInt() != FORMAT_VERSION
                    || header.getShort() != expectedContent) {
                throw new IOException(file + " is not a generation file of content " + expectedContent);
            }
            header.getShort();
            int generation = header.getInt();
            long entryCount = header.getLong();
            long tag = header.getLong();
            if (generation != expectedGeneration) {
                throw new IOException(file + " holds generation " + generation + ", not " + expectedGeneration);
            }
            ByteBuffer offsetBytes = readFully(channel, OFFSETS_START, (HashKind.BUCKET_COUNT + 1) * Long.BYTES);
            long[] offsets = new long[HashKind.BUCKET_COUNT + 1];
            offsetBytes.asLongBuffer().get(offsets);
            if (offsets[HashKind.BUCKET_COUNT] != channel.size()) {
                throw new IOException(file + " is truncated");
            }
            long[] chunkStarts = chunkStarts(offsets);
            MappedByteBuffer[] chunks = new MappedByteBuffer[chunkStarts.length - 1];
            for (int i = 0; i < chunks.length; i++) {
                chunks[i] = channel.map(FileChannel.MapMode.READ_ONLY, chunkStarts[i], chunkStarts[i + 1] - chunkStarts[i]);
            }
            return new GenerationFile(expectedContent, tag, generation, entryCount, offsets, chunkStarts, chunks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where each mapped chunk starts (and, last, where the data ends), cut only between buckets. */
    private static long[] chunkStarts(long[] offsets) {
        var starts = new java.util.ArrayList<Long>();
        long chunkStart = DATA_START;
        starts.add(chunkStart);
        for (int prefix = 0; prefix < HashKind.BUCKET_COUNT; prefix++) {
            if (offsets[prefix + 1] - chunkStart > MAX_CHUNK_BYTES) {
                chunkStart = offsets[prefix];
                starts.add(chunkStart);
            }
        }
        starts.add(offsets[HashKind.BUCKET_COUNT]);
        return starts.stream().mapToLong(Long::longValue).toArray();
    }

    /** The stored bytes of one bucket, as a read-only view of the mapped file (empty for an empty bucket). */
    public ByteBuffer bucket(int prefix) {
        long start = offsets[prefix];
        int chunk = Arrays.binarySearch(chunkStarts, start);
        if (chunk < 0) {
            chunk = -chunk - 2;
        }
        if (chunk == chunks.length) {
            return ByteBuffer.allocate(0); // an empty bucket at the very end of the data
        }
        int position = (int) (start - chunkStarts[chunk]);
        return chunks[chunk].slice(position, bucketLength(prefix)); // read-only, as the mapping is
    }

    public int bucketLength(int prefix) {
        return (int) (offsets[prefix + 1] - offsets[prefix]);
    }

    /** What was written with the buckets to say what they were built with (0 for a hash kind's file). */
    public long tag() {
        return tag;
    }

    public int generation() {
        return generation;
    }

    public long entryCount() {
        return entryCount;
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.BIG_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("Unexpected end of generation file");
            }
        }
        return buffer.flip();
    }

    private static void writeHeaderAndOffsets(FileChannel out, short content, long tag, int generation, long entries,
                                              long[] offsets) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        header.putInt(MAGIC).putInt(FORMAT_VERSION).putShort(content).putShort((short) 0)
                .putInt(generation).putLong(entries).putLong(tag).flip();
        writeFully(out, header, 0);
        ByteBuffer offsetBytes = ByteBuffer.allocate(offsets.length * Long.BYTES);
        offsetBytes.asLongBuffer().put(offsets);
        writeFully(out, offsetBytes, OFFSETS_START);
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer, position + buffer.position());
        }
    }

    /** Appends buckets in prefix order and records where each one starts. */
    private static final class BucketAppender implements BucketSink {
        private final FileChannel out;
        private final long[] offsets;
        private final ByteBuffer pending = ByteBuffer.allocateDirect(1 << 20);
        private long position = DATA_START;
        private int nextPrefix;
        private long entries;

        BucketAppender(FileChannel out, long[] offsets) {
            this.out = out;
            this.offsets = offsets;
        }

        @Override
        public void add(int prefix, int entryCount, byte[] stored) {
            if (prefix < nextPrefix) {
                throw new IllegalArgumentException("Buckets must come in ascending prefix order");
            }
            markEmptyBucketsUpTo(prefix);
            offsets[prefix] = position;
            nextPrefix = prefix + 1;
            entries += entryCount;
            try {
                int written = 0;
                while (written < stored.length) {
                    if (!pending.hasRemaining()) {
                        flush();
                    }
                    int chunk = Math.min(pending.remaining(), stored.length - written);
                    pending.put(stored, written, chunk);
                    written += chunk;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            position += stored.length;
        }

        long finish() throws IOException {
            markEmptyBucketsUpTo(HashKind.BUCKET_COUNT);
            offsets[HashKind.BUCKET_COUNT] = position;
            flush();
            return entries;
        }

        private void markEmptyBucketsUpTo(int prefix) {
            while (nextPrefix < prefix) {
                offsets[nextPrefix++] = position;
            }
        }

        private void flush() throws IOException {
            pending.flip();
            while (pending.hasRemaining()) {
                out.write(pending);
            }
            pending.clear();
        }
    }
}
