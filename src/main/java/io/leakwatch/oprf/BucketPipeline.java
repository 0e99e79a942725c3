package io.leakwatch.oprf;

import io.leakwatch.index.DaemonPools;
import io.leakwatch.index.GenerationFile;
import io.leakwatch.index.HashKind;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Turns every non-empty bucket of a generation's account file into the stored bytes of a derived
 * file, on every core, handing the results to the file's writer in prefix order. Buckets go out in
 * batches of about {@value #BATCH_BYTES} bytes of input; at most two batches per core are in
 * flight, so memory stays at a few batches whatever the size of the index.
 */
final class BucketPipeline {

    static final int BATCH_BYTES = 256 * 1024;
    private static final int MAX_BATCH_PREFIXES = 1 << 14;

    private BucketPipeline() {
    }

    /** What one bucket becomes; called on pool threads, so it must be safe to run concurrently. */
    @FunctionalInterface
    interface BucketWork {
        /** What to store for this bucket; nothing is stored when its bytes are empty. */
        Stored apply(int prefix, ByteBuffer accountBucket);
    }

    /** A bucket's stored bytes and the entries they hold. */
    record Stored(int entryCount, byte[] bytes) {
    }

    private record Done(int prefix, Stored stored) {
    }

    static void run(String threadName, GenerationFile accounts, BucketWork work, GenerationFile.BucketSink sink)
            throws IOException {
        int threads = DaemonPools.cores();
        ExecutorService pool = DaemonPools.perCore(threadName);
        ArrayDeque<Future<List<Done>>> inFlight = new ArrayDeque<>();
        try {
            int prefix = 0;
            while (prefix < HashKind.BUCKET_COUNT) {
                int first = prefix;
                long bytes = 0;
                while (prefix < HashKind.BUCKET_COUNT && prefix - first < MAX_BATCH_PREFIXES && bytes < BATCH_BYTES) {
                    bytes += accounts.bucketLength(prefix++);
                }
                if (bytes == 0) {
                    continue;
                }
                int last = prefix;
                inFlight.add(pool.submit(() -> batch(accounts, work, first, last)));
                while (inFlight.size() > 2 * threads) {
                    drain(inFlight.poll(), sink);
                }
            }
            while (!inFlight.isEmpty()) {
                drain(inFlight.poll(), sink);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Done> batch(GenerationFile accounts, BucketWork work, int first, int end) {
        List<Done> done = new ArrayList<>();
        for (int prefix = first; prefix < end; prefix++) {
            if (accounts.bucketLength(prefix) > 0) {
                done.add(new Done(prefix, work.apply(prefix, accounts.bucket(prefix))));
            }
        }
        return done;
    }

    private static void drain(Future<List<Done>> batch, GenerationFile.BucketSink sink) throws IOException {
        for (Done done : DaemonPools.await(batch)) {
            if (done.stored().bytes().length > 0) {
                sink.add(done.prefix(), done.stored().entryCount(), done.stored().bytes());
            }
        }
    }
}
