-- Juniper 15.0 drops the moderation of mail channels, as Odoo 15 did.
SELECT pg_temp.juniper_remove_field('mail', 'mail.message', 'moderation_status',
                                    'channel moderation is removed in 15.0');
SELECT pg_temp.juniper_remove_field('mail', 'mail.channel', 'moderation', 'channel moderation is removed in 15.0');
