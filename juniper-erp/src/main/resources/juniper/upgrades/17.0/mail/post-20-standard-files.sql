-- The standard files mail installs from 17.0 on (files/17.0/mail/).
SELECT pg_temp.juniper_add_standard_file('mail', 'discuss_channel_avatar', 'discuss_channel_avatar.svg',
                                         'cd43085262c14b673aacad19796015891a704393', 279, 'image/svg+xml');
