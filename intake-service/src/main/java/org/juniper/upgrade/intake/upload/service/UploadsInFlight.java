package org.juniper.upgrade.intake.upload.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.juniper.upgrade.intake.access.service.Access;
import org.juniper.upgrade.intake.config.IntakeConfig;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;
import org.juniper.upgrade.intake.request.repository.UpgradeRequestRepository;

/**
 * The uploads in flight: a replica takes a bounded number at a time (each holds up to a part in memory), and an
 * upload holds its request, through a lease in the database that its arriving bytes renew, so that a second upload
 * or a start waits for it on any replica.
 */
@ApplicationScoped
public class UploadsInFlight {
    private static final Duration RETRY = Duration.ofSeconds(30);

    private final UpgradeRequestRepository requests;
    private final Access access;
    private final Duration lease;
    private final Semaphore slots;
    private final int capacity;

    UploadsInFlight(UpgradeRequestRepository requests, Access access, IntakeConfig config) {
        this.requests = requests;
        this.access = access;
        this.lease = config.uploadLease();
        this.capacity = config.maxUploadsInFlight();
        this.slots = new Semaphore(capacity);
    }

    /** A place among the uploads in flight; closing it frees it. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    public Slot enter() {
        if (!slots.tryAcquire()) {
            throw new RequestRefusedException(503, new Failure("UPLOAD:BUSY", "the platform is taking " + capacity
                    + " uploads already", "the same upload again after the time in Retry-After"), RETRY);
        }
        return slots::release;
    }

    /**
     * Holds a new request for the upload that the requester is sending; refuses it while another upload holds it.
     * The caller must {@link #release} it.
     */
    public UpgradeRequest claim(UUID id, String secret) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UpgradeRequest request = requests.findForUpdate(id).orElseThrow(RequestRefusedException::notFound);
            access.requireRequester(request, secret);
            request.requireNew("a backup is taken only while it is new",
                    "create a new request for another backup");
            requireNoneInFlight(request, "another upload of its backup is in flight",
                    "wait until that upload has been answered, then continue from the offset HEAD gives");
            request.uploadUntil = Instant.now().plus(lease);
            return request;
        });
    }

    /** Refuses what must wait for the upload that holds the request. */
    public static void requireNoneInFlight(UpgradeRequest request, String what, String expected) {
        if (request.uploadUntil != null && request.uploadUntil.isAfter(Instant.now())) {
            throw new RequestRefusedException(409, new Failure("UPLOAD:IN_PROGRESS", what, expected));
        }
    }

    public void release(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> requests.findForUpdate(id).ifPresent(r -> r.uploadUntil = null));
    }

    /** The upload's body, renewing the request's lease as its bytes arrive. */
    public InputStream renewing(UUID id, InputStream body) {
        return new FilterInputStream(body) {
            private long renewedAt = System.nanoTime();

            @Override
            public int read() throws IOException {
                renewIfDue();
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                renewIfDue();
                return super.read(b, off, len);
            }

            private void renewIfDue() {
                if (System.nanoTime() - renewedAt > lease.toNanos() / 4) {
                    renewedAt = System.nanoTime();
                    QuarkusTransaction.requiringNew().run(() -> requests.update("uploadUntil = ?1 where id = ?2",
                            Instant.now().plus(lease), id));
                }
            }
        };
    }
}
