package io.leakwatch.admin.session;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The token of an admin session cookie, to be turned into an identity. */
public class AdminSessionRequest extends BaseAuthenticationRequest {

    private final String token;

    public AdminSessionRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
