package db.migration;

import io.leakwatch.index.AccountTypes;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.PackedBucket;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The account buckets of an existing database keep their breaches and get "type not recorded". */
class V60RecordAccountIdentifierTypesTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @Test
    void aVersion59BucketReadsBackWithItsBreachesAndNoType() {
        String first = "10018A45C4D1DEF81644B54AB7F969B88D65";
        String second = "1FF18A45C4D1DEF81644B54AB7F969B88D65";
        ByteArrayOutputStream legacy = new ByteArrayOutputStream();
        legacy.writeBytes(HEX.parseHex(first));
        legacy.writeBytes(new byte[] {2, 5, (byte) 0xAC, 0x02}); // two breaches: 5 and 300
        legacy.writeBytes(HEX.parseHex(second));
        legacy.writeBytes(new byte[] {(byte) 0x88, 0x01}); // 136 breaches, 1 to 136
        for (int id = 1; id <= 136; id++) {
            legacy.writeBytes(id < 128 ? new byte[] {(byte) id} : new byte[] {(byte) (id | 0x80), 0x01});
        }

        byte[] migrated = V60__Record_account_identifier_types.withTypeBits(legacy.toByteArray());

        PackedBucket.Reader reader = new PackedBucket.Reader(HashKind.ACCOUNT, ByteBuffer.wrap(migrated));
        assertArrayEquals(HEX.parseHex(first), reader.nextSuffix());
        assertArrayEquals(new long[] {5, 300}, reader.breachIds());
        assertEquals(AccountTypes.NOT_RECORDED, reader.types());
        assertArrayEquals(HEX.parseHex(second), reader.nextSuffix());
        long[] many = reader.breachIds();
        assertEquals(136, many.length);
        assertEquals(136, many[135]);
        assertEquals(AccountTypes.NOT_RECORDED, reader.types());
        assertFalse(reader.hasNext());
    }
}
