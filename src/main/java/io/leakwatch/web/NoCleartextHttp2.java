package io.leakwatch.web;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers a client that offers an HTTP/2 cleartext upgrade ({@code Upgrade: h2c}) in plain HTTP/1.1.
 * Some Pwned Passwords clients send the offer but cannot handle the switch; HTTP/2 over TLS is
 * unaffected.
 */
@ApplicationScoped
public class NoCleartextHttp2 implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
