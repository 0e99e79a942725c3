package io.leakwatch.admin.token;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token presented to the admin API, with the request it came with (for the audit log). */
public class BearerTokenRequest extends BaseAuthenticationRequest {

    private final String token;
    private final String request;
    private final String clientAddress;

    public BearerTokenRequest(String token, String request, String clientAddress) {
        this.token = token;
        this.request = request;
        this.clientAddress = clientAddress;
    }

    public String token() {
        return token;
    }

    public String request() {
        return request;
    }

    public String clientAddress() {
        return clientAddress;
    }
}
