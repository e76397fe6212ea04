-- Neutralization rules of the bank_sync module; see base.sql for the format.

-- rule: bank-sync-off
UPDATE account_online_link
   SET auto_sync = false,
       state = 'disconnected',
       access_token = NULL,
       refresh_token = NULL;
