-- migrac:after 0001_base
-- migrac:no-transaction
-- Statements PostgreSQL refuses inside a transaction block, in a file that
-- runs outside one.
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_name ON users (name);
REINDEX INDEX CONCURRENTLY ix_users_name;
VACUUM (ANALYZE) users;
