package io.leakwatch.synth;

import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * One complete gzip member (RFC 1952). A gzip file may hold several members one after another and
 * decompresses to their concatenation, so chunks are compressed in parallel and simply appended.
 * The header carries no time or name, which keeps the output byte-identical between runs.
 */
final class GzipMember {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int TRAILER_LENGTH = 8;

    private GzipMember() {
    }

    static OrderedChunkWriter.Chunk compress(byte[] data, int length, int level) {
        Deflater deflater = new Deflater(level, true);
        try {
            deflater.setInput(data, 0, length);
            deflater.finish();
            byte[] member = new byte[HEADER.length + length / 2 + 1024];
            System.arraycopy(HEADER, 0, member, 0, HEADER.length);
            int size = HEADER.length;
            while (!deflater.finished()) {
                if (size + TRAILER_LENGTH >= member.length) {
                    member = Arrays.copyOf(member, member.length * 2);
                }
                size += deflater.deflate(member, size, member.length - size - TRAILER_LENGTH);
            }
            CRC32 crc = new CRC32();
            crc.update(data, 0, length);
            size = putLittleEndian(member, size, crc.getValue());
            size = putLittleEndian(member, size, length);
            return new OrderedChunkWriter.Chunk(member, size);
        } finally {
            deflater.end();
        }
    }

    private static int putLittleEndian(byte[] into, int at, long value) {
        for (int i = 0; i < 4; i++) {
            into[at + i] = (byte) (value >>> (8 * i));
        }
        return at + 4;
    }
}
