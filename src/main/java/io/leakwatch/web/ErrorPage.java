package io.leakwatch.web;

/** What an error page tells a person: never a stack trace, class name or the request's content. */
public record ErrorPage(int status, String title, String explanation, String backHome) {

    static ErrorPage forStatus(int status, SiteMessages messages) {
        ErrorKind kind = ErrorKind.forStatus(status);
        return new ErrorPage(kind == ErrorKind.FAILED ? 500 : status, messages.errorTitle(kind),
                messages.errorExplanation(kind), messages.errorBackHome());
    }

    /** An unexpected failure, with the reference under which it was logged. */
    static ErrorPage failure(String reference, SiteMessages messages) {
        ErrorPage failed = forStatus(500, messages);
        return new ErrorPage(500, failed.title, failed.explanation + " " + messages.errorReference(reference),
                failed.backHome);
    }
}
