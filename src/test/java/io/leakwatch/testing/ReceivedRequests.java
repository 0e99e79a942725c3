package io.leakwatch.testing;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the portal under test received, as the server saw it: method, URI with query string, every
 * header and the announced body length. Tests read it to prove that nothing identifying arrived.
 */
@ApplicationScoped
public class ReceivedRequests {

    private final List<String> requests = new CopyOnWriteArrayList<>();

    @RouteFilter(Integer.MAX_VALUE)
    void record(RoutingContext context) {
        requests.add(context.request().method() + " " + context.request().uri() + " HEADERS "
                + context.request().headers().entries());
        context.next();
    }

    /** The requests received since {@code since} (a size this returned earlier). */
    public List<String> since(int since) {
        return List.copyOf(requests.subList(since, requests.size()));
    }

    public int count() {
        return requests.size();
    }
}
