package io.leakwatch.index;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once a published generation of the index is being served. */
@Readiness
@ApplicationScoped
public class IndexReadiness implements HealthCheck {

    private final ServedIndex servedIndex;

    public IndexReadiness(ServedIndex servedIndex) {
        this.servedIndex = servedIndex;
    }

    @Override
    public HealthCheckResponse call() {
        var snapshot = servedIndex.snapshot();
        return HealthCheckResponse.named("Hash index")
                .status(snapshot != null)
                .withData("generation", snapshot == null ? -1 : snapshot.generation().id())
                .build();
    }
}
