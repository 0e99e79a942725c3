package io.leakwatch.notify;

import io.leakwatch.identifier.IdentifierType;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the breach-alert pages, in {@code messages/notify_en.properties} and
 * {@code notify_zh.properties}: the form and what it sends and keeps, the pages behind the links of
 * the mails, their errors, and why a sensitive breach is named only for the verified email address
 * ({@link SubscriberDisclosure}). The mails have templates of their own per language.
 */
@MessageBundle(value = "notify", locale = "en")
public interface NotifyMessages {

    @Message
    String formTitle();

    @Message
    String formLead();

    @Message
    String formConfirmFirst();

    @Message
    String formUnsubscribeAnyTime();

    @Message
    String sentAndKeptHeading();

    @Message
    String sentAndKeptUnlikeCheck();

    @Message
    String sentAndKeptStored();

    @Message
    String sentAndKeptNotConfirmed();

    @Message
    String errorSummaryHeading();

    @Message
    String errorSummaryNotShownAgain();

    /** An entry of the error summary: the field's label and what is wrong with it. */
    @Message
    String fieldProblem(String label, String problem);

    @Message
    String emailLabel();

    @Message
    String emailHint();

    @Message
    String emailRequired();

    @Message
    String alsoMonitor();

    @Message
    String phoneLabel();

    @Message
    String phoneHint();

    @Message
    String nationalIdLabel();

    @Message
    String nationalIdHint();

    @Message
    String usernameLabel();

    @Message
    String languageLabel();

    @Message
    String subscribe();

    @Message
    String sensitiveOnlyForYourEmailHeading();

    @Message
    String sensitiveOnlyForYourEmail();

    @Message
    String sentTitle();

    @Message
    String sentLead();

    @Message
    String sentOpenLink(long hours);

    @Message
    String sentNothingArrived();

    @Message
    String confirmTitle();

    @Message
    String confirmText();

    @Message
    String confirmButton();

    @Message
    String confirmNotYou();

    @Message
    String verifiedHeading();

    @Message
    String verifiedLead();

    @Message
    String verifiedFromNowOn();

    @Message
    String unsubscribeHeading();

    @Message
    String unsubscribeText();

    @Message
    String unsubscribeButton();

    @Message
    String unsubscribedHeading();

    @Message
    String unsubscribedLead();

    @Message
    String unsubscribedAgain();

    @Message
    String unsubscribedAgainLink();

    @Message
    String unavailableTitle();

    @Message
    String unavailableText();

    @Message
    String unavailableHomeLink();

    @Message
    String linkProblemAlerts();

    @Message
    String linkProblemHome();

    @Message
    String tooManyTitle();

    @Message
    String tooManyText();

    @Message
    String reportExpiredTitle();

    @Message
    String reportExpiredText(long hours);

    @Message
    String verificationExpiredTitle();

    @Message
    String verificationExpiredText(long hours);

    @Message
    String verificationInvalidTitle();

    @Message
    String verificationInvalidText();

    @Message
    String unsubscribeInvalidTitle();

    @Message
    String unsubscribeInvalidText();

    @Message
    String reportTitle();

    @Message
    String reportFor();

    @Message
    String reportMonitors();

    @Message
    String monitored(IdentifierType type);

    @Message
    String reportPrivate();

    @Message
    String reportPrivateSensitive();

    @Message
    String reportOtherIdentifiers();

    @Message
    String reportNone();

    @Message
    String reportInLeaks(int count);

    @Message
    String reportSensitiveTag();

    @Message
    String reportSensitiveText();

    @Message
    String reportLeakedOn(String date);

    @Message
    String reportIdentifiers(String count);

    @Message
    String reportInGeneral();

    @Message
    String reportGeneralPasswords();

    @Message
    String reportGeneralCodes();

    @Message
    String reportGeneralScams();

    @Message
    String reportWhatToDo();

    @Message
    String reportUnsubscribe();

    @Message
    String reportUnsubscribeExplained();

    @Message
    String invitationHeading();

    @Message
    String invitationText();

    @Message
    String invitationLink();
}
