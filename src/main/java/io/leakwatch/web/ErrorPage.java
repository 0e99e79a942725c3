package io.leakwatch.web;

/** What an error page tells a person: never a stack trace, class name or the request's content. */
public record ErrorPage(int status, String title, String explanation) {

    static ErrorPage forStatus(int status) {
        return switch (status) {
            case 400 -> new ErrorPage(400, "That request was not understood",
                    "Something in the address or the form was not in the expected format. Check it and try again.");
            case 404 -> new ErrorPage(404, "Page not found",
                    "There is no page at this address. It may have moved, or the link may be mistyped.");
            case 405 -> new ErrorPage(405, "Not allowed", "This page cannot be used that way.");
            case 429 -> new ErrorPage(429, "Too many requests", "Please wait a moment before trying again.");
            default -> status >= 400 && status < 500
                    ? new ErrorPage(status, "Request refused", "The portal could not complete this request.")
                    : new ErrorPage(500, "Something went wrong",
                    "The portal could not complete your request. Nothing you sent was kept. Please try again later.");
        };
    }
}
