package io.leakwatch.notify;

import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.testing.AdminBrowser;
import io.leakwatch.testing.BreachLoader;
import io.leakwatch.testing.CapturedLog;
import io.leakwatch.testing.TestMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A subscription's whole life, failures included, leaves no address, identifier, hash or token in the log. */
@QuarkusTest
class NoAddressInLogsTest {

    @Inject
    Subscribers subscribers;

    @Inject
    BreachLoader breaches;

    @Inject
    NotifyKeys keys;

    @AfterEach
    void smtpIsUp() {
        TestMailbox.start();
    }

    @Test
    void aSubscriptionsWholeLifeLeavesNothingPersonalInTheLog() {
        TestMailbox.start();
        String email = Subscribers.newEmail("Discreet");
        String phone = Subscribers.newPhone();
        String username = "discreet" + System.nanoTime();
        List<String> secrets = new ArrayList<>(List.of(email, email.toLowerCase(Locale.ROOT), email.substring(0, email.indexOf('@')),
                phone, username));
        for (String identifier : List.of(email.toLowerCase(Locale.ROOT), "+86" + phone, username)) {
            byte[] sha1 = IdentifierHashes.sha1(identifier);
            secrets.add(IdentifierHashes.sha1Hex(identifier));
            secrets.add(IdentifierHashes.sha1Hex(identifier).toLowerCase(Locale.ROOT));
            secrets.add(HexFormat.of().formatHex(keys.keyedHash(sha1)));
        }

        try (CapturedLog log = CapturedLog.start()) {
            subscribers.subscribe(Map.of("email", "not an address", "phone", phone)).then().statusCode(400);
            TestMailbox.Mail welcome = subscribers.subscribeAndConfirm(Map.of("email", email, "phone", phone, "username", username));
            String verify = TestMailbox.to(email).get(0).link("/notify/verify");
            secrets.add(verify.substring(verify.indexOf("token=") + 6));
            subscribers.subscribe(Map.of("email", email)).then().statusCode(303); // already subscribed
            TestMailbox.await(email, TestMailbox.subjectContains("already subscribed"), "the already-subscribed mail");
            TestMailbox.stop(); // failed attempts are logged (and the test server forgets its mail)
            BreachLoader.LoadedBreach breach = breaches.create("Quiet", false);
            breaches.publish(breach, "email,phone,username\r\n" + email + "," + phone + "," + username + "\r\n");
            BreachLoader.await(() -> log.lines().stream().anyMatch(line -> line.contains("not sent")), "a failed attempt is logged");
            TestMailbox.start();
            TestMailbox.Mail alert = TestMailbox.await(email, TestMailbox.subjectContains("new breach"), "the alert");
            given().get(alert.link("/notify/report")).then().statusCode(200);
            String unsubscribe = welcome.link("/notify/unsubscribe");
            AdminBrowser.fresh().post(unsubscribe, Map.of()).then().statusCode(200);
            secrets.add(alert.link("/notify/report").substring(alert.link("/notify/report").indexOf("token=") + 6));
            secrets.add(unsubscribe.substring(unsubscribe.indexOf("token=") + 6));

            List<String> lines = log.lines();
            assertTrue(lines.stream().anyMatch(line -> line.contains("Matched upload")), "the log was captured: " + lines);
            for (String secret : secrets) {
                for (String line : lines) {
                    assertFalse(line.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT)),
                            "a log line gives away '" + secret + "': " + line);
                }
            }
        }
    }
}
