-- The upgrade request: intake is the single owner of its state.
create table upgrade_request (
    id                 uuid primary key,
    contract           varchar(64)  not null,
    email              varchar(254) not null,
    database_name      varchar(63)  not null,
    source_version     varchar(8),
    target_version     varchar(8)   not null,
    purpose            varchar(16)  not null,
    priority           integer      not null,
    state              varchar(16)  not null,
    stage              varchar(32),
    secret_hash        varchar(64)  not null,
    backup_key         text,
    backup_sha256      varchar(64),
    backup_size        bigint,
    backup_format      varchar(16),
    upgraded_key       text,
    upgraded_sha256    varchar(64),
    upgraded_size      bigint,
    neutralized_key    text,
    neutralized_sha256 varchar(64),
    neutralized_size   bigint,
    report_html_key    text,
    report_json_key    text,
    failure_reason     varchar(64),
    failure_message    text,
    created_at         timestamptz  not null,
    queued_at          timestamptz,
    started_at         timestamptz,
    finished_at        timestamptz,
    version            bigint       not null default 0
);
create index upgrade_request_state_idx on upgrade_request (state, priority desc, queued_at);
create index upgrade_request_email_idx on upgrade_request (email);

-- The live log, as the parts report it.
create table request_log_line (
    id         bigserial primary key,
    request_id uuid        not null references upgrade_request (id),
    at         timestamptz not null,
    stage      varchar(32) not null,
    line       text        not null
);
create index request_log_line_request_idx on request_log_line (request_id, id);

-- Events written in the same transaction as the state they announce; the relay publishes them.
create table outbox_event (
    id           uuid primary key,
    request_id   uuid        not null,
    type         varchar(64) not null,
    source       text        not null,
    data         text        not null,
    created_at   timestamptz not null,
    published_at timestamptz
);
create index outbox_event_pending_idx on outbox_event (created_at) where published_at is null;

-- Ids of the events already applied, so that a redelivered event changes nothing.
create table processed_event (
    event_id     varchar(128) primary key,
    type         varchar(64)  not null,
    processed_at timestamptz  not null
);
