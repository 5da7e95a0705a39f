-- migrac:after 0006_concurrent
SET lock_timeout = '2s';
SET statement_timeout = '1min';
BEGIN;
ALTER TABLE orders ALTER COLUMN note SET DEFAULT '';
COMMIT;
