-- migrac:after 0001_base
-- migrac:no-transaction
SET lock_timeout = '2s';
SET statement_timeout = '1min';
BEGIN;
ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text;
COMMIT;
