-- A request of a rolling-release campaign: its success is mailed as an invitation to upgrade, its failure to nobody
-- (the upgrade team sees it flagged in the campaign).
alter table recipient add column campaign_id uuid;

-- The invitation is the outcome mail of a campaign request: still one outcome mail per request.
drop index outgoing_mail_one_outcome;
create unique index outgoing_mail_one_outcome on outgoing_mail (request_id)
    where kind in ('success', 'failure', 'invitation') and event is not null;
