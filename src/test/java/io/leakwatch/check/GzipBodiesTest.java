package io.leakwatch.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GzipBodiesTest {

    @Test
    void whatIsCompressedDecompressesToTheSameBytes() throws IOException {
        Random random = new Random(7);
        byte[] hex = new byte[40_000];
        for (int i = 0; i < hex.length; i++) {
            hex[i] = (byte) "0123456789ABCDEF\r\n:".charAt(random.nextInt(19));
        }
        byte[] noise = new byte[70_000]; // incompressible: deflate must still fit its bound
        random.nextBytes(noise);
        for (byte[] body : new byte[][] {new byte[0], "00000:1\r\n".getBytes(), hex, noise}) {
            ByteBuffer direct = ByteBuffer.allocateDirect(body.length + 3).position(3);
            direct.put(body).position(3);
            for (ByteBuffer input : new ByteBuffer[] {ByteBuffer.wrap(body), direct.slice()}) {
                ByteBuffer gzip = GzipBodies.gzip(input, 1);
                byte[] bytes = new byte[gzip.remaining()];
                gzip.get(bytes);
                assertArrayEquals(body, new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes());
                assertEquals(body.length, input.remaining(), "the body itself is left as it was");
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null | false",
            "gzip | true",
            "gzip, deflate, br, zstd | true",
            "GZIP;Q=0.8, deflate;q=0.8 | true",
            "x-gzip | true",
            "deflate, gzip;q=0.5 | false",
            "gzip;q=0 | false",
            "gzip;q=abc | false",
            "identity | false",
            "* | false",
    })
    void gzipIsTakenOnlyWhereTheClientPrefersIt(String acceptEncoding, boolean preferred) {
        assertEquals(preferred, GzipBodies.preferred(acceptEncoding));
    }
}
