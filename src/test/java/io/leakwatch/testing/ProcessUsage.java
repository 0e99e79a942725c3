package io.leakwatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What a running process holds, read from {@code /proc}: resident memory, threads, open file descriptors. */
public record ProcessUsage(long rssKib, int threads, int openFiles) {

    public static ProcessUsage of(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try (Stream<String> status = Files.lines(proc.resolve("status")); Stream<Path> fds = Files.list(proc.resolve("fd"))) {
            long rss = 0;
            int threads = 0;
            for (String line : (Iterable<String>) status::iterator) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.replaceAll("\\D", ""));
                }
            }
            return new ProcessUsage(rss, threads, (int) fds.count());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read /proc of process " + pid, e);
        }
    }

    public long rssMib() {
        return rssKib / 1024;
    }
}
