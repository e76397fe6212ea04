-- A backup arriving in pieces over several connections: an S3 multipart upload and the parts stored so far.
create table backup_upload (
    request_id   uuid primary key references upgrade_request (id),
    upload_id    text        not null,
    total_length bigint      not null,
    created_at   timestamptz not null
);

create table backup_upload_part (
    request_id  uuid    not null references backup_upload (request_id),
    part_number integer not null,
    etag        text    not null,
    size        bigint  not null,
    primary key (request_id, part_number)
);
