-- migrac:after 0001_base
SET lock_timeout = '2s';
SET statement_timeout = '1min';
DROP INDEX IF EXISTS ix_users_email;
DROP TABLE IF EXISTS orders;
