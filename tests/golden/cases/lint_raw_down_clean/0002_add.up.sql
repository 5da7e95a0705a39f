-- migrac:after 0001_base
SET lock_timeout = '2s';
SET statement_timeout = '1min';
CREATE TABLE sessions (id bigint PRIMARY KEY, user_id bigint NOT NULL);
CREATE INDEX ix_sessions_user ON sessions (user_id);
ALTER TABLE users ADD COLUMN nickname text;
