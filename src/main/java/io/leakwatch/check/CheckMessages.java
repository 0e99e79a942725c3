package io.leakwatch.check;

import io.leakwatch.identifier.IdentifierType;
import io.leakwatch.identifier.InputProblem;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the check pages (home, result, password check, how it works, API), in
 * {@code messages/check_en.properties} and {@code check_zh.properties}. A {@code #} in a message is
 * a count the browser fills in.
 */
@MessageBundle(value = "check", locale = "en")
public interface CheckMessages {

    @Message
    String homeTitle();

    @Message
    String homeLead();

    @Message
    String identifierLabel();

    @Message
    String identifierHint();

    @Message
    String typeLabel();

    @Message
    String detectType();

    @Message
    String identifierType(IdentifierType type);

    @Message
    String checkedAs(IdentifierType type);

    @Message
    String checkSuggested(IdentifierType type);

    @Message
    String checkAsTyped(IdentifierType type);

    @Message
    String submit();

    @Message
    String promiseHeading();

    @Message
    String promiseSent();

    @Message
    String promiseNotSent();

    @Message
    String promiseStored();

    @Message
    String promiseMore();

    @Message
    String passwordInvitation();

    @Message
    String passwordInvitationLink();

    @Message
    String noScript();

    @Message
    String needsJavaScriptTitle();

    @Message
    String needsJavaScriptPrivacy();

    @Message
    String problem(InputProblem problem);

    @Message
    String checking();

    @Message
    String networkError();

    @Message
    String rateLimited();

    @Message
    String notReady();

    @Message
    String insecureContext();

    @Message
    String badAnswer();

    @Message
    String resultFoundOne();

    @Message
    String resultFoundMany();

    @Message
    String resultFoundIntro();

    @Message
    String resultRiskHeading();

    @Message
    String resultBreachesHeading();

    @Message
    String resultFirstStepsHeading();

    @Message
    String resultExposedHeading();

    @Message
    String resultMoreStepsHeading();

    @Message
    String resultNotFoundHeading();

    @Message
    String resultNotFoundText();

    @Message
    String resultNotFoundAdvice();

    @Message
    String sentHeading();

    @Message
    String sentPrefix();

    @Message
    String sentBucket();

    @Message
    String sentElement();

    @Message
    String sentOblivious();

    @Message
    String sentRequest();

    @Message
    String sentNothingElse();

    @Message
    String sentDetails();

    @Message
    String sentMore();

    @Message
    String passwordTitle();

    @Message
    String passwordLead();

    @Message
    String passwordLabel();

    @Message
    String passwordShow();

    @Message
    String passwordSubmit();

    @Message
    String passwordFoundHeading();

    @Message
    String passwordFoundOnce();

    @Message
    String passwordFoundMany();

    @Message
    String passwordMeaning(PasswordSeen seen);

    @Message
    String passwordNotFoundHeading();

    @Message
    String passwordNotFoundText();

    @Message
    String passwordAdvice();

    @Message
    String passwordAdviceLink();

    @Message
    String howTitle();

    @Message
    String howLead();

    @Message
    String howFingerprintHeading();

    @Message
    String howFingerprintText();

    @Message
    String howPrefixHeading();

    @Message
    String howPrefixText();

    @Message
    String howExample(String input);

    @Message
    String howExampleHash();

    @Message
    String howExampleSent();

    @Message
    String howExampleElement();

    @Message
    String howYourPrefix();

    @Message
    String howTryHeading();

    @Message
    String howTryLabel();

    @Message
    String howTrySubmit();

    @Message
    String howTryNote();

    @Message
    String howAnswerHeading();

    @Message
    String howAnswerText();

    @Message
    String howDetailsText();

    @Message
    String howOfflineHeading();

    @Message
    String howOfflineText();

    @Message
    String howLimitHeading();

    @Message
    String howLimitText();

    @Message
    String howLogsHeading();

    @Message
    String howLogsText();

    @Message
    String howLogsNot();

    @Message
    String howCookie();

    @Message
    String howSyntheticHeading();

    @Message
    String howSyntheticText();

    @Message
    String howPasswordsHeading();

    @Message
    String howPasswordsText();

    @Message
    String apiTitle();

    @Message
    String apiLead();

    @Message
    String apiTableCaption();

    @Message
    String apiTableScrollCue();

    @Message
    String apiEndpoint();

    @Message
    String apiReturns();

    @Message
    String apiPasswordRange();

    @Message
    String apiAccountRange();

    @Message
    String apiBreaches();

    @Message
    String apiBreach();

    @Message
    String apiOprfCheck();

    @Message
    String apiOprfBucket();

    @Message
    String apiOprfEvaluate();

    @Message
    String apiOprfHeading();

    @Message
    String apiOprfSuite();

    @Message
    String apiOprfInput();

    @Message
    String apiOprfBucketId();

    @Message
    String apiOprfRequest();

    @Message
    String apiOprfAnswer();

    @Message
    String apiOprfBucketBody();

    @Message
    String apiOprfKeyId();

    @Message
    String apiOprfCdn();

    @Message
    String apiOprfErrors();

    @Message
    String apiSearchOffHeading();

    @Message
    String apiSearchOffText();

    @Message
    String apiPaddingHeading();

    @Message
    String apiPaddingText();

    @Message
    String apiNormaliseHeading();

    @Message
    String apiNormaliseText();

    @Message
    String apiExampleHeading();

    @Message
    String apiExampleText(String prefix);

    @Message
    String apiLimitsHeading();

    @Message
    String apiLimitsText();

    @Message
    String apiOpenApi();
}
