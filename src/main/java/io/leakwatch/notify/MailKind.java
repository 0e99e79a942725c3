package io.leakwatch.notify;

import java.util.Arrays;

/** The mails notifications send; {@link #code()} is what the outbox keeps. */
public enum MailKind {
    /** Double opt-in: the link that confirms a subscription. */
    VERIFICATION("verification"),
    /** Someone asked to subscribe an address that already is: the owner gets their report link instead. */
    ALREADY_SUBSCRIBED("already-subscribed"),
    /** The subscription is confirmed; lists the breaches the owner was already in. */
    WELCOME("welcome"),
    /** A newly published breach contains the subscriber. */
    ALERT("alert");

    private final String code;

    MailKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static MailKind ofCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown mail kind " + code));
    }
}
