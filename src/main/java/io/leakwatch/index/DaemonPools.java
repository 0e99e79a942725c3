package io.leakwatch.index;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The portal's own threads: pools for one bulk job (staging, merging, matching) and single workers
 * (the ingestion queue, the outbox), named for thread dumps and never blocking shutdown, and the wait
 * for their results.
 */
public final class DaemonPools {

    private DaemonPools() {
    }

    /** A pool of one thread per core; shut it down when the job ends. */
    public static ExecutorService perCore(String namePrefix) {
        return fixed(namePrefix, cores());
    }

    /** A pool of {@code threads} threads; shut it down when the job ends. */
    public static ExecutorService fixed(String namePrefix, int threads) {
        AtomicInteger threadNumber = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> daemon(task, namePrefix + "-" + threadNumber.incrementAndGet()));
    }

    /** A pool of one thread named {@code name}, for a queue of jobs run one at a time; shut it down at the end. */
    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(task -> daemon(task, name));
    }

    /** Waits for a task's result; its failure is thrown as the task threw it, an IOException included. */
    public static <T> T await(Future<T> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for a task");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IOException(e.getCause());
        }
    }

    /** Starts one thread named {@code name} for a task that ends by itself. */
    public static Thread start(String name, Runnable task) {
        Thread thread = daemon(task, name);
        thread.start();
        return thread;
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
