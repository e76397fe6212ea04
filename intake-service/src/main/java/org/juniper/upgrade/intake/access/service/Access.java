package org.juniper.upgrade.intake.access.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.juniper.upgrade.intake.access.repository.BranchCredential;
import org.juniper.upgrade.intake.access.repository.BranchCredentialRepository;
import org.juniper.upgrade.intake.config.IntakeConfig;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;

/**
 * Who may see what. A request is visible to the holder of its secret and, read-only, to a hosting branch of its
 * project (credential {@code branch:<name>:<secret>}); everybody else is told it does not exist.
 */
@ApplicationScoped
public class Access {
    static final String BRANCH_PREFIX = "branch:";

    private final BranchCredentialRepository branches;
    private final IntakeConfig config;

    Access(BranchCredentialRepository branches, IntakeConfig config) {
        this.branches = branches;
        this.config = config;
    }

    public void requireRequester(UpgradeRequest request, String secret) {
        if (!Secrets.matches(secret, request.secretHash)) {
            throw RequestRefusedException.notFound();
        }
    }

    public void requireReader(UpgradeRequest request, String credential) {
        if (credential != null && credential.startsWith(BRANCH_PREFIX)) {
            String[] parts = credential.split(":", 3);
            BranchCredential branch = parts.length == 3 ? branches.findByIdOptional(parts[1]).orElse(null) : null;
            if (branch == null || !Secrets.matches(parts[2], branch.secretHash)
                    || !branch.project.equals(request.project)) {
                throw RequestRefusedException.notFound();
            }
            return;
        }
        requireRequester(request, credential);
    }

    public void requireOperator(String token) {
        if (token == null || !Secrets.matches(token, Secrets.hash(config.opsToken()))) {
            throw new RequestRefusedException(401, new Failure("OPS:UNAUTHORIZED", "the operations token is missing "
                    + "or wrong", "'Authorization: Bearer <ops token>' as configured in juniper.intake.ops-token"));
        }
    }

    /** Issues a branch credential for a project; the secret is shown once. */
    public String issueBranchCredential(String name, String project) {
        String secret = Secrets.newSecret();
        BranchCredential branch = branches.findByIdOptional(name).orElseGet(BranchCredential::new);
        branch.name = name;
        branch.project = project;
        branch.secretHash = Secrets.hash(secret);
        branch.createdAt = Instant.now();
        branches.persist(branch);
        return BRANCH_PREFIX + name + ":" + secret;
    }
}
