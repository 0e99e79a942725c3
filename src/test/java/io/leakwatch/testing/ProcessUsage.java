package io.leakwatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    /**
     * A process's descriptors sorted by who decides how many there are. {@code classPath}: jars and the
     * JDK's modules file, which Quarkus's class loader opens on a class's first use from them (and closes
     * after start, so the count follows which code paths ran, not a leak). {@code accepted}: connections
     * clients made to {@code port} and hold open, the clients' to close (an HTTP client keeps idle
     * connections until it is collected). {@code opened}: connections the process made and both ends
     * still hold (its database pool). {@code other}: everything else, where a leak shows, including a
     * connection the peer closed and the process did not (CLOSE_WAIT). {@code targets} counts the
     * descriptors by target, sockets and pipes by kind ({@code socket:[]}), for a message.
     */
    public record Descriptors(int classPath, int accepted, int opened, int other, Map<String, Integer> targets) {

        /** /proc/net/tcp's state of a connection both ends still have open. */
        private static final String ESTABLISHED = "01";

        public static Descriptors of(long pid, int port) {
            Path proc = Path.of("/proc", Long.toString(pid));
            Map<String, Integer> targets = new TreeMap<>();
            Set<String> socketInodes = new HashSet<>();
            int classPath = 0;
            int all = 0;
            try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                for (Path fd : (Iterable<Path>) fds::iterator) {
                    String target;
                    try {
                        target = Files.readSymbolicLink(fd).toString();
                    } catch (NoSuchFileException closedMeanwhile) {
                        continue; // closed between the listing and the read: holds nothing
                    }
                    all++;
                    if (target.endsWith(".jar") || target.endsWith("/lib/modules")) {
                        classPath++;
                    } else if (target.startsWith("socket:[")) {
                        socketInodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                    targets.merge(target.replaceAll("\\[\\d+]", "[]"), 1, Integer::sum);
                }
                String localPort = String.format(":%04X", port);
                int accepted = 0;
                int opened = 0;
                for (String table : List.of("net/tcp", "net/tcp6")) {
                    for (String line : Files.readAllLines(proc.resolve(table))) {
                        String[] fields = line.trim().split("\\s+");
                        if (fields.length > 9 && fields[3].equals(ESTABLISHED) && socketInodes.contains(fields[9])) {
                            if (fields[1].endsWith(localPort)) {
                                accepted++;
                            } else {
                                opened++;
                            }
                        }
                    }
                }
                return new Descriptors(classPath, accepted, opened, all - classPath - accepted - opened, targets);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read /proc of process " + pid, e);
            }
        }

        /** All the process's descriptors in this reading. */
        public int total() {
            return classPath + accepted + opened + other;
        }

        /** The targets this reading has more descriptors for than {@code before}, with how many more. */
        public Map<String, Integer> addedSince(Descriptors before) {
            Map<String, Integer> added = new TreeMap<>();
            targets.forEach((target, count) -> {
                int more = count - before.targets.getOrDefault(target, 0);
                if (more > 0) {
                    added.put(target, more);
                }
            });
            return added;
        }
    }

    public long rssMib() {
        return rssKib / 1024;
    }
}
