package io.leakwatch.check;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzip for the bucket bodies, off the event loop. Deflating a 37 KB bucket takes about thirty times as
 * long as sending it (README "Range API figures"); done by Vert.x, it would run on the event loop that
 * serves every connection, so that one loop, not the cores, would bound the compressed answers. Here it
 * runs on a pool of one thread per core, at the level Vert.x compresses everything else with.
 */
@ApplicationScoped
public class GzipBodies {

    /** RFC 1952: magic, deflate, no flags, no time, no extra flags, unknown OS. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int TRAILER_BYTES = 8;

    private final WorkerExecutor deflaters;
    private final int level;

    public GzipBodies(Vertx vertx, @ConfigProperty(name = "quarkus.http.compression-level", defaultValue = "6") int level) {
        int cores = Runtime.getRuntime().availableProcessors();
        this.deflaters = vertx.createSharedWorkerExecutor("leakwatch-gzip", cores);
        this.level = level;
    }

    /** {@code body} as a gzip member, compressed on a deflater thread; the future completes on the caller's context. */
    public Future<ByteBuffer> compress(ByteBuffer body) {
        return deflaters.executeBlocking(() -> gzip(body, level), false);
    }

    static ByteBuffer gzip(ByteBuffer body, int level) {
        ByteBuffer input = body.duplicate();
        CRC32 crc = new CRC32();
        crc.update(input.duplicate());
        int length = input.remaining();
        Deflater deflater = new Deflater(level, true);
        try {
            deflater.setInput(input);
            deflater.finish();
            // Deflate's worst case is a few bytes per 16 KB block over the input
            ByteBuffer out = ByteBuffer.allocate(HEADER.length + length + length / 1000 + 64 + TRAILER_BYTES)
                    .order(ByteOrder.LITTLE_ENDIAN);
            out.put(HEADER);
            while (!deflater.finished()) {
                if (!out.hasRemaining()) {
                    throw new IllegalStateException("deflate overran its bound");
                }
                deflater.deflate(out);
            }
            out.putInt((int) crc.getValue()).putInt(length);
            return out.flip();
        } finally {
            deflater.end();
        }
    }

    /**
     * Whether the client takes gzip and likes nothing Vert.x could send instead better: gzip with a
     * q-value above zero and at least deflate's. Anything else (deflate first, only {@code *}, gzip
     * refused) is left to Vert.x's own choice.
     */
    static boolean preferred(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        float gzip = -1;
        float deflate = -1;
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            float q = quality(parts);
            if (name.equals("gzip") || name.equals("x-gzip")) {
                gzip = Math.max(gzip, q);
            } else if (name.equals("deflate")) {
                deflate = Math.max(deflate, q);
            }
        }
        return gzip > 0 && gzip >= deflate;
    }

    /** The q parameter of one coding (1 when absent, 0 when unreadable, so that a garbled one counts as refused). */
    private static float quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                try {
                    float q = Float.parseFloat(parameter.substring(2).trim());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    @PreDestroy
    void close() {
        deflaters.close();
    }
}
