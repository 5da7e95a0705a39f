-- migrac:after 0002_change
SET lock_timeout = '2s';
SET statement_timeout = '1min';
ALTER TABLE users ADD COLUMN country varchar;
