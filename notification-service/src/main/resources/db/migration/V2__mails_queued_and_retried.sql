-- A mail is queued when its request's outcome is known, and sent by the sender, which retries with backoff until the
-- SMTP server takes it: a mail server that is away delays mails and loses none. Rows from before were sent at once.
alter table sent_mail rename to outgoing_mail;
alter table outgoing_mail alter column sent_at drop not null;
alter table outgoing_mail
    add column event           text,
    add column queued_at       timestamptz not null default now(),
    add column attempts        integer     not null default 0,
    add column next_attempt_at timestamptz not null default now(),
    add column last_error      text;

create index outgoing_mail_due on outgoing_mail (next_attempt_at) where sent_at is null;

-- One outcome mail per request, whichever outcome came first: never "it failed" after "it is ready", or the reverse.
-- Rows sent before the queue existed (no event) may hold both kinds for a retried request; they stay as they are.
create unique index outgoing_mail_one_outcome on outgoing_mail (request_id)
    where kind in ('success', 'failure') and event is not null;
