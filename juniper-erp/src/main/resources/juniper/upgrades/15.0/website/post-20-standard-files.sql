-- The standard files website installs from 15.0 on (files/15.0/website/).
SELECT pg_temp.juniper_add_standard_file('website', 's_banner_default_image', 's_banner_default_image.svg',
                                         '168b2df679178c46cb54f8bc76de15dfa0fd105d', 462, 'image/svg+xml');
