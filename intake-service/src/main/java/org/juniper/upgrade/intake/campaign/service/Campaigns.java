package org.juniper.upgrade.intake.campaign.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.juniper.upgrade.bindings.objectstore.ArtifactStore;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.intake.access.repository.Contract;
import org.juniper.upgrade.intake.campaign.repository.Campaign;
import org.juniper.upgrade.intake.campaign.repository.CampaignDatabase;
import org.juniper.upgrade.intake.campaign.repository.CampaignDatabaseRepository;
import org.juniper.upgrade.intake.campaign.repository.CampaignRepository;
import org.juniper.upgrade.intake.campaign.repository.CampaignState;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;
import org.juniper.upgrade.intake.request.repository.UpgradeRequestRepository;
import org.juniper.upgrade.intake.request.service.NewRequest;
import org.juniper.upgrade.intake.request.service.RequestService;

/**
 * Rolling-release campaigns: each database becomes an ordinary test request of the campaign, which
 * {@link CampaignRelease} checks and lets into the test lane only when it has room.
 */
@ApplicationScoped
public class Campaigns {
    private static final Logger LOG = Logger.getLogger(Campaigns.class);
    /** The longest key S3 stores, in UTF-8 bytes. */
    private static final int MAX_KEY = 1024;
    /** The longest name between a key's slashes that a store keeping objects as files (S3Proxy's) takes. */
    private static final int MAX_KEY_SEGMENT = 255;
    /** Below a requester's own test requests: a campaign never goes first. */
    static final int CAMPAIGN_PRIORITY = -1;

    private final CampaignRepository campaigns;
    private final CampaignDatabaseRepository databases;
    private final UpgradeRequestRepository requests;
    private final RequestService requestService;
    private final ArtifactStore store;

    Campaigns(CampaignRepository campaigns, CampaignDatabaseRepository databases, UpgradeRequestRepository requests,
            RequestService requestService, ArtifactStore store) {
        this.campaigns = campaigns;
        this.databases = databases;
        this.requests = requests;
        this.requestService = requestService;
        this.store = store;
    }

    /** A new campaign and, shown once, the secret of each database's request, for its requester. */
    public record Started(Campaign campaign, List<Started.Member> databases) {
        public record Member(String contract, String database, String email, UUID requestId, String secret) {
        }
    }

    /** How far a campaign has come: databases per state, and each database. */
    public record Progress(UUID id, String targetVersion, Instant createdAt, Map<String, Long> counts,
            List<Member> databases) {
        /** @param failure why the test upgrade failed, for a flagged database */
        public record Member(String contract, String database, String email, UUID requestId, CampaignState state,
                String requestState, Failure failure) {
        }
    }

    /** A campaign as listed: its counts without the databases. */
    public record Summary(UUID id, String targetVersion, Instant createdAt, Map<String, Long> counts) {
    }

    /** Refuses the whole campaign, listing everything wrong with it, or creates it with all its requests. */
    @Transactional
    public Started start(NewCampaign ask) {
        List<Failure> failures = new ArrayList<>();
        String target = ask == null ? null : ask.targetVersion();
        requestService.checkVersions(null, target, failures);
        List<NewCampaign.Database> listed = ask == null || ask.databases() == null ? List.of() : ask.databases();
        if (listed.isEmpty()) {
            failures.add(new Failure("CAMPAIGN:EMPTY", "the campaign lists no database",
                    "{\"targetVersion\": \"17.0\", \"databases\": [{\"contract\", \"email\", \"database\", "
                            + "\"backupKey\"}, ...]}"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < listed.size(); i++) {
            checkDatabase(i, listed.get(i), target, seen, failures);
        }
        if (!failures.isEmpty()) {
            throw new RequestRefusedException(400, failures);
        }
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.targetVersion = target;
        campaign.createdAt = Instant.now();
        campaigns.persist(campaign);
        List<Started.Member> members = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            NewCampaign.Database d = listed.get(i);
            RequestService.Created created = requestService.create(ask(d, target));
            created.request().campaignId = campaign.id;
            created.request().priority = CAMPAIGN_PRIORITY;
            CampaignDatabase member = new CampaignDatabase();
            member.requestId = created.request().id;
            member.campaignId = campaign.id;
            member.position = i;
            member.backupSource = d.backupKey().trim();
            databases.persist(member);
            members.add(new Started.Member(created.request().contract, created.request().databaseName,
                    created.request().email, created.request().id, created.secret()));
        }
        LOG.infof("campaign %s started: %d database(s) to %s", campaign.id, members.size(), target);
        return new Started(campaign, members);
    }

    private void checkDatabase(int index, NewCampaign.Database d, String target, Set<String> seen,
            List<Failure> failures) {
        String where = "databases[" + index + "]"
                + (d == null || d.database() == null ? "" : " (" + Failure.shown(d.database()) + ")")
                + ": ";
        if (d == null) {
            failures.add(new Failure("CAMPAIGN:DATABASE_MISSING", where + "is empty",
                    "{\"contract\", \"email\", \"database\", \"backupKey\"}"));
            return;
        }
        List<Failure> own = new ArrayList<>();
        requestService.checkRequester(ask(d, target), own);
        Contract contract = requestService.knownContract(d.contract(), own);
        if (contract != null && d.database() != null) {
            if (!seen.add(contract.code + "/" + d.database())) {
                own.add(new Failure("CAMPAIGN:DUPLICATE_DATABASE", "the database is listed twice for contract "
                        + contract.code, "each database of a contract once"));
            } else if (requests.testInProgress(contract.code, d.database()).isPresent()) {
                own.add(RequestService.testInProgress(d.database()));
            }
        }
        if (d.backupKey() == null || d.backupKey().isBlank()) {
            own.add(new Failure("BACKUP:KEY_MISSING", "no backup key given",
                    "the object-store key of the database's latest backup"));
        } else if (!isStorableKey(d.backupKey().trim())) {
            own.add(new Failure("BACKUP:NOT_FOUND", "there is no object '" + Failure.shown(d.backupKey())
                    + "' in the store", "an object-store key of at most " + MAX_KEY + " bytes, " + MAX_KEY_SEGMENT
                    + " between slashes, without NUL"));
        } else if (!store.exists(d.backupKey().trim())) {
            own.add(new Failure("BACKUP:NOT_FOUND", "there is no object '" + Failure.shown(d.backupKey())
                    + "' in the store",
                    "the object-store key of the database's latest backup, as the hosting platform stored it"));
        }
        own.forEach(f -> failures.add(new Failure(f.reason(), where + f.message(), f.expected())));
    }

    /** Whether the store could hold an object under {@code key}: one it cannot is not asked for. */
    private static boolean isStorableKey(String key) {
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY || key.indexOf('\0') >= 0) {
            return false;
        }
        return Arrays.stream(key.split("/")).allMatch(segment -> segment.getBytes(StandardCharsets.UTF_8).length
                <= MAX_KEY_SEGMENT);
    }

    private static NewRequest ask(NewCampaign.Database d, String target) {
        return new NewRequest(d.contract(), d.email(), d.database(), target, null, Purpose.TEST.code());
    }

    @Transactional
    public Progress progress(UUID id) {
        Campaign campaign = campaigns.findByIdOptional(id).orElseThrow(Campaigns::notFound);
        Map<String, Long> counts = emptyCounts();
        List<Progress.Member> members = new ArrayList<>();
        for (CampaignDatabaseRepository.Entry e : databases.of(id)) {
            CampaignState state = CampaignState.of(e.database(), e.request());
            counts.merge(state.code(), 1L, Long::sum);
            members.add(new Progress.Member(e.request().contract, e.request().databaseName, e.request().email,
                    e.request().id, state, e.request().state.code(), state == CampaignState.FLAGGED
                            ? new Failure(e.request().failureReason, e.request().failureMessage,
                                    "the upgrade team looks at it; retry with POST /ops/v1/requests/"
                                            + e.request().id + "/retry")
                            : null));
        }
        return new Progress(campaign.id, campaign.targetVersion, campaign.createdAt, counts, members);
    }

    @Transactional
    public List<Summary> list() {
        List<Summary> all = new ArrayList<>();
        for (Campaign c : campaigns.newestFirst()) {
            Progress p = progress(c.id);
            all.add(new Summary(p.id(), p.targetVersion(), p.createdAt(), p.counts()));
        }
        return all;
    }

    private static Map<String, Long> emptyCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (CampaignState state : CampaignState.values()) {
            counts.put(state.code(), 0L);
        }
        return counts;
    }

    private static RequestRefusedException notFound() {
        return new RequestRefusedException(404, new Failure("CAMPAIGN:NOT_FOUND", "no such campaign",
                "the id returned when the campaign was started, or one of GET /ops/v1/campaigns"));
    }
}
