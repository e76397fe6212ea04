-- A backup upload in flight holds its request until then (renewed as bytes arrive): start and a concurrent upload
-- wait for it. Every upload goes to an object of its own, recorded as the request's backup only once checked, so a
-- refused upload never replaces the accepted one.
alter table upgrade_request add column upload_until timestamptz;
alter table backup_upload add column object_key text;
update backup_upload set object_key = 'requests/' || request_id || '/backup';
alter table backup_upload alter column object_key set not null;
