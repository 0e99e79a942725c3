package io.leakwatch.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Pages differ by language, chosen from the cookie or {@code Accept-Language}: say so, so that
 * caches never serve one person's language to another.
 */
public class HtmlLanguageHeaders {

    @ServerResponseFilter
    public void varyByLanguage(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            response.getHeaders().add(HttpHeaders.VARY, "Accept-Language, Cookie");
        }
    }
}
