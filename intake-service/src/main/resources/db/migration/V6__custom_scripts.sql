-- The requester's own upgrade scripts (requests/<id>/custom-scripts.zip), checked when they arrived: the event that
-- queues the request carries the key and sha256, so that the worker runs exactly what intake checked. The count and
-- modules are kept for the status, so that it need not read the zip again.
alter table upgrade_request
    add column scripts_key     text,
    add column scripts_sha256  varchar(64),
    add column scripts_size    bigint,
    add column scripts_count   integer,
    add column scripts_modules text;
