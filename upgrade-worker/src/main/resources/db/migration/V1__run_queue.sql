-- The worker's queue of runs, one row per attempt. Kafka delivers requests into it; run slots claim a row with a
-- lease that their heartbeat extends, so that no two runs of one attempt overlap whatever Kafka's rebalances do.
CREATE TABLE run_queue (
    attempt_id   text PRIMARY KEY,
    request_id   text NOT NULL,
    -- the upgrade.requested data; absent when the stop of the attempt arrived before its request
    payload      text,
    lane         text,
    priority     integer NOT NULL DEFAULT 0,
    queued_at    timestamptz NOT NULL DEFAULT now(),
    state        text NOT NULL DEFAULT 'queued'
                 CHECK (state IN ('queued', 'running', 'stopping', 'done', 'failed', 'stopped')),
    owner        text,
    -- claims of the attempt so far: the fence of the current one
    run          integer NOT NULL DEFAULT 0,
    -- runs whose worker died: a claim that takes a job over from an expired lease
    deaths       integer NOT NULL DEFAULT 0,
    lease_until  timestamptz,
    not_before   timestamptz NOT NULL DEFAULT now(),
    -- the last stage a run of the attempt reached, named when its runs keep dying there
    stage        text,
    -- the first platform fault of the attempt: its retries end a window after it
    faulted_at   timestamptz,
    faults       integer NOT NULL DEFAULT 0,
    reason       text,
    stopped_by   text,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX run_queue_claimable ON run_queue (priority DESC, queued_at) WHERE state IN ('queued', 'running');

-- Every claim of an attempt and how it ended, so that the runs of an attempt can be shown not to have overlapped.
CREATE TABLE run_claim_log (
    attempt_id  text NOT NULL REFERENCES run_queue ON DELETE CASCADE,
    run         integer NOT NULL,
    owner       text NOT NULL,
    claimed_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- when a takeover ends a claim whose worker died, the time its lease expired
    ended_at    timestamptz,
    -- done, failed, stopped, fenced, retry, handed-back, died
    outcome     text,
    PRIMARY KEY (attempt_id, run)
);
