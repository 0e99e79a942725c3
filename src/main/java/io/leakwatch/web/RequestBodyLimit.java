package io.leakwatch.web;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Breach uploads are streamed to disk and may be hundreds of gigabytes, so Quarkus's own body limit
 * is set that high; every other request body (forms, JSON) is read into memory and so must stay
 * small. This filter holds them to {@code leakwatch.web.max-body-bytes} and refuses bodies of unknown
 * length outside the upload endpoints, so no public form can be used to exhaust memory.
 */
public class RequestBodyLimit {

    /**
     * The endpoints whose body is a file streamed to disk, checked further by ingestion's own limit: the
     * automation API's and the admin page's (whose script sends the file as the body, its CSRF token in a
     * header). A form sent to them (curl's {@code --data-binary} without a Content-Type) is held small like
     * any other form, as it would be read into memory.
     */
    private static final Pattern STREAMED_UPLOAD = Pattern.compile("(/api)?/admin/breaches/[^/]+/uploads");

    private final long maxBodyBytes;

    public RequestBodyLimit(@ConfigProperty(name = "leakwatch.web.max-body-bytes", defaultValue = "1048576") long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @RouteFilter(1000)
    void limit(RoutingContext context) {
        HttpMethod method = context.request().method();
        boolean mayHaveBody = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
        boolean streamedUpload = STREAMED_UPLOAD.matcher(context.normalizedPath()).matches();
        boolean form = isForm(context.request().getHeader(HttpHeaders.CONTENT_TYPE));
        if (!mayHaveBody || (streamedUpload && !form)) {
            context.next();
            return;
        }
        String asFile = streamedUpload ? " Send the file itself as the body (Content-Type: application/octet-stream), not as a form." : "";
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null && context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            ApiProblem.end(context, 411, "A body of unknown length is only accepted for uploads." + asFile);
            return;
        }
        try {
            if (length != null && Long.parseLong(length) > maxBodyBytes) {
                ApiProblem.end(context, 413, "The request body is larger than " + maxBodyBytes + " bytes." + asFile);
                return;
            }
        } catch (NumberFormatException e) {
            ApiProblem.end(context, 400, "The Content-Length is not a number.");
            return;
        }
        context.next();
    }

    /** Form bodies are read into memory (the CSRF check reads their fields) wherever they are sent. */
    private static boolean isForm(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data");
    }
}
