-- migrac:after 0002_change
SET lock_timeout = '2s';
SET statement_timeout = '1min';
CREATE INDEX ix_users_name ON users (name);
