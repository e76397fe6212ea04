-- Contracts intake accepts requests for; each belongs to a hosting project (branch credentials are scoped to it).
create table contract (
    code       varchar(64) primary key,
    project    varchar(64) not null,
    created_at timestamptz not null
);

-- Target versions operations opened; seeded from configuration on first start.
create table open_target (
    version varchar(8) primary key
);

-- Hosting branches' download credentials, scoped to one project.
create table branch_credential (
    name        varchar(64) primary key,
    project     varchar(64) not null,
    secret_hash varchar(64) not null,
    created_at  timestamptz not null
);

alter table upgrade_request add column project varchar(64);
create index upgrade_request_database_idx on upgrade_request (contract, database_name, purpose, state);
