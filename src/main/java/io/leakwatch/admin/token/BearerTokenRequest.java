package io.leakwatch.admin.token;

import io.leakwatch.web.ClientAddress;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token presented to the admin API, with the request it came with (for the audit log). */
public class BearerTokenRequest extends BaseAuthenticationRequest {

    private final String token;
    private final String request;
    private final ClientAddress client;

    public BearerTokenRequest(String token, String request, ClientAddress client) {
        this.token = token;
        this.request = request;
        this.client = client;
    }

    public String token() {
        return token;
    }

    public String request() {
        return request;
    }

    public ClientAddress client() {
        return client;
    }
}
