package io.leakwatch.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real SMTP server of the tests: GreenMail, in the test JVM, on the port Quarkus Mailer was given
 * by {@link SmtpTestResource}. Tests use unique addresses, so each reads only its own mail.
 */
public final class TestMailbox {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static GreenMail server;

    private TestMailbox() {
    }

    /** Starts the server if it is not running. */
    public static synchronized void start() {
        if (server == null) {
            int port = ConfigProvider.getConfig().getValue("quarkus.mailer.port", Integer.class);
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        }
        if (!server.isRunning()) {
            server.start();
        }
    }

    /** Stops the server: the portal's SMTP connections are refused until {@link #start()}. */
    public static synchronized void stop() {
        if (server != null && server.isRunning()) {
            server.stop();
        }
    }

    static synchronized void shutDown() {
        stop();
        server = null;
    }

    /** A received mail, reduced to what tests look at. */
    public record Mail(String to, String subject, String text, String html, MimeMessage message) {

        public String header(String name) {
            try {
                String[] values = message.getHeader(name);
                return values == null ? null : values[0];
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The first link in the plain-text part that starts with {@code baseUrl + path}, as a path and query. */
        public String link(String path) {
            Matcher matcher = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(path) + "[^\\s]*)").matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("No link to " + path + " in: " + text);
            }
            return matcher.group(1);
        }
    }

    /** Every mail received for {@code address}, oldest first. */
    public static synchronized List<Mail> to(String address) {
        start();
        return Arrays.stream(server.getReceivedMessages()).filter(message -> isTo(message, address))
                .map(message -> read(message, address)).toList();
    }

    /** Waits until a mail to {@code address} matching {@code which} arrives; returns the latest such. */
    public static Mail await(String address, Predicate<Mail> which, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<Mail> matching = to(address).stream().filter(which).toList();
            if (!matching.isEmpty()) {
                return matching.get(matching.size() - 1);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No " + what + " arrived; mail received: "
                        + to(address).stream().map(Mail::subject).toList());
            }
            pause();
        }
    }

    /** Waits until at least {@code count} mails whose subject contains {@code subject} have arrived for {@code address}. */
    public static void awaitCount(String address, String subject, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (to(address).stream().filter(subjectContains(subject)).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Fewer than " + count + " mails arrived: " + subject);
            }
            pause();
        }
    }

    public static Predicate<Mail> subjectContains(String text) {
        return mail -> mail.subject().contains(text);
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mail read(MimeMessage message, String address) {
        try {
            String text = null;
            String html = null;
            Object content = message.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        text = (String) part.getContent();
                    } else if (part.isMimeType("text/html")) {
                        html = (String) part.getContent();
                    } else if (part.getContent() instanceof Multipart nested) {
                        for (int j = 0; j < nested.getCount(); j++) {
                            BodyPart inner = nested.getBodyPart(j);
                            if (inner.isMimeType("text/plain")) {
                                text = (String) inner.getContent();
                            } else if (inner.isMimeType("text/html")) {
                                html = (String) inner.getContent();
                            }
                        }
                    }
                }
            } else if (message.isMimeType("text/html")) {
                html = (String) content;
            } else {
                text = String.valueOf(content);
            }
            return new Mail(address, message.getSubject(), text, html, message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
