package io.leakwatch.breach;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The breach pages' words and the data classes' names, in {@code messages/breaches_en.properties}
 * and {@code breaches_zh.properties}. The English data-class names are those of {@link DataClass}.
 */
@MessageBundle(value = "breaches", locale = "en")
public interface BreachMessages {

    @Message
    String dataClass(DataClass dataClass);

    @Message
    String leakKind(LeakKind kind);

    @Message
    String catalogueTitle();

    @Message
    String catalogueIntro(String breaches, String identifiers);

    @Message
    String catalogueEmpty();

    @Message
    String listHeading();

    @Message
    String timelineHeading();

    @Message
    String timelineDescription(int breaches, int firstYear, int lastYear);

    @Message
    String timelineHighlighted(String title);

    @Message
    String timelineListLabel();

    @Message
    String timelineThisBreach();

    @Message
    String timelineIdentifiers(String count);

    @Message
    String dataClassChartHeading();

    @Message
    String dataClassChartDescription();

    @Message
    String dataClassChartValue(String identifiers, int breaches);

    @Message
    String dateLabel();

    @Message
    String kindLabel();

    @Message
    String identifiersLabel();

    @Message
    String dataLabel();

    @Message
    String websiteLabel();

    @Message
    String sensitiveBadge();

    @Message
    String sensitiveExplanation();

    @Message
    String unverifiedBadge();

    @Message
    String unverifiedExplanation();

    @Message
    String fabricatedBadge();

    @Message
    String fabricatedExplanation();

    @Message
    String detailRiskHeading();

    @Message
    String detailRisk(String level);

    @Message
    String detailStepsIntro();

    @Message
    String detailCheck();

    @Message
    String backToCatalogue();
}
