package io.leakwatch.index;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The storage format of one bucket, shared by PostgreSQL rows, generation files and exports: the
 * entries sorted by hash, each the stored suffix ({@link HashKind#storedSuffixBytes()}) followed by
 * its value as unsigned LEB128 varints. A password entry's value is its occurrence count; an
 * account entry's value is the number of breaches, shifted left by four bits that hold the
 * {@link AccountTypes} it was indexed as, followed by the breach ids, ascending.
 *
 * <p>About 20 bytes per SHA-1 password entry: the hashes themselves, as compact as they come.
 */
public final class PackedBucket {

    private PackedBucket() {
    }

    /** Accumulates entries, in ascending hash order, into the packed form. */
    public static final class Writer {
        private final HashKind kind;
        private byte[] bytes;
        private int length;
        private int entryCount;
        private byte[] lastSuffix;

        public Writer(HashKind kind, int expectedEntries) {
            this.kind = kind;
            this.bytes = new byte[Math.max(64, expectedEntries * (kind.storedSuffixBytes() + 3))];
        }

        /** Adds a password entry; {@code hash} is the full hash of this writer's kind. */
        public Writer addCount(byte[] hash, long count) {
            if (count < 0) {
                throw new IllegalArgumentException("An occurrence count cannot be negative");
            }
            addSuffix(hash);
            writeVarint(count);
            return this;
        }

        /**
         * Adds an account entry with the ids of the breaches it appears in, ascending, and the
         * {@link AccountTypes} it was indexed as.
         */
        public Writer addBreaches(byte[] hash, long[] breachIds, int types) {
            if (types >>> AccountTypes.BITS != 0) {
                throw new IllegalArgumentException("Unknown account types " + types);
            }
            addSuffix(hash);
            writeVarint(((long) breachIds.length << AccountTypes.BITS) | types);
            for (long id : breachIds) {
                writeVarint(id);
            }
            return this;
        }

        public int entryCount() {
            return entryCount;
        }

        public byte[] toBytes() {
            return Arrays.copyOf(bytes, length);
        }

        private void addSuffix(byte[] hash) {
            if (hash.length != kind.hashBytes()) {
                throw new IllegalArgumentException("Expected a hash of " + kind.hashBytes() + " bytes");
            }
            byte[] suffix = Arrays.copyOfRange(hash, 2, hash.length);
            if (lastSuffix != null && Arrays.compareUnsigned(lastSuffix, suffix) >= 0) {
                throw new IllegalArgumentException("Entries must be added in ascending hash order, without duplicates");
            }
            lastSuffix = suffix;
            ensureRoom(suffix.length + 10);
            System.arraycopy(suffix, 0, bytes, length, suffix.length);
            length += suffix.length;
            entryCount++;
        }

        private void writeVarint(long value) {
            ensureRoom(10);
            long remaining = value;
            while ((remaining & ~0x7FL) != 0) {
                bytes[length++] = (byte) ((remaining & 0x7F) | 0x80);
                remaining >>>= 7;
            }
            bytes[length++] = (byte) remaining;
        }

        private void ensureRoom(int extra) {
            if (length + extra > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
            }
        }
    }

    /** Reads entries in order from a packed bucket held in a buffer (position to limit). */
    public static final class Reader {
        private final HashKind kind;
        private final ByteBuffer buffer;
        private final byte[] suffix;
        private int types;

        public Reader(HashKind kind, ByteBuffer buffer) {
            this.kind = kind;
            this.buffer = buffer;
            this.suffix = new byte[kind.storedSuffixBytes()];
        }

        public boolean hasNext() {
            return buffer.hasRemaining();
        }

        /** Moves to the next entry and returns its stored suffix (reused between calls). */
        public byte[] nextSuffix() {
            buffer.get(suffix);
            return suffix;
        }

        /**
         * Moves past the entry of {@code hash}, a full hash of this reader's kind, if the bucket holds
         * it: its value is read next. Once per reader: it stops at the first entry not before it.
         */
        public boolean seek(byte[] hash) {
            byte[] wanted = Arrays.copyOfRange(hash, 2, hash.length);
            while (hasNext()) {
                int order = Arrays.compareUnsigned(nextSuffix(), wanted);
                if (order >= 0) {
                    return order == 0; // entries are sorted: past it, it is not here
                }
                if (kind.isPassword()) {
                    count();
                } else {
                    breachIds();
                }
            }
            return false;
        }

        /** The occurrence count of a password entry just read with {@link #nextSuffix()}. */
        public long count() {
            return readVarint();
        }

        /** The breach ids of an account entry just read with {@link #nextSuffix()}. */
        public long[] breachIds() {
            long header = readVarint();
            types = (int) (header & ((1 << AccountTypes.BITS) - 1));
            long[] ids = new long[(int) (header >>> AccountTypes.BITS)];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = readVarint();
            }
            return ids;
        }

        /** The {@link AccountTypes} of the account entry whose breach ids were read last. */
        public int types() {
            return types;
        }

        public HashKind kind() {
            return kind;
        }

        private long readVarint() {
            long value = 0;
            int shift = 0;
            while (true) {
                byte b = buffer.get();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
                shift += 7;
                if (shift > 63) {
                    throw new IllegalStateException("Corrupt bucket: varint too long");
                }
            }
        }
    }
}
