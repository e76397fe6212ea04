package org.juniper.upgrade.intake.request.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import org.juniper.upgrade.intake.config.IntakeConfig;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;
import org.juniper.upgrade.intake.request.repository.OpenTarget;
import org.juniper.upgrade.intake.request.repository.OpenTargetRepository;

/** Which target versions requests may ask for: known to the platform and opened by operations. */
@ApplicationScoped
public class TargetCatalog {
    private final OpenTargetRepository targets;
    private final IntakeConfig config;

    TargetCatalog(OpenTargetRepository targets, IntakeConfig config) {
        this.targets = targets;
        this.config = config;
    }

    @Transactional
    void seed(@Observes StartupEvent started) {
        if (targets.count() == 0) {
            config.openTargets().forEach(this::open);
        }
    }

    @Transactional
    public List<String> openTargets() {
        return targets.versions();
    }

    public boolean isKnown(String version) {
        return version != null && config.knownVersions().contains(version);
    }

    @Transactional
    public void open(String version) {
        requireKnown(version);
        if (targets.findByIdOptional(version).isEmpty()) {
            OpenTarget target = new OpenTarget();
            target.version = version;
            targets.persist(target);
        }
    }

    @Transactional
    public void close(String version) {
        requireKnown(version);
        targets.deleteById(version);
    }

    private void requireKnown(String version) {
        if (!isKnown(version)) {
            throw new RequestRefusedException(400, new Failure("TARGET:INVALID", "'" + Failure.shown(version)
                    + "' is not a Juniper version", "one of " + config.knownVersions()));
        }
    }
}
