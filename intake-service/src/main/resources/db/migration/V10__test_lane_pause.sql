-- Operations pause the test lane during release season: one row, always there, whose lock orders a start against a
-- pause or resume, so that no request is held after the resume that should have published it.
create table test_lane (
    id smallint primary key check (id = 1),
    paused_by varchar(64),
    paused_at timestamptz
);
insert into test_lane (id) values (1);

-- A test request started while the lane is paused waits in intake, unpublished, until operations resume it.
alter table upgrade_request add column held boolean not null default false;
create index upgrade_request_held on upgrade_request (queued_at) where held;
