-- The standard files account installs from 18.0 on (files/18.0/account/).
SELECT pg_temp.juniper_add_standard_file('account', 'invoice_paid_stamp', 'invoice_paid_stamp.svg',
                                         'fff23cb0669529bd615e07aac176333ee1811340', 383, 'image/svg+xml');
