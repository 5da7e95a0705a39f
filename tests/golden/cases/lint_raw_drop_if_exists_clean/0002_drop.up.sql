-- migrac:after 0001_base
-- The model holds neither the index nor the table: these statements do nothing.
SET lock_timeout = '2s';
SET statement_timeout = '1min';
DROP INDEX IF EXISTS ix_users_name;
DROP TABLE IF EXISTS legacy_sessions;
