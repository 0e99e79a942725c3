package io.leakwatch.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The layout's and the error pages' words, in {@code messages/site_en.properties} and
 * {@code site_zh.properties}; templates use them as {@code {site:key}}.
 */
@MessageBundle(value = "site", locale = "en")
public interface SiteMessages {

    @Message
    String skipToContent();

    @Message
    String siteNavigationLabel();

    @Message
    String languageSwitchLabel();

    @Message
    String navigation(Section section);

    @Message
    String syntheticBanner();

    @Message
    String footerPromise();

    @Message
    String footerSynthetic();

    @Message
    String errorTitle(ErrorKind kind);

    @Message
    String errorExplanation(ErrorKind kind);

    @Message
    String errorReference(String reference);

    @Message
    String errorBackHome();
}
