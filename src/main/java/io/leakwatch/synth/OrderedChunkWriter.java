package io.leakwatch.synth;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
        ExecutorService workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "synth-worker");
            thread.setDaemon(true);
            return thread;
        });
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

    private static Chunk await(Future<Chunk> chunk) throws IOException {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while generating", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
