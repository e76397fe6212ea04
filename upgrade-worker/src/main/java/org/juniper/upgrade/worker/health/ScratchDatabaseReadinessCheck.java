package org.juniper.upgrade.worker.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.juniper.upgrade.worker.scratch.ScratchDatabases;

@Readiness
@ApplicationScoped
public class ScratchDatabaseReadinessCheck implements HealthCheck {
    private final ScratchDatabases scratch;

    ScratchDatabaseReadinessCheck(ScratchDatabases scratch) {
        this.scratch = scratch;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            scratch.ping();
            return HealthCheckResponse.up("scratch-database");
        } catch (Exception e) {
            return HealthCheckResponse.named("scratch-database").down().withData("error", e.getMessage()).build();
        }
    }
}
