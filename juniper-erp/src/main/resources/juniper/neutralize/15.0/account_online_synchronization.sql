-- Neutralization rules of the account_online_synchronization module (bank_sync until 14.0); see base.sql for
-- the format.

-- rule: bank-sync-off
UPDATE account_online_link
   SET auto_sync = false,
       state = 'disconnected',
       access_token = NULL,
       refresh_token = NULL;
