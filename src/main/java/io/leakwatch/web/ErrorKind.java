package io.leakwatch.web;

/** The kinds of failure an error page explains, each with its own words. */
public enum ErrorKind {
    BAD_REQUEST,
    NOT_FOUND,
    NOT_ALLOWED,
    TOO_MANY_REQUESTS,
    REFUSED,
    FAILED;

    static ErrorKind forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 404 -> NOT_FOUND;
            case 405 -> NOT_ALLOWED;
            case 429 -> TOO_MANY_REQUESTS;
            default -> status >= 400 && status < 500 ? REFUSED : FAILED;
        };
    }
}
