-- An operator's retry starts a new attempt of a request, and the new attempt has its own outcome mail: the mails of
-- earlier attempts stay as they are, superseded. The upgrade.requested event that started the current attempt tells
-- a retry (another event) from a redelivery (the same one).
alter table recipient add column requested_event text;

alter table outgoing_mail drop constraint sent_mail_pkey;
alter table outgoing_mail add column id bigserial primary key;
alter table outgoing_mail add column superseded boolean not null default false;

drop index outgoing_mail_one_outcome;
create unique index outgoing_mail_one_outcome on outgoing_mail (request_id)
    where kind in ('success', 'failure', 'invitation') and event is not null and not superseded;
