-- Every start or retry of a request is an attempt with its own id; only the current attempt's events move the request.
-- Requests queued before attempts existed get one, so that the runs they are in belong to something.
alter table upgrade_request
    add column attempt        uuid,
    add column attempt_number integer not null default 0,
    add column last_event_at  timestamptz,
    add column republished    integer not null default 0,
    add column stopped_by     varchar(16),
    add column stop_reason    varchar(1000);
update upgrade_request set attempt = gen_random_uuid(), attempt_number = 1, last_event_at = coalesce(queued_at, created_at)
    where queued_at is not null;
-- what the reconciler scans: requests queued or running whose parts went quiet
create index upgrade_request_quiet_idx on upgrade_request (last_event_at) where state in ('PENDING', 'PROGRESS');

-- Events that a consumer of the platform could not handle, kept where operations look (the ops API), with their
-- request, until replayed.
create table dead_letter (
    id          bigserial primary key,
    topic       varchar(255) not null,
    part        integer      not null,
    record      bigint       not null,
    request_id  uuid,
    event_id    varchar(255),
    event_type  varchar(255),
    reason      text,
    headers     text         not null,
    payload     text,
    received_at timestamptz  not null,
    replayed_at timestamptz,
    unique (topic, part, record)
);
create index dead_letter_request_idx on dead_letter (request_id);
