-- migrac:after 0001_base
-- migrac:no-transaction
SET lock_timeout = '2s';
SET statement_timeout = '1min';
CREATE INDEX CONCURRENTLY ix_users_name ON users (name);
