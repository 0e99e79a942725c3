package io.leakwatch.synth;

import io.leakwatch.index.DaemonPools;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.LongFunction;

/**
 * Renders numbered chunks on worker threads and writes them in number order. At most two chunks
 * per worker are rendered or waiting at any time, so memory stays bounded whatever the total.
 */
final class OrderedChunkWriter {

    record Chunk(byte[] bytes, int length) {
    }

    private final int threads;

    OrderedChunkWriter(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("At least one thread");
        }
        this.threads = threads;
    }

    void write(long chunkCount, LongFunction<Chunk> render, OutputStream out) throws IOException {
        ExecutorService workers = DaemonPools.fixed("synth-worker", threads);
        try {
            Deque<Future<Chunk>> inFlight = new ArrayDeque<>();
            long next = 0;
            while (next < chunkCount || !inFlight.isEmpty()) {
                while (next < chunkCount && inFlight.size() < 2 * threads) {
                    long chunkIndex = next++;
                    inFlight.addLast(workers.submit(() -> render.apply(chunkIndex)));
                }
                Chunk chunk = await(inFlight.removeFirst());
                out.write(chunk.bytes(), 0, chunk.length());
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /** A chunk's bytes; a render that failed to write (it can only throw unchecked) fails as the IOException it was. */
    private static Chunk await(Future<Chunk> chunk) throws IOException {
        try {
            return DaemonPools.await(chunk);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
