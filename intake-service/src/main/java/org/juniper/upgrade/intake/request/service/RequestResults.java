package org.juniper.upgrade.intake.request.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.juniper.upgrade.bindings.links.DownloadLinks;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.events.ArtifactKeys;
import org.juniper.upgrade.events.StoredObject;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;
import org.juniper.upgrade.intake.request.repository.RequestState;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;
import org.juniper.upgrade.intake.request.repository.UpgradeRequestRepository;

/**
 * What a request produced for its requester, the archive and the report, and the links that open them in a browser
 * without the secret. A link opens only the attempt it was issued for, until it expires or its request revokes it;
 * otherwise it answers as for a request that does not exist.
 */
@ApplicationScoped
public class RequestResults {
    private final UpgradeRequestRepository requests;
    private final RequestService service;
    private final DownloadLinks links;
    private final ArtifactStore store;

    RequestResults(UpgradeRequestRepository requests, RequestService service, DownloadLinks links,
            ArtifactStore store) {
        this.requests = requests;
        this.service = service;
        this.links = links;
        this.store = store;
    }

    /** A link for the requester's browser: the page opens the report and takes the download through it. */
    public Issued issue(UUID id, String credential) {
        UpgradeRequest request = service.find(id, credential);
        if (request.attempt == null || (request.state != RequestState.DONE && request.state != RequestState.FAILED)) {
            throw notReady(request);
        }
        return new Issued(request, links.mint(request.id, request.attempt));
    }

    public record Issued(UpgradeRequest request, DownloadLinks.Capability capability) {
    }

    /** Every link issued so far stops working; links issued afterwards work again. */
    @Transactional
    public void revoke(UUID id, String credential) {
        service.find(id, credential);
        UpgradeRequest request = requests.findForUpdate(id).orElseThrow(RequestRefusedException::notFound);
        request.linksRevokedAt = Instant.now();
    }

    /** The request a link opens. */
    public UpgradeRequest opened(String token) {
        DownloadLinks.Grant grant = links.verify(token).orElseThrow(RequestRefusedException::notFound);
        UpgradeRequest request = requests.findByIdOptional(grant.requestId())
                .filter(r -> grant.attempt().equals(r.attempt))
                .filter(r -> r.state == RequestState.DONE || r.state == RequestState.FAILED)
                .filter(r -> r.linksRevokedAt == null || grant.issuedAt().isAfter(r.linksRevokedAt))
                .orElseThrow(RequestRefusedException::notFound);
        return request;
    }

    /** The archive a done request delivers: a test request's is only ever the neutralized copy. */
    public StoredObject archive(UpgradeRequest request) {
        if (request.state != RequestState.DONE) {
            throw notReady(request);
        }
        return request.deliverable();
    }

    /**
     * The report, HTML or JSON. A failed request has one too, which is not announced (report-ready means an upgraded
     * database): it is found by its attempt's key.
     */
    public StoredObject report(UpgradeRequest request, boolean json) {
        String key = json ? request.reportJsonKey : request.reportHtmlKey;
        if (key == null && request.state == RequestState.FAILED && request.attempt != null) {
            ArtifactKeys.AttemptKeys keys = ArtifactKeys.of(request.id.toString()).attempt(request.attempt.toString());
            key = json ? keys.reportJson() : keys.reportHtml();
        }
        Optional<StoredObject> stored = key == null ? Optional.empty() : store.find(key);
        return stored.orElseThrow(() -> notReady(request));
    }

    private static RequestRefusedException notReady(UpgradeRequest request) {
        return new RequestRefusedException(409, new Failure("REQUEST:NOT_DONE",
                "the request is " + request.state.code() + "; its result is not available",
                "wait until the state is done"));
    }
}
