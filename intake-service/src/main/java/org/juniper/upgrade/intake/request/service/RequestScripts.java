package org.juniper.upgrade.intake.request.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.juniper.erp.CustomScripts;
import org.juniper.erp.InvalidScriptsException;
import org.juniper.erp.JuniperPack;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.FailureReason;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.intake.access.service.Access;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;
import org.juniper.upgrade.intake.request.repository.UpgradeRequestRepository;
import org.juniper.upgrade.intake.upload.service.UploadsInFlight;

/**
 * The requester's own upgrade scripts, for the custom modules the pack does not know. They are checked here with the
 * parser the worker runs them with, so that a mistake is told at once and not hours later; a refused zip changes
 * nothing, a good one replaces the previous one. Only a new request takes scripts: once started, the queued event
 * carries the checksum of what was checked.
 */
@ApplicationScoped
public class RequestScripts {
    private static final Logger LOG = Logger.getLogger(RequestScripts.class);

    private final UpgradeRequestRepository requests;
    private final Access access;
    private final ArtifactStore store;
    private final JuniperPack pack;
    private final UploadsInFlight inFlight;

    RequestScripts(UpgradeRequestRepository requests, Access access, ArtifactStore store, JuniperPack pack,
            UploadsInFlight inFlight) {
        this.requests = requests;
        this.inFlight = inFlight;
        this.access = access;
        this.store = store;
        this.pack = pack;
    }

    /** Checks, stores and records the scripts of a new request; refuses them with every problem found. */
    public UpgradeRequest receive(UUID id, String secret, InputStream body) {
        try (UploadsInFlight.Slot slot = inFlight.enter()) {
            UpgradeRequest request = requireNew(id, secret);
            byte[] zip;
            try {
                // one byte over the cap is enough for the parser to refuse it as too large
                zip = body == null ? new byte[0] : body.readNBytes((int) CustomScripts.MAX_BYTES + 1);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the scripts of " + id, e);
            }
            CustomScripts scripts = check(zip, request);
            return record(id, zip, scripts);
        }
    }

    /** The request, if the secret is its requester's and it has not started. */
    @Transactional
    UpgradeRequest requireNew(UUID id, String secret) {
        UpgradeRequest request = requests.findByIdOptional(id).orElseThrow(RequestRefusedException::notFound);
        access.requireRequester(request, secret);
        requireNew(request);
        return request;
    }

    private CustomScripts check(byte[] zip, UpgradeRequest request) {
        CustomScripts scripts;
        try {
            scripts = CustomScripts.read(pack, zip);
        } catch (InvalidScriptsException e) {
            throw refused(e.problems());
        }
        // where the source is not known yet (no backup), the hops up to the target: no script beyond it
        String from = request.sourceVersion != null ? request.sourceVersion : pack.supportedVersions().get(0);
        List<String> hops;
        try {
            hops = pack.hops(from, request.targetVersion);
        } catch (IllegalArgumentException e) {
            // versions the pack does not know are refused where they are given; the scripts' own are checked above
            return scripts;
        }
        List<CustomScripts.Problem> outside = scripts.outsideHops(hops);
        if (!outside.isEmpty()) {
            throw refused(outside);
        }
        return scripts;
    }

    /** Stores the zip and records it, under the request's lock, so that a start in between cannot miss it. */
    @Transactional
    UpgradeRequest record(UUID id, byte[] zip, CustomScripts scripts) {
        UpgradeRequest request = requests.findForUpdate(id).orElseThrow(RequestRefusedException::notFound);
        requireNew(request);
        StoredObject stored = store.put(ArtifactKeys.of(id.toString()).customScripts(), zip, "application/zip");
        request.scriptsKey = stored.key();
        request.scriptsSha256 = stored.sha256();
        request.scriptsSize = stored.size();
        request.scriptsCount = scripts.scripts().size();
        request.scriptsModules = String.join(",", scripts.modules());
        LOG.infof("request %s has %d custom script(s) for %s", id, request.scriptsCount, request.scriptsModules);
        return request;
    }

    private static void requireNew(UpgradeRequest request) {
        request.requireNew("upgrade scripts are taken only while it is new, before it starts",
                "a new request: upload its backup and scripts, then start it");
    }

    private static RequestRefusedException refused(List<CustomScripts.Problem> problems) {
        List<Failure> failures = new ArrayList<>();
        problems.forEach(p -> failures.add(new Failure(p.reason().code(), p.message(), p.expected())));
        boolean tooLarge = problems.stream().anyMatch(p -> p.reason() == FailureReason.SCRIPTS_TOO_LARGE);
        return new RequestRefusedException(tooLarge ? 413 : 422, failures);
    }
}
