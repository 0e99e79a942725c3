package io.leakwatch.check;

import io.leakwatch.breach.AccountSearchNames;
import io.leakwatch.index.DaemonPools;
import io.leakwatch.index.GenerationFile;
import io.leakwatch.index.HashKind;
import io.leakwatch.index.IndexConfig;
import io.leakwatch.index.ServedIndex;
import io.leakwatch.oprf.OprfBuckets;
import io.quarkus.vertx.http.HttpServer;
import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.HttpsServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends {@code /range} and OPRF bucket requests to the portal itself, over its own port, once it
 * listens and before readiness turns UP, so that the JIT compiles the request path while no client
 * waits: a freshly started node otherwise served its first minute at a fraction of its speed. The
 * requests take the real way (socket, HTTP codec, router, {@link RangeRoutes}, {@link OprfRoutes}) with
 * the mix clients send: mostly plain, some padded, gzipped, revalidated, NTLM or HEAD, and one in
 * eight for an OPRF bucket.
 *
 * <p>It ends when the compiler has gone quiet (under {@link #QUIET_COMPILING} of each second spent
 * compiling, {@link #QUIET_SECONDS} seconds in a row, after at least {@link #MIN_REQUESTS} requests),
 * or after {@code leakwatch.index.range-warm-up} at the latest: how long compiling takes depends on
 * what else the machine is doing (about 10 s on a 2-core machine shared with four builds), more than
 * on the number of requests.
 *
 * <p>The client is a few blocking sockets and a byte scan for {@code Content-Length}, so that the
 * compiler's time goes to the server's code rather than to a client's. Nothing is logged per request
 * (range answers never are), and its answers are not counted in {@link RangeMetrics}: counting starts
 * when the warm-up ends.
 */
@Readiness
@ApplicationScoped
public class RangeWarmUp implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(RangeWarmUp.class);
    /** Requests in flight: enough to keep every event loop busy, as a loaded node's would be. */
    private static final int CONNECTIONS = 32;
    private static final int THREADS = 2;
    /** Distinct requests, sent over and over. */
    private static final int REQUESTS = 1024;
    /** Buckets the requests ask for: ones that hold entries, as real lookups mostly do. */
    private static final int SAMPLE_PREFIXES = 4096;
    /** Enough for the request path's methods to reach the compiler's thresholds. */
    private static final long MIN_REQUESTS = 20_000;
    /** Compiling time per second of warm-up under which the compiler counts as quiet. */
    private static final Duration QUIET_COMPILING = Duration.ofMillis(50);
    /**
     * Quiet seconds in a row that end the warm-up: the compiling time only grows when a compilation
     * completes, and one of the request path's largest can take a second or two. With two, one start
     * in six (bench/range.sh) ended its warm-up at 12 s and then served its first 10 s at 0.65 of the
     * warmed rate.
     */
    private static final int QUIET_SECONDS = 4;
    private static final Duration PLAIN_HTTP_GRACE = Duration.ofSeconds(10);

    private final ServedIndex servedIndex;
    private final OprfBuckets oprfBuckets;
    private final AccountSearchNames names;
    private final FinishedBodies finishedBodies;
    private final RangeMetrics metrics;
    private final HttpServer httpServer;
    private final Duration duration;
    private final boolean serving;
    private volatile boolean started;
    private volatile boolean done;

    public RangeWarmUp(ServedIndex servedIndex, OprfBuckets oprfBuckets, AccountSearchNames names, FinishedBodies finishedBodies,
                       RangeMetrics metrics, HttpServer httpServer, IndexConfig config) {
        this.servedIndex = servedIndex;
        this.oprfBuckets = oprfBuckets;
        this.names = names;
        this.finishedBodies = finishedBodies;
        this.metrics = metrics;
        this.httpServer = httpServer;
        this.duration = config.rangeWarmUp();
        this.serving = config.serving();
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Range warm-up").status(done).build();
    }

    void onHttpStart(@ObservesAsync HttpServerStart start) {
        started = true;
        if (!serving || duration.isZero() || duration.isNegative()) {
            finish();
            return;
        }
        String host = start.options().getHost();
        String address = host == null || host.equals("0.0.0.0") ? "127.0.0.1" : host.equals("::") ? "::1" : host;
        DaemonPools.start("range-warm-up", () -> run(new InetSocketAddress(address, httpServer.getPort())));
    }

    /**
     * The warm-up speaks plain HTTP: a node that listens on HTTPS only (insecure requests disabled)
     * reports ready without one.
     */
    void onHttpsStart(@ObservesAsync HttpsServerStart start) throws InterruptedException {
        Thread.sleep(PLAIN_HTTP_GRACE.toMillis()); // both listeners open in the same start
        if (!started) {
            LOG.info("No plain HTTP port to warm the range API up over: ready without a warm-up");
            finish();
        }
    }

    private void run(InetSocketAddress server) {
        try {
            ServedIndex.Snapshot snapshot;
            while ((snapshot = servedIndex.snapshot()) == null) { // the index is loading: readiness is DOWN anyway
                Thread.sleep(200);
            }
            List<byte[]> requests = requests(snapshot, server);
            LOG.infof("Warming up the range API (at most %d s) before reporting ready", duration.toSeconds());
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            AtomicLong answered = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = t * REQUESTS / THREADS;
                threads.add(DaemonPools.start("range-warm-up-" + t, () -> drive(server, requests, first, stop, answered)));
            }
            CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
            boolean measurable = compiler != null && compiler.isCompilationTimeMonitoringSupported();
            long compiled = measurable ? compiler.getTotalCompilationTime() : 0;
            int quietSeconds = 0;
            while (System.nanoTime() < deadline && quietSeconds < QUIET_SECONDS && threads.stream().anyMatch(Thread::isAlive)) {
                Thread.sleep(1000);
                long nowCompiled = measurable ? compiler.getTotalCompilationTime() : 0;
                boolean quiet = measurable && answered.get() >= MIN_REQUESTS && nowCompiled - compiled < QUIET_COMPILING.toMillis();
                quietSeconds = quiet ? quietSeconds + 1 : 0;
                compiled = nowCompiled;
            }
            stop.set(true);
            for (Thread thread : threads) {
                thread.join();
            }
            LOG.infof("Range warm-up done: %d requests in %.1f s", answered.get(), (System.nanoTime() - start) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finish();
        }
    }

    /** One thread's connections: a request on each, then each answer read, until told to stop. */
    private static void drive(InetSocketAddress server, List<byte[]> requests, int first, AtomicBoolean stop,
                              AtomicLong answered) {
        Connection[] connections = new Connection[CONNECTIONS / THREADS];
        try {
            for (int i = 0; i < connections.length; i++) {
                connections[i] = new Connection(server);
            }
            int next = first;
            while (!stop.get()) {
                for (Connection connection : connections) {
                    connection.send(requests.get(next++ % requests.size()));
                }
                for (Connection connection : connections) {
                    connection.readAnswer();
                }
                answered.addAndGet(connections.length);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Range warm-up stopped early: %s", e.getMessage());
        } finally {
            for (Connection connection : connections) {
                if (connection != null) {
                    connection.close();
                }
            }
        }
    }

    private void finish() {
        metrics.startCounting();
        done = true;
    }

    /**
     * The request mix, as bytes: 1 in 16 padded, 1 in 16 gzipped, 1 in 16 revalidated, 1 in 32 NTLM,
     * 1 in 64 HEAD, and 1 in 8 for an OPRF bucket (of those, 1 in 2 gzipped, 1 in 8 revalidated) when
     * OPRF buckets are served (they are made before a generation is served, unless that failed).
     */
    private List<byte[]> requests(ServedIndex.Snapshot snapshot, InetSocketAddress server) {
        int[] prefixes = samplePrefixes(snapshot.file(HashKind.PASSWORD_SHA1));
        String etag = finishedBodies.validators(snapshot.generation(), HashKind.PASSWORD_SHA1).etag().toString();
        OprfBuckets.Served oprf = oprfBuckets.served();
        int[] oprfPrefixes = oprf == null ? null : samplePrefixes(oprf.bodies());
        String oprfEtag = oprf == null ? null : finishedBodies.validators(oprf, names.listing()).etag().toString();
        Random random = new Random(REQUESTS);
        List<byte[]> requests = new ArrayList<>(REQUESTS);
        for (int n = 0; n < REQUESTS; n++) {
            String request;
            if (oprf != null && n % 8 == 6) {
                String headers = n % 16 == 14 ? "Accept-Encoding: gzip\r\n" : n % 64 == 22 ? "If-None-Match: " + oprfEtag + "\r\n" : "";
                request = "GET /api/v1/oprf/buckets/" + String.format("%05X", oprfPrefixes[random.nextInt(oprfPrefixes.length)])
                        + " HTTP/1.1\r\n" + host(server) + headers + "\r\n";
            } else {
                String headers = switch (n % 16) {
                    case 5 -> "Add-Padding: true\r\n";
                    case 9 -> "Accept-Encoding: gzip\r\n";
                    case 13 -> "If-None-Match: " + etag + "\r\n";
                    default -> "";
                };
                request = (n % 64 == 7 ? "HEAD" : "GET") + " /range/"
                        + String.format("%05X", prefixes[random.nextInt(prefixes.length)]) + (n % 32 == 3 ? "?mode=ntlm" : "")
                        + " HTTP/1.1\r\n" + host(server) + headers + "\r\n";
            }
            requests.add(request.getBytes(StandardCharsets.US_ASCII));
        }
        return requests;
    }

    private static String host(InetSocketAddress server) {
        return "Host: " + server.getHostString() + ":" + server.getPort() + "\r\n";
    }

    /** Up to {@link #SAMPLE_PREFIXES} prefixes of buckets that hold entries; a few of any kind if none do. */
    private static int[] samplePrefixes(GenerationFile file) {
        int[] found = new int[SAMPLE_PREFIXES];
        int count = 0;
        for (int prefix = 0; prefix < HashKind.BUCKET_COUNT && count < SAMPLE_PREFIXES; prefix++) {
            if (file.bucketLength(prefix) > 0) {
                found[count++] = prefix;
            }
        }
        return count == 0 ? new int[]{0, HashKind.BUCKET_COUNT / 2, HashKind.BUCKET_COUNT - 1} : Arrays.copyOf(found, count);
    }

    /** A kept-alive connection that reads an answer's head and skips its {@code Content-Length} of body. */
    private static final class Connection {
        private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private boolean head;

        Connection(InetSocketAddress server) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            socket.connect(server, 10_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        }

        void send(byte[] request) throws IOException {
            head = request[0] == 'H';
            out.write(request);
        }

        void readAnswer() throws IOException {
            int filled = 0;
            int headEnd;
            while ((headEnd = headEnd(buffer, filled)) < 0) {
                filled = fill(filled);
            }
            long remaining = head ? 0 : contentLength(buffer, headEnd) - (filled - headEnd);
            while (remaining > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (read < 0) {
                    throw new IOException("the server closed the connection");
                }
                remaining -= read;
            }
        }

        private int fill(int filled) throws IOException {
            if (filled == buffer.length) {
                throw new IOException("an answer's head is too long");
            }
            int read = in.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                throw new IOException("the server closed the connection");
            }
            return filled + read;
        }

        /** Where the body starts (after CRLF CRLF), or -1 if the head is not complete yet. */
        private static int headEnd(byte[] bytes, int length) {
            for (int i = 3; i < length; i++) {
                if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
                    return i + 1;
                }
            }
            return -1;
        }

        /** The Content-Length in the head (0 without one: a 304, or an empty body). */
        private static long contentLength(byte[] bytes, int headEnd) {
            for (int line = 0; line < headEnd; ) {
                int end = line;
                while (end < headEnd && bytes[end] != '\n') {
                    end++;
                }
                if (startsWithIgnoreCase(bytes, line, CONTENT_LENGTH)) {
                    return Long.parseLong(new String(bytes, line + CONTENT_LENGTH.length, end - line - CONTENT_LENGTH.length,
                            StandardCharsets.US_ASCII).trim());
                }
                line = end + 1;
            }
            return 0;
        }

        private static boolean startsWithIgnoreCase(byte[] bytes, int at, byte[] lowerCase) {
            if (at + lowerCase.length > bytes.length) {
                return false;
            }
            for (int i = 0; i < lowerCase.length; i++) {
                if (Character.toLowerCase(bytes[at + i]) != lowerCase[i]) {
                    return false;
                }
            }
            return true;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a warm-up connection: nothing to do
            }
        }
    }
}
