-- Who to tell about a request, learnt from upgrade.requested (the requester's address travels on no other event).
create table recipient (
    request_id     uuid primary key,
    email          varchar(254) not null,
    database_name  varchar(63)  not null,
    source_version varchar(8)   not null,
    target_version varchar(8)   not null,
    purpose        varchar(16)  not null
);

-- One row per mail sent: the key makes a second mail of the same kind for the same request impossible.
create table sent_mail (
    request_id uuid        not null,
    kind       varchar(16) not null,
    sent_at    timestamptz not null,
    primary key (request_id, kind)
);
