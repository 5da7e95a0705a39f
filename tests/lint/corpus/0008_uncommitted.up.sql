-- migrac:after 0007_transactions
-- migrac:no-transaction
SET lock_timeout = '2s';
SET statement_timeout = '1min';
BEGIN;
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new';
