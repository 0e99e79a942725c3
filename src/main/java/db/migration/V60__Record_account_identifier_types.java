package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Account entries record the identifier types they were indexed as (io.leakwatch.index.AccountTypes):
 * the varint that counted an entry's breaches now holds the count shifted left by four bits, with the
 * types in those bits. Entries indexed before this version keep their breaches and get no type (0,
 * "not recorded"); the anonymous account search treats them as not emails. Nothing else changes:
 * the oblivious check serves accounts of every type.
 *
 * <p>In Java because the entries are packed varints (see PackedBucket); this copy of the format is
 * frozen as it was at version 60. Rows are streamed with a cursor and rewritten in batches.
 */
public class V60__Record_account_identifier_types extends BaseJavaMigration {

    private static final short ACCOUNT = 3;
    private static final int SUFFIX_BYTES = 18;
    private static final int TYPE_BITS = 4;
    private static final int BATCH = 256;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT prefix, first_generation, entries FROM index_bucket WHERE kind = ?");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE index_bucket SET entries = ? WHERE kind = ? AND prefix = ? AND first_generation = ?")) {
            select.setFetchSize(BATCH);
            select.setShort(1, ACCOUNT);
            int pending = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    update.setBytes(1, withTypeBits(rows.getBytes(3)));
                    update.setShort(2, ACCOUNT);
                    update.setInt(3, rows.getInt(1));
                    update.setInt(4, rows.getInt(2));
                    update.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
    }

    /** A bucket of version-59 account entries, each with its breach count shifted to make room for no types. */
    static byte[] withTypeBits(byte[] entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(entries.length + entries.length / 16);
        int[] at = {0};
        while (at[0] < entries.length) {
            out.write(entries, at[0], SUFFIX_BYTES);
            at[0] += SUFFIX_BYTES;
            long breaches = readVarint(entries, at);
            writeVarint(out, breaches << TYPE_BITS);
            for (long i = 0; i < breaches; i++) {
                writeVarint(out, readVarint(entries, at));
            }
        }
        return out.toByteArray();
    }

    private static long readVarint(byte[] bytes, int[] at) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            if (shift > 63) {
                throw new IllegalStateException("A corrupt account bucket: a varint too long");
            }
            byte b = bytes[at[0]++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long remaining = value;
        while ((remaining & ~0x7FL) != 0) {
            out.write((int) ((remaining & 0x7F) | 0x80));
            remaining >>>= 7;
        }
        out.write((int) remaining);
    }
}
