package io.leakwatch.synth;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.Deflater;

/**
 * A synthetic breach file of one kind: CSV with a header (UTF-8, RFC 4180, CRLF), optionally gzip.
 * Rows are made in fixed chunks on several threads and written in order; each row depends only on
 * (seed, kind, row number), so the bytes are the same whatever the thread count.
 */
public final class SyntheticBreach {

    static final int ROWS_PER_CHUNK = 4096;
    private static final int GZIP_LEVEL = Deflater.BEST_SPEED;

    private final BreachKind kind;
    private final long seed;
    private final Optional<Overlap> overlap;
    private final People people;
    private final BreachRows rows;

    public SyntheticBreach(BreachKind kind, long seed, Optional<Overlap> overlap) {
        if (overlap.isPresent() && overlap.get().otherKind() == kind) {
            throw new IllegalArgumentException("A breach cannot overlap with its own kind");
        }
        this.kind = kind;
        this.seed = seed;
        this.overlap = overlap;
        SynthTables tables = SynthTables.load();
        this.people = new People(tables, new MobileNumbers());
        this.rows = switch (kind) {
            case POLICE_RECORDS -> new PoliceRecordRows();
            case PARTY_ROSTER -> new PartyRosterRows(tables);
            case TELCO_LOCATION -> new TelcoLocationRows();
            case CREDENTIAL_DUMP -> new CredentialDumpRows(tables);
        };
    }

    public List<String> columns() {
        return rows.columns();
    }

    /** Writes the header and {@code rowCount} rows to {@code out}, which the caller closes. */
    public void write(long rowCount, OutputStream out, int threads, boolean gzip) throws IOException {
        byte[] header = (String.join(",", columns()) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        OrderedChunkWriter.Chunk headerChunk = gzip
                ? GzipMember.compress(header, header.length, GZIP_LEVEL)
                : new OrderedChunkWriter.Chunk(header, header.length);
        out.write(headerChunk.bytes(), 0, headerChunk.length());

        long chunkCount = (rowCount + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK;
        new OrderedChunkWriter(threads).write(chunkCount, chunk -> {
            long first = chunk * ROWS_PER_CHUNK;
            long end = Math.min(first + ROWS_PER_CHUNK, rowCount);
            CsvRowBuffer buffer = new CsvRowBuffer(ROWS_PER_CHUNK * 128);
            RowContext row = new RowContext(people, seed, kind, overlap);
            for (long index = first; index < end; index++) {
                row.moveTo(index);
                rows.write(row, buffer);
                buffer.endRow();
            }
            return gzip
                    ? GzipMember.compress(buffer.bytes(), buffer.size(), GZIP_LEVEL)
                    : new OrderedChunkWriter.Chunk(buffer.bytes(), buffer.size());
        }, out);
    }
}
