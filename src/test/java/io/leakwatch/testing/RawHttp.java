package io.leakwatch.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte by byte on a socket, for requests no well-behaved client library would send
 * (control characters in a header, a path that is not valid UTF-8, a body that lies about its length),
 * as scanners send them. One request per connection ({@code Connection: close}); the whole answer is
 * read until the server closes, within a deadline.
 */
public final class RawHttp {

    private final int port;
    private final Duration timeout;

    public RawHttp(int port, Duration timeout) {
        this.port = port;
        this.timeout = timeout;
    }

    /** What came back: the status (0 when the server closed without a status line) and the raw bytes. */
    public record Answer(int status, Map<String, String> headers, byte[] body, byte[] raw) {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Thrown when the portal neither answers nor closes the connection within the deadline. */
    public static final class NoAnswer extends AssertionError {
        NoAnswer(String message) {
            super(message);
        }
    }

    /** A request line, header lines and a body, each given as bytes so that any of them may be malformed. */
    public static byte[] request(String method, byte[] target, Map<String, byte[]> headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((method + " ").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(target);
        out.writeBytes(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n".getBytes(StandardCharsets.ISO_8859_1));
        headers.forEach((name, value) -> {
            out.writeBytes(name.getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(": ".getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(value);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        });
        if (body != null) {
            out.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    public Answer send(byte[] request) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
            socket.setSoTimeout(250);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush(); // no half-close: Netty would take it for the end of the connection
            } catch (IOException closedEarly) {
                // The server may refuse a request before reading all of it (a header too large): read what it said.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new NoAnswer("No complete answer within " + timeout + " (" + answer.size() + " bytes so far)");
                    }
                    continue;
                } catch (IOException reset) {
                    break; // a reset after the answer counts as its end
                }
                if (n < 0) {
                    break;
                }
                answer.write(buffer, 0, n);
            }
            return parse(answer.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not reach the portal on port " + port, e);
        }
    }

    private static Answer parse(byte[] raw) {
        int headEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (headEnd < 0 || raw.length < 12 || !new String(raw, 0, 5, StandardCharsets.ISO_8859_1).equals("HTTP/")) {
            return new Answer(0, Map.of(), raw, raw);
        }
        String head = new String(raw, 0, headEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                // repeated headers (Set-Cookie) are kept one per line
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
                        (first, next) -> first + "\n" + next);
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body, raw);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (lineEnd < 0) {
                break;
            }
            String sizeField = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeField, 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(chunked, start, Math.min(size, chunked.length - start));
            at = start + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, 0, pattern);
    }

    private static int indexOf(byte[] data, int from, byte[] pattern) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
