package org.juniper.upgrade.intake.operations.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.intake.access.repository.BranchCredentialRepository;
import org.juniper.upgrade.intake.access.repository.Contract;
import org.juniper.upgrade.intake.access.repository.ContractRepository;
import org.juniper.upgrade.intake.access.service.Access;
import org.juniper.upgrade.intake.lane.service.TestLanePause;
import org.juniper.upgrade.intake.outbox.repository.OutboxRepository;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;
import org.juniper.upgrade.intake.refusal.StoredText;
import org.juniper.upgrade.intake.request.repository.RequestState;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;
import org.juniper.upgrade.intake.request.repository.UpgradeRequestRepository;
import org.juniper.upgrade.intake.request.service.RequestStops;

/** What operators do: watch the queue, register contracts and branches, retry failed requests. */
@ApplicationScoped
public class Operations {
    private static final Logger LOG = Logger.getLogger(Operations.class);
    /** The columns' size for contract codes, projects and branch names. */
    private static final int NAME = 64;

    private final UpgradeRequestRepository requests;
    private final ContractRepository contracts;
    private final OutboxRepository outboxEvents;
    private final Access access;
    private final BranchCredentialRepository branches;
    private final RequestStops stops;
    private final TestLanePause testLane;

    Operations(UpgradeRequestRepository requests, ContractRepository contracts, OutboxRepository outboxEvents,
            Access access, BranchCredentialRepository branches, RequestStops stops, TestLanePause testLane) {
        this.stops = stops;
        this.testLane = testLane;
        this.requests = requests;
        this.branches = branches;
        this.contracts = contracts;
        this.outboxEvents = outboxEvents;
        this.access = access;
    }

    /**
     * Requests per lane (purpose) and state, how many events wait for the relay, and whether the test lane is paused
     * with the requests it holds (counted among its pending ones).
     */
    public record Queue(Map<String, Map<String, Long>> lanes, long unpublishedEvents, TestLanePause.State testLane) {
    }

    @Transactional
    public Queue queue() {
        Map<Purpose, Map<RequestState, Long>> counts = requests.countsByPurposeAndState();
        Map<String, Map<String, Long>> lanes = new LinkedHashMap<>();
        for (Purpose purpose : Purpose.values()) {
            Map<String, Long> states = new LinkedHashMap<>();
            for (RequestState state : RequestState.values()) {
                states.put(state.code(), counts.getOrDefault(purpose, Map.of()).getOrDefault(state, 0L));
            }
            lanes.put(purpose.code(), states);
        }
        return new Queue(lanes, outboxEvents.countPending(), testLane.state());
    }

    /**
     * Registers a contract with its project; again with the same project changes nothing. Moving it to another
     * project (whose branches then read its requests) must be asked for.
     */
    @Transactional
    public void registerContract(String code, String project, boolean move) {
        if (!StoredText.fits(code, NAME) || !isProject(project)) {
            throw new RequestRefusedException(400, new Failure("CONTRACT:INVALID", "a contract needs a code and a "
                    + "project of at most " + NAME + " characters, without NUL", "PUT /ops/v1/contracts/<code> with "
                    + "{\"project\": \"<hosting project>\"}"));
        }
        Contract contract = contracts.findByIdOptional(code).orElseGet(Contract::new);
        if (contract.project != null && !contract.project.equals(project) && !move) {
            throw movedSilently("CONTRACT:OTHER_PROJECT", "contract " + code, contract.project, project);
        }
        contract.code = code;
        contract.project = project;
        if (contract.createdAt == null) {
            contract.createdAt = Instant.now();
        }
        contracts.persist(contract);
    }

    /**
     * Issues a branch's credential, replacing the one it had; moving a branch to another project must be asked
     * for.
     */
    @Transactional
    public String issueBranch(String name, String project, boolean move) {
        if (name == null || name.length() > NAME || !name.chars().allMatch(c -> c < 128
                && (Character.isLetterOrDigit(c) || c == '_' || c == '-')) || name.isEmpty() || !isProject(project)) {
            throw new RequestRefusedException(400, new Failure("BRANCH:INVALID", "a branch needs a name of letters, "
                    + "digits, '_' or '-' and a project, each of at most " + NAME + " characters",
                    "{\"name\": \"eu-hosting\", \"project\": \"<project>\"}"));
        }
        branches.findByIdOptional(name).filter(b -> !b.project.equals(project) && !move).ifPresent(b -> {
            throw movedSilently("BRANCH:OTHER_PROJECT", "branch " + name, b.project, project);
        });
        return access.issueBranchCredential(name, project);
    }

    private static boolean isProject(String project) {
        return StoredText.fits(project, NAME);
    }

    private static RequestRefusedException movedSilently(String reason, String what, String from, String to) {
        return new RequestRefusedException(409, new Failure(reason, what + " belongs to project '" + from
                + "', not '" + to + "'; its requests would move with it", "the same project, or ?move=true to move "
                + what + " to '" + to + "'"));
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
        testLane.queue(request);
        LOG.infof("request %s queued again by operations (attempt %d, %s)", id, request.attemptNumber,
                request.attempt);
        return request;
    }

    /** Stops a request that has not ended, whatever its state; the run ends within seconds. */
    public UpgradeRequest abort(UUID id, String reason) {
        if (!StoredText.fits(reason, 1000)) {
            throw new RequestRefusedException(400, new Failure("ABORT:REASON_MISSING", "an abort needs a reason of "
                    + "at most 1000 characters without NUL, for the requester and the record", "{\"reason\": \"<why>\"}"));
        }
        return stops.stop(id, RequestStops.BY_OPERATIONS, reason.strip(), request -> {
        });
    }
}
