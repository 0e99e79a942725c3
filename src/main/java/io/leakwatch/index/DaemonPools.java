package io.leakwatch.index;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread pools for one bulk job (staging, merging), named for thread dumps and never blocking shutdown. */
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
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, namePrefix + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
