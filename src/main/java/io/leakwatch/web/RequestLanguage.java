package io.leakwatch.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;

/** The language the current request is answered in, for resources that format text in Java. */
@RequestScoped
public class RequestLanguage {

    private final Language language;

    public RequestLanguage(HttpServerRequest request) {
        this.language = LanguageChoice.of(request);
    }

    public Language get() {
        return language;
    }
}
