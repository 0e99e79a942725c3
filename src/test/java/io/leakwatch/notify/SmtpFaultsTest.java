package io.leakwatch.notify;

import io.leakwatch.testing.BreachLoader;
import io.leakwatch.testing.TestMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mail server away for longer than the outbox's longest wait between attempts, and a mail server
 * that takes a message and drops the connection in the middle of it: each subscriber gets each alert
 * once, after the server is back. (The test profile's waits are 1 s, doubling up to 2 s.)
 */
@QuarkusTest
class SmtpFaultsTest {

    private static final String ALERT_SUBJECT = "Your data is in a new breach";
    private static final Duration LONGEST_WAIT = ConfigProvider.getConfig()
            .getValue("leakwatch.notify.outbox.max-backoff", Duration.class);

    @Inject
    Subscribers subscribers;

    @Inject
    BreachLoader breaches;

    @BeforeEach
    @AfterEach
    void smtpIsUp() {
        TestMailbox.start();
    }

    @Test
    void anOutageLongerThanTheLongestWaitDelaysEveryAlertAndDuplicatesNone() throws Exception {
        List<String> emails = List.of(Subscribers.newEmail("Outlasting"), Subscribers.newEmail("Outlasting"), Subscribers.newEmail("Outlasting"));
        for (String email : emails) {
            subscribers.subscribeAndConfirm(Map.of("email", email));
        }
        TestMailbox.stop();
        long down = System.nanoTime();
        breaches.publish(breaches.create("LongOutage", false), "email\r\n" + String.join("\r\n", emails) + "\r\n");
        for (String email : emails) {
            UUID subscription = subscribers.subscriptionOf(email);
            // Four failed attempts: the waits between them have reached the longest one.
            BreachLoader.await(() -> subscribers.count("SELECT attempts FROM notify_mail WHERE subscription_id = ? AND kind = 'alert'"
                    + " AND state = 'pending'", subscription) >= 4, "four failed attempts");
        }
        Duration outage = Duration.ofNanos(System.nanoTime() - down);
        assertTrue(outage.compareTo(LONGEST_WAIT.multipliedBy(2)) > 0, "the outage outlasted the longest wait: " + outage);

        TestMailbox.start();
        for (String email : emails) {
            TestMailbox.await(email, TestMailbox.subjectContains(ALERT_SUBJECT), "the alert after the outage");
        }
        Thread.sleep(LONGEST_WAIT.multipliedBy(3).toMillis()); // time for any second delivery to show
        for (String email : emails) {
            assertEquals(1, alertsTo(email).size(), "one alert each");
        }
        System.out.printf("figure: smtp outage of %d s (longest wait %d s): %d alerts delivered once each after it%n",
                outage.toSeconds(), LONGEST_WAIT.toSeconds(), emails.size());
    }

    @Test
    void aServerThatDropsTheConnectionInTheMiddleOfAMessageCausesNoDuplicate() throws Exception {
        String email = Subscribers.newEmail("Dropped");
        subscribers.subscribeAndConfirm(Map.of("email", email));
        TestMailbox.stop();
        int port = ConfigProvider.getConfig().getValue("quarkus.mailer.port", Integer.class);
        try (DroppingSmtpServer dropping = new DroppingSmtpServer(port)) {
            breaches.publish(breaches.create("Dropped", false), "email\r\n" + email + "\r\n");
            BreachLoader.await(() -> dropping.messagesCut() >= 2, "two messages cut off in the middle");
            System.out.printf("figure: smtp server dropping mid-message: %d messages cut off, then the real server%n", dropping.messagesCut());
        }
        TestMailbox.start();
        TestMailbox.await(email, TestMailbox.subjectContains(ALERT_SUBJECT), "the alert from the real server");
        Thread.sleep(LONGEST_WAIT.multipliedBy(3).toMillis());
        assertEquals(1, alertsTo(email).size(), "one alert");
        assertEquals(1, subscribers.count("SELECT count(*) FROM notify_mail WHERE subscription_id = ? AND kind = 'alert' AND state = 'sent'",
                subscribers.subscriptionOf(email)));
    }

    private static List<TestMailbox.Mail> alertsTo(String email) {
        return TestMailbox.to(email).stream().filter(TestMailbox.subjectContains(ALERT_SUBJECT)).toList();
    }

    /** Speaks SMTP up to the message, reads a little of it, and closes the connection. */
    private static final class DroppingSmtpServer implements AutoCloseable {
        private final ServerSocket server;
        private final AtomicInteger cut = new AtomicInteger();
        private final Thread acceptor;

        DroppingSmtpServer(int port) throws IOException {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress("127.0.0.1", port));
            acceptor = new Thread(this::serve, "dropping-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int messagesCut() {
            return cut.get();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket client = server.accept()) {
                    client.setSoTimeout(10_000);
                    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                    OutputStream out = client.getOutputStream();
                    say(out, "220 dropping.test ESMTP");
                    String line;
                    while ((line = in.readLine()) != null) {
                        String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                        switch (command) {
                            case "EHLO", "HELO" -> say(out, "250 dropping.test");
                            case "MAIL", "RCPT", "RSET", "NOOP" -> say(out, "250 OK");
                            case "DATA" -> {
                                say(out, "354 go ahead");
                                for (int i = 0; i < 5 && in.readLine() != null; i++) {
                                    // the first lines of the message, then the line goes dead
                                }
                                cut.incrementAndGet();
                                client.setSoLinger(true, 0); // a reset, as a crashing server sends
                                throw new IOException("dropped");
                            }
                            case "QUIT" -> {
                                say(out, "221 bye");
                                throw new IOException("quit");
                            }
                            default -> say(out, "502 not here");
                        }
                    }
                } catch (IOException endOfConnection) {
                    // the next connection
                }
            }
        }

        private static void say(OutputStream out, String reply) throws IOException {
            out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws Exception {
            server.close();
            acceptor.join(5000);
        }
    }
}
