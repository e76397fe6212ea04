-- Requests are published on the lane of their purpose; the topic is chosen when the event is written.
alter table outbox_event add column topic varchar(64);
update outbox_event set topic = 'upgrade.requested' where type = 'juniper.upgrade.requested.v1';
update outbox_event set topic = 'upgrade.completed' where type = 'juniper.upgrade.completed.v1';
alter table outbox_event alter column topic set not null;
