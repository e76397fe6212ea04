-- A rolling-release campaign: automatic test upgrades of hosted databases to a target version.
create table campaign (
    id             uuid primary key,
    target_version varchar(8)  not null,
    created_at     timestamptz not null
);

-- Each database of a campaign is an ordinary test request; this row says where its backup comes from and whether
-- intake has let it into the test lane yet.
create table campaign_database (
    request_id    uuid primary key references upgrade_request (id),
    campaign_id   uuid        not null references campaign (id),
    position      integer     not null,
    backup_source text        not null,
    -- a replica copying the backup holds it until then; another one takes it over afterwards
    claimed_until timestamptz,
    released_at   timestamptz,
    unique (campaign_id, position)
);
create index campaign_database_held_idx on campaign_database (campaign_id, position) where released_at is null;

alter table upgrade_request add column campaign_id uuid references campaign (id);
