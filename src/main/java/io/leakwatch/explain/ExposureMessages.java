package io.leakwatch.explain;

import io.leakwatch.breach.DataClass;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What exposure means, per data class and per risk level, in {@code messages/exposure_en.properties}
 * and {@code exposure_zh.properties}: each kind of data, each step a person can take ({@link Step}) and
 * its group, and the page of who can help and what to write. The {@code brief} texts say what each kind
 * of data means in a sentence or two, for mails ({@link ExposureBrief}).
 */
@MessageBundle(value = "exposure", locale = "en")
public interface ExposureMessages {

    @Message
    String summary(DataClass dataClass);

    @Message
    String attacker(DataClass dataClass);

    @Message
    String seriousness(DataClass dataClass);

    @Message
    String step(Step step);

    @Message
    String stepGroup(StepGroup group);

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

    @Message
    String helpTitle();

    @Message
    String helpLead();

    @Message
    String helpInChina();

    @Message
    String helpElsewhere();

    @Message
    String helpScamsHeading();

    @Message
    String helpScamsChina();

    @Message
    String helpScamsElsewhere();

    @Message
    String helpForSaleHeading();

    @Message
    String helpForSaleChina();

    @Message
    String helpForSaleElsewhere();

    @Message
    String helpRightsHeading();

    @Message
    String helpRightsChina();

    @Message
    String helpRightsElsewhere();

    @Message
    String helpLetterHeading();

    @Message
    String helpLetter();

    @Message
    String helpLetterNote();

    @Message
    String helpPoliceHeading();

    @Message
    String helpPoliceChina();

    @Message
    String helpPoliceLetterHeading();

    @Message
    String helpPoliceLetter();

    @Message
    String helpPoliceElsewhere();

    @Message
    String helpLegalHeading();

    @Message
    String helpLegalChina();

    @Message
    String helpLegalElsewhere();

    @Message
    String helpMisuseHeading();

    @Message
    String helpMisuseChina();

    @Message
    String helpMisuseElsewhere();

    @Message
    String helpLink();
}
