-- A requester lists the requests created with their secret.
create index upgrade_request_secret_idx on upgrade_request (secret_hash);
