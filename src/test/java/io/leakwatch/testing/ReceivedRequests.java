package io.leakwatch.testing;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the portal under test received, as the server saw it: method, URI with query string, every
 * header and the announced body length. Tests read it to prove that nothing identifying arrived.
 *
 * <p>It records ahead of every other handler, those that answer range requests before Quarkus's own
 * included ({@code FinishedBodies.routeAhead}): its observer runs first, and routes of the same order
 * run in the order they were added.
 */
@ApplicationScoped
public class ReceivedRequests {

    private final List<String> requests = new CopyOnWriteArrayList<>();

    void recordAhead(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::record);
    }

    private void record(RoutingContext context) {
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
