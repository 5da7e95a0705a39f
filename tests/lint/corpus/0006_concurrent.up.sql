-- migrac:after 0005_types
-- migrac:no-transaction
SET lock_timeout = '2s';
SET statement_timeout = '10min';
CREATE INDEX CONCURRENTLY ix_orders_total ON orders (total);
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_orders_note ON orders (note);
DROP INDEX CONCURRENTLY ix_orders_status;
DROP INDEX CONCURRENTLY IF EXISTS ix_orders_missing;
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
ALTER TABLE orders ADD COLUMN IF NOT EXISTS paid_at timestamptz;
