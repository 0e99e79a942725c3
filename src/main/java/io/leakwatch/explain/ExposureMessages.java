package io.leakwatch.explain;

import io.leakwatch.breach.DataClass;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What exposure means, per data class and per risk level, in {@code messages/exposure_en.properties}
 * and {@code exposure_zh.properties}. {@link #steps} lists a data class's steps separated by {@code |},
 * in the order to take them. The {@code brief} texts say it in a sentence or two each, for mails
 * ({@link ExposureBrief}).
 */
@MessageBundle(value = "exposure", locale = "en")
public interface ExposureMessages {

    String STEP_SEPARATOR = "|";

    @Message
    String summary(DataClass dataClass);

    @Message
    String attacker(DataClass dataClass);

    @Message
    String seriousness(DataClass dataClass);

    @Message
    String steps(DataClass dataClass);

    @Message
    String briefMeaning(DataClass dataClass);

    @Message
    String briefAdvice(DataClass dataClass);

    /** For a data class this version does not know (stored by a newer one). */
    @Message
    String briefMeaningOther();

    @Message
    String briefAdviceOther();

    @Message
    String severity(Severity severity);

    @Message
    String riskSummary(Severity severity);

    @Message
    String riskRule(RiskRule rule);

    @Message
    String indexTitle();

    @Message
    String indexIntro();

    @Message
    String indexLevels();

    @Message
    String pageTitle(String dataClass);

    @Message
    String severityLabel();

    @Message
    String attackerHeading();

    @Message
    String seriousnessHeading();

    @Message
    String stepsHeading();

    @Message
    String otherKinds();

    @Message
    String checkYourself();
}
