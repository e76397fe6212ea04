-- Download capabilities are signed, not stored: revoking a request's links records the moment, and every link issued
-- before it stops opening anything.
alter table upgrade_request add column links_revoked_at timestamptz;
