-- The reverse of the .up.sql: it drops what that file created.
SET lock_timeout = '2s';
SET statement_timeout = '1min';
ALTER TABLE users DROP COLUMN nickname;
DROP INDEX ix_sessions_user;
DROP TABLE sessions;
