package org.juniper.upgrade.intake.lane.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.juniper.upgrade.events.Purpose;
import org.juniper.upgrade.intake.lane.repository.TestLane;
import org.juniper.upgrade.intake.lane.repository.TestLaneRepository;
import org.juniper.upgrade.intake.outbox.service.Outbox;
import org.juniper.upgrade.intake.refusal.Failure;
import org.juniper.upgrade.intake.refusal.RequestRefusedException;
import org.juniper.upgrade.intake.refusal.StoredText;
import org.juniper.upgrade.intake.request.repository.UpgradeRequest;

/**
 * Operations pause the test lane, for a release or a fault in the workers: test requests started meanwhile are
 * accepted but held in intake, unpublished, and campaigns are not released; production requests and runs the workers
 * already have go on. Resuming publishes the held requests in the order they were queued, with the lane's change.
 */
@ApplicationScoped
public class TestLanePause {
    private static final Logger LOG = Logger.getLogger(TestLanePause.class);
    /** The column's size for who paused the lane. */
    private static final int WHO = 64;

    private final TestLaneRepository lanes;
    private final Outbox outbox;

    TestLanePause(TestLaneRepository lanes, Outbox outbox) {
        this.lanes = lanes;
        this.outbox = outbox;
    }

    /** The lane as operations see it: paused by whom since when, and how many requests it holds. */
    public record State(boolean paused, String pausedBy, Instant pausedAt, long held) {
    }

    @Transactional
    public State state() {
        return state(lanes.current());
    }

    /** Pauses the lane; pausing a paused lane keeps who paused it first and when. */
    @Transactional
    public State pause(String by) {
        if (!StoredText.fits(by, WHO)) {
            throw new RequestRefusedException(400, new Failure("LANE:WHO_MISSING", "a pause names who paused the "
                    + "lane, in at most " + WHO + " characters without NUL, for the other operators",
                    "{\"by\": \"<who>\"}"));
        }
        TestLane lane = lanes.forChange();
        if (!lane.paused()) {
            lane.pausedBy = by.strip();
            lane.pausedAt = Instant.now();
            LOG.infof("test lane paused by %s", lane.pausedBy);
        }
        return state(lane);
    }

    /** Resumes the lane and publishes what it held, once; resuming a running lane changes nothing. */
    @Transactional
    public State resume() {
        TestLane lane = lanes.forChange();
        if (lane.paused()) {
            Instant now = Instant.now();
            int released = 0;
            for (UpgradeRequest held : lanes.heldForUpdate()) {
                held.held = false;
                held.lastEventAt = now;
                outbox.append(held.queued());
                released++;
            }
            LOG.infof("test lane resumed (paused by %s at %s); %d held requests published", lane.pausedBy,
                    lane.pausedAt, released);
            lane.pausedBy = null;
            lane.pausedAt = null;
        }
        return state(lane);
    }

    /**
     * Puts a request just started as a new attempt in its lane: published, or held while the test lane is paused, in
     * no worker's queue and so nothing for the reconciler to queue again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(UpgradeRequest request) {
        if (request.purpose == Purpose.TEST && lanes.forStart().paused()) {
            request.held = true;
            request.lastEventAt = null;
            LOG.infof("request %s held: the test lane is paused", request.id);
            return;
        }
        outbox.append(request.queued());
    }

    /** Whether the lane is paused now; a pause or resume under way is waited for. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean paused() {
        return lanes.forStart().paused();
    }

    private State state(TestLane lane) {
        return new State(lane.paused(), lane.pausedBy, lane.pausedAt, lanes.countHeld());
    }
}
