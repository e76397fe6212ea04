package org.juniper.upgrade.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.intake.domain.Contract;
import org.juniper.upgrade.intake.domain.RequestState;
import org.juniper.upgrade.intake.domain.UpgradeRequest;
import org.juniper.upgrade.intake.repository.ContractRepository;
import org.juniper.upgrade.intake.repository.OutboxRepository;
import org.juniper.upgrade.intake.repository.UpgradeRequestRepository;

/** What operators do: watch the queue, register contracts and branches, retry failed requests. */
@ApplicationScoped
public class Operations {
    private static final Logger LOG = Logger.getLogger(Operations.class);

    private final UpgradeRequestRepository requests;
    private final ContractRepository contracts;
    private final OutboxRepository outboxEvents;
    private final Outbox outbox;
    private final Access access;
    private final RequestStops stops;

    Operations(UpgradeRequestRepository requests, ContractRepository contracts, OutboxRepository outboxEvents,
            Outbox outbox, Access access, RequestStops stops) {
        this.stops = stops;
        this.requests = requests;
        this.contracts = contracts;
        this.outboxEvents = outboxEvents;
        this.outbox = outbox;
        this.access = access;
    }

    /** Requests per lane (purpose) and state, and how many events wait for the relay. */
    public record Queue(Map<String, Map<String, Long>> lanes, long unpublishedEvents) {
    }

    @Transactional
    public Queue queue() {
        Map<String, Map<String, Long>> lanes = new LinkedHashMap<>();
        for (Purpose purpose : Purpose.values()) {
            Map<String, Long> states = new LinkedHashMap<>();
            for (RequestState state : RequestState.values()) {
                states.put(state.code(), requests.countIn(state, purpose));
            }
            lanes.put(purpose.code(), states);
        }
        return new Queue(lanes, outboxEvents.countPending());
    }

    @Transactional
    public void registerContract(String code, String project) {
        if (code == null || code.isBlank() || project == null || project.isBlank()) {
            throw new RequestRefusedException(400, new Failure("CONTRACT:INVALID", "a contract needs a code and a "
                    + "project", "PUT /ops/v1/contracts/<code> with {\"project\": \"<hosting project>\"}"));
        }
        Contract contract = contracts.findByIdOptional(code).orElseGet(Contract::new);
        contract.code = code;
        contract.project = project;
        if (contract.createdAt == null) {
            contract.createdAt = Instant.now();
        }
        contracts.persist(contract);
    }

    @Transactional
    public String issueBranch(String name, String project) {
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}") || project == null || project.isBlank()) {
            throw new RequestRefusedException(400, new Failure("BRANCH:INVALID", "a branch needs a name of letters, "
                    + "digits, '_' or '-' and a project", "{\"name\": \"eu-hosting\", \"project\": \"<project>\"}"));
        }
        return access.issueBranchCredential(name, project);
    }

    /**
     * Queues a failed or cancelled request again with its stored backup, as a new attempt: whatever the earlier
     * attempts still announce is ignored.
     */
    @Transactional
    public UpgradeRequest retry(UUID id) {
        UpgradeRequest request = requests.findForUpdate(id).orElseThrow(RequestRefusedException::notFound);
        boolean ended = request.state == RequestState.FAILED || request.state == RequestState.CANCELLED;
        if (!ended || request.backupKey == null || request.sourceVersion == null) {
            throw new RequestRefusedException(409, new Failure("REQUEST:NOT_RETRYABLE", "the request is "
                    + request.state.code() + (request.backupKey == null ? " and has no backup" : ""),
                    "a failed or cancelled request whose backup is still stored"));
        }
        request.startAttempt(Instant.now());
        request.stoppedBy = null;
        request.stopReason = null;
        outbox.append(request.queued());
        LOG.infof("request %s queued again by operations (attempt %d, %s)", id, request.attemptNumber,
                request.attempt);
        return request;
    }

    /** Stops a request that has not ended, whatever its state; the run ends within seconds. */
    public UpgradeRequest abort(UUID id, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new RequestRefusedException(400, new Failure("ABORT:REASON_MISSING", "an abort needs a reason of "
                    + "at most 1000 characters, for the requester and the record", "{\"reason\": \"<why>\"}"));
        }
        return stops.stop(id, RequestStops.BY_OPERATIONS, reason.strip(), request -> {
        });
    }
}
