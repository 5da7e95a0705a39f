-- migrac:after 0001_base
SET lock_timeout = '2s';
SET statement_timeout = '1min';
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_name ON users (name);
