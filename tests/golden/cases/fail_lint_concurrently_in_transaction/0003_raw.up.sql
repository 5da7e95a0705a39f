-- migrac:after 0002_sql
-- In a raw migration, `check` reports the statement (E0124); the lint rule does not repeat it.
SET lock_timeout = '2s';
SET statement_timeout = '1min';
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_name ON users (name);
