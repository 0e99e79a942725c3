package io.leakwatch.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Gives every template instance the language and path of the request it answers, so that no page
 * can forget them: the locale picks the message bundles' language ({@code {site:…}} and the others),
 * and the layout builds its frame from both with {@code {page:frame}}. Templates made outside a
 * request (a mail, say) start in English; their caller may set another locale.
 */
@ApplicationScoped
public class PageTemplates {

    /** The template attribute holding the path of the request a template answers. */
    public static final String PATH_ATTRIBUTE = "requestPath";

    private final CurrentVertxRequest currentRequest;

    public PageTemplates(CurrentVertxRequest currentRequest) {
        this.currentRequest = currentRequest;
    }

    /** The layout's frame: the navigation and language switch for this page, in its language. */
    @TemplateExtension(namespace = "page")
    static PageFrame frame(@TemplateAttribute(TemplateInstance.LOCALE) Object locale,
                           @TemplateAttribute(PATH_ATTRIBUTE) Object path) {
        return PageFrame.forPath(Language.ofLocale(locale), path instanceof String requestPath ? requestPath : "/");
    }

    /** Message bundles make template instances too: this must stay cheap and never use a bundle. */
    void setLanguageAndPath(@Observes EngineBuilder builder) {
        builder.addTemplateInstanceInitializer(instance -> {
            RoutingContext request = Arc.container().requestContext().isActive() ? currentRequest.getCurrent() : null;
            if (request != null) {
                instance.setLocale(LanguageChoice.of(request.request()).locale());
                instance.setAttribute(PATH_ATTRIBUTE, request.normalizedPath());
            }
        });
    }
}
