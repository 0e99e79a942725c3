package io.leakwatch.notify;

import io.leakwatch.identifier.IdentifierHashes;
import io.leakwatch.testing.AdminBrowser;
import io.leakwatch.testing.BreachLoader;
import io.leakwatch.testing.TestMailbox;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** What notification tests do as a person: subscribe through the form, confirm from the mail; and what they check in the database. */
@ApplicationScoped
public class Subscribers {

    static final String VERIFICATION_SUBJECT = "Confirm your Leakwatch breach alerts";
    static final String WELCOME_SUBJECT = "Your Leakwatch breach alerts are on";

    private final DataSource dataSource;
    private final NotifyKeys keys;

    public Subscribers(DataSource dataSource, NotifyKeys keys) {
        this.dataSource = dataSource;
        this.keys = keys;
    }

    /** An address no other test uses, at a reserved domain. */
    static String newEmail(String stem) {
        return stem + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** An 11-digit mainland mobile number no other test uses (in practice). */
    static String newPhone() {
        return "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
    }

    /** Fills in and sends the form from a browser of its own; returns the answer (a 303 when accepted). */
    Response subscribe(Map<String, String> fields) {
        return subscribe(AdminBrowser.fresh(), fields);
    }

    Response subscribe(AdminBrowser browser, Map<String, String> fields) {
        return browser.submit("/notify", "/notify", fields);
    }

    /** Subscribes, confirms through the verification mail, and returns the confirmation (welcome) mail. */
    TestMailbox.Mail subscribeAndConfirm(Map<String, String> fields) {
        String email = fields.get("email");
        int welcomesBefore = TestMailbox.to(email).stream().filter(mail -> mail.subject().equals(WELCOME_SUBJECT)).toList().size();
        assertEquals(303, subscribe(fields).statusCode());
        TestMailbox.Mail verification = TestMailbox.await(email, TestMailbox.subjectContains(VERIFICATION_SUBJECT), "verification mail");
        assertEquals(303, confirm(verification.link("/notify/verify")).statusCode());
        BreachLoader.await(() -> TestMailbox.to(email).stream()
                .filter(mail -> mail.subject().equals(WELCOME_SUBJECT)).count() > welcomesBefore, "the confirmation mail");
        return TestMailbox.await(email, TestMailbox.subjectContains(WELCOME_SUBJECT), "confirmation mail");
    }

    /** Opens a verification link and presses its button, as a person does. */
    static Response confirm(String verifyLink) {
        AdminBrowser browser = AdminBrowser.fresh();
        Response page = browser.get(verifyLink);
        assertEquals(200, page.statusCode(), page.asString());
        Element form = Jsoup.parse(page.asString()).selectFirst("form[action=/notify/verify]");
        assertNotNull(form, "the page asks to confirm with a button");
        Map<String, String> fields = new HashMap<>();
        fields.put("token", form.selectFirst("input[name=token]").val());
        return browser.post("/notify/verify", fields);
    }

    /** The subscription of a (normalised) address, if any. */
    UUID subscriptionOf(String email) {
        byte[] emailHash = keys.keyedHash(IdentifierHashes.sha1(email.toLowerCase()));
        return single("SELECT id FROM notify_subscription WHERE email_hash = ?", emailHash, UUID.class);
    }

    /** The number in the first column of the first row (0 without a row). */
    long count(String sql, Object parameter) {
        Number count = single(sql, parameter, Number.class);
        return count == null ? 0 : count.longValue();
    }

    private <T> T single(String sql, Object parameter, Class<T> type) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? (type == Number.class ? type.cast(rs.getObject(1)) : rs.getObject(1, type)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
