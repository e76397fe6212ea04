-- The standard files base installs from 16.0 on (files/16.0/base/).
SELECT pg_temp.juniper_add_standard_file('base', 'image_placeholder', 'image_placeholder.svg',
                                         '97bfe65373fd213da8ae1a953ccb5d8f10817910', 270, 'image/svg+xml');
