package org.juniper.upgrade.worker.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.juniper.upgrade.bindings.tracing.TraceContext;

/**
 * The worker's queue of runs, one row per attempt, in its own database. Kafka only delivers into it; a run slot
 * claims a row with a lease that its heartbeat extends. Every change of a claimed row names the claim (owner and run
 * number), so a run that was taken over or stopped changes nothing and learns that it was fenced.
 */
@ApplicationScoped
public class RunQueue {
    private final DataSource db;

    RunQueue(DataSource db) {
        this.db = db;
    }

    /**
     * A claimed attempt. {@code takenOver}: the claim took it from a worker whose lease had expired; {@code trace}: the
     * trace its request was delivered in.
     */
    public record Claim(String attemptId, String requestId, String payload, String owner, int run, int deaths,
            String stage, boolean takenOver, TraceContext trace) {
    }

    /** Where a claim stands at a heartbeat. */
    public enum Hold { HELD, STOPPING, LOST }

    /**
     * Queues an attempt. Delivered again, an attempt in the queue or running changes nothing, one that failed or was
     * stopped stays so, and one that was upgraded is queued again to be announced again (its archive is not redone).
     * False when nothing changed.
     */
    public boolean enqueue(String attemptId, String requestId, String payload, String lane, int priority,
            TraceContext trace) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement sql = c.prepareStatement("""
                insert into run_queue (attempt_id, request_id, payload, lane, priority, traceparent, tracestate)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (attempt_id) do update set state = 'queued', not_before = now(), updated_at = now(),
                    traceparent = excluded.traceparent, tracestate = excluded.tracestate
                 where run_queue.state = 'done'""")) {
            sql.setString(1, attemptId);
            sql.setString(2, requestId);
            sql.setString(3, payload);
            sql.setString(4, lane);
            sql.setInt(5, priority);
            sql.setString(6, trace.traceparent());
            sql.setString(7, trace.tracestate());
            return sql.executeUpdate() == 1;
        }
    }

    /**
     * Stops an attempt: a queued one never runs, a running one becomes {@code stopping} until its run has ended, one
     * not yet queued is recorded as stopped so that its request is never run. Returns the state it is left in.
     */
    public String stop(String attemptId, String requestId, String by) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement sql = c.prepareStatement("""
                insert into run_queue (attempt_id, request_id, state, stopped_by) values (?, ?, 'stopped', ?)
                on conflict (attempt_id) do update set
                    state = case run_queue.state when 'running' then 'stopping' when 'queued' then 'stopped'
                                                 else run_queue.state end,
                    stopped_by = coalesce(run_queue.stopped_by, excluded.stopped_by), updated_at = now()
                returning state""")) {
            sql.setString(1, attemptId);
            sql.setString(2, requestId);
            sql.setString(3, by);
            try (ResultSet rs = sql.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /**
     * Claims the next job of {@code lanes}, highest priority first, then oldest: a queued one whose backoff is over,
     * or a running one whose lease expired (its worker died: the claim takes it over and counts the death). One
     * statement with SKIP LOCKED, so two claimers never get the same job.
     */
    public Optional<Claim> claim(String owner, List<String> lanes, Duration lease) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                Claim claim;
                try (PreparedStatement sql = c.prepareStatement("""
                        with next as (
                            select attempt_id, state as was, lease_until as expired from run_queue
                             where lane = any (?)
                               and ((state = 'queued' and not_before <= now())
                                    or (state = 'running' and lease_until < now()))
                             order by priority desc, queued_at
                             limit 1 for update skip locked)
                        update run_queue q
                           set state = 'running', owner = ?, run = q.run + 1,
                               deaths = q.deaths + case when next.was = 'running' then 1 else 0 end,
                               lease_until = now() + make_interval(secs => ?), updated_at = now()
                          from next
                         where q.attempt_id = next.attempt_id
                        returning q.attempt_id, q.request_id, q.payload, q.run, q.deaths, q.stage,
                                  next.was = 'running', next.expired, q.traceparent, q.tracestate""")) {
                    sql.setArray(1, c.createArrayOf("text", lanes.toArray()));
                    sql.setString(2, owner);
                    sql.setDouble(3, seconds(lease));
                    try (ResultSet rs = sql.executeQuery()) {
                        if (!rs.next()) {
                            c.rollback();
                            return Optional.empty();
                        }
                        claim = new Claim(rs.getString(1), rs.getString(2), rs.getString(3), owner, rs.getInt(4),
                                rs.getInt(5), rs.getString(6), rs.getBoolean(7),
                                new TraceContext(rs.getString(9), rs.getString(10)));
                        if (claim.takenOver()) {
                            try (PreparedStatement died = c.prepareStatement("""
                                    update run_claim_log set outcome = 'died', ended_at = ?
                                     where attempt_id = ? and run = ? and outcome is null""")) {
                                died.setTimestamp(1, rs.getTimestamp(8));
                                died.setString(2, claim.attemptId());
                                died.setInt(3, claim.run() - 1);
                                died.executeUpdate();
                            }
                        }
                    }
                }
                try (PreparedStatement log = c.prepareStatement(
                        "insert into run_claim_log (attempt_id, run, owner) values (?, ?, ?)")) {
                    log.setString(1, claim.attemptId());
                    log.setInt(2, claim.run());
                    log.setString(3, owner);
                    log.executeUpdate();
                }
                c.commit();
                return Optional.of(claim);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Extends the claim's lease and records the stage its run reached. {@code LOST} when the claim is no longer this
     * run's (taken over, or ended elsewhere); with {@code strict}, also when its lease had expired, which is what a
     * run asks before it publishes an outcome.
     */
    public Hold heartbeat(Claim claim, String stage, Duration lease, boolean strict) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement sql = c.prepareStatement("""
                update run_queue set lease_until = now() + make_interval(secs => ?), stage = ?, updated_at = now()
                 where attempt_id = ? and owner = ? and run = ? and state in ('running', 'stopping')
                   and (not ? or lease_until > now())
                returning state""")) {
            sql.setDouble(1, seconds(lease));
            sql.setString(2, stage);
            sql.setString(3, claim.attemptId());
            sql.setString(4, claim.owner());
            sql.setInt(5, claim.run());
            sql.setBoolean(6, strict);
            try (ResultSet rs = sql.executeQuery()) {
                if (!rs.next()) {
                    return Hold.LOST;
                }
                return "stopping".equals(rs.getString(1)) ? Hold.STOPPING : Hold.HELD;
            }
        }
    }

    /** Ends the claim's job in {@code state} (done, failed, stopped) with the outcome's reason, if it still holds. */
    public void end(Claim claim, String state, String reason) throws SQLException {
        change(claim, state, """
                update run_queue set state = case when state = 'stopping' then 'stopped' else ? end, reason = ?,
                       lease_until = null, updated_at = now()
                 where attempt_id = ? and owner = ? and run = ?""", state, reason);
    }

    /**
     * Queues the claim's job again after a platform fault, after a backoff that doubles with each fault up to 30 s;
     * the attempt's retry window starts with its first fault.
     */
    public void retryLater(Claim claim, String stage) throws SQLException {
        change(claim, "retry", """
                update run_queue set state = case when state = 'stopping' then 'stopped' else 'queued' end,
                       owner = null, lease_until = null, stage = ?, faulted_at = coalesce(faulted_at, now()),
                       not_before = now() + make_interval(secs => least(30, power(2, faults))),
                       faults = faults + 1, updated_at = now()
                 where attempt_id = ? and owner = ? and run = ?""", stage);
    }

    /** Gives the claim's job back to the queue, to run at once elsewhere; no death is counted. */
    public void handBack(Claim claim) throws SQLException {
        change(claim, "handed-back", """
                update run_queue set state = case when state = 'stopping' then 'stopped' else 'queued' end,
                       owner = null, lease_until = null, not_before = now(), updated_at = now()
                 where attempt_id = ? and owner = ? and run = ?""");
    }

    /** Records that the run learnt it was fenced; the job is someone else's. */
    public void fenced(Claim claim) throws SQLException {
        try (Connection c = db.getConnection()) {
            logEnd(c, claim, "fenced");
        }
    }

    /** Whether the attempt's retry window, which starts with its first platform fault, is still open. */
    public boolean retryWindowOpen(Claim claim, Duration window) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement sql = c.prepareStatement("""
                select coalesce(faulted_at, now()) + make_interval(secs => ?) > now() from run_queue
                 where attempt_id = ?""")) {
            sql.setDouble(1, seconds(window));
            sql.setString(2, claim.attemptId());
            try (ResultSet rs = sql.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The jobs waiting or running, by {@code lane/state} (a stopping job counts as running). */
    public Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement sql = c.prepareStatement("""
                select lane || '/' || case state when 'stopping' then 'running' else state end, count(*)
                  from run_queue where state in ('queued', 'running', 'stopping') group by 1""");
                ResultSet rs = sql.executeQuery()) {
            while (rs.next()) {
                counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
            }
        }
        return counts;
    }

    /**
     * Attempts that a live run holds, with its run number: running or stopping under a lease that has not expired.
     * Their scratch databases and work folders are in use; any other is an orphan. A stop whose run died is settled
     * here too.
     */
    public Map<String, Integer> liveRuns() throws SQLException {
        Map<String, Integer> live = new HashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement settle = c.prepareStatement("""
                update run_queue set state = 'stopped', updated_at = now()
                 where state = 'stopping' and lease_until < now()""");
                PreparedStatement sql = c.prepareStatement("""
                        select attempt_id, run from run_queue
                         where state in ('running', 'stopping') and lease_until > now()""")) {
            settle.executeUpdate();
            try (ResultSet rs = sql.executeQuery()) {
                while (rs.next()) {
                    live.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return live;
    }

    /** Forgets the attempts that ended before {@code keep} ago, with their claims; returns how many. */
    public int pruneEnded(Duration keep) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement sql = c.prepareStatement("""
                delete from run_queue where state in ('done', 'failed', 'stopped')
                   and updated_at < now() - make_interval(secs => ?)""")) {
            sql.setDouble(1, keep.toSeconds());
            return sql.executeUpdate();
        }
    }

    /** Runs {@code update} on the claim's row (its last parameters are the claim's) and ends the claim's record. */
    private void change(Claim claim, String outcome, String update, String... leading) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement sql = c.prepareStatement(update)) {
                int i = 1;
                for (String value : leading) {
                    sql.setString(i++, value);
                }
                sql.setString(i++, claim.attemptId());
                sql.setString(i++, claim.owner());
                sql.setInt(i, claim.run());
                logEnd(c, claim, sql.executeUpdate() == 0 ? "fenced" : outcome);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void logEnd(Connection c, Claim claim, String outcome) throws SQLException {
        try (PreparedStatement sql = c.prepareStatement("""
                update run_claim_log set ended_at = clock_timestamp(), outcome = ?
                 where attempt_id = ? and run = ? and owner = ? and outcome is null""")) {
            sql.setString(1, outcome);
            sql.setString(2, claim.attemptId());
            sql.setInt(3, claim.run());
            sql.setString(4, claim.owner());
            sql.executeUpdate();
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
