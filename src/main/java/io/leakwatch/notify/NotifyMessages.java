package io.leakwatch.notify;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the alert pages that are in both languages so far, in
 * {@code messages/notify_en.properties} and {@code notify_zh.properties}: why a sensitive breach is
 * named only for the verified email address ({@link SubscriberDisclosure}).
 */
@MessageBundle(value = "notify", locale = "en")
public interface NotifyMessages {

    @Message
    String sensitiveOnlyForYourEmailHeading();

    @Message
    String sensitiveOnlyForYourEmail();

    @Message
    String reportOtherIdentifiers();
}
