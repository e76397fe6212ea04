package org.juniper.upgrade.bindings.objectstore;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

@Readiness
@ApplicationScoped
public class ObjectStoreReadinessCheck implements HealthCheck {
    private final ArtifactStore store;

    public ObjectStoreReadinessCheck(ArtifactStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            store.ping();
            return HealthCheckResponse.named("object-store").up().withData("endpoint", store.endpoint()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("object-store").down().withData("error", e.getMessage()).build();
        }
    }
}
