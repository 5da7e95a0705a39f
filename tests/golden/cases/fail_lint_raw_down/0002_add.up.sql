-- migrac:after 0001_base
SET lock_timeout = '2s';
SET statement_timeout = '1min';
ALTER TABLE users ADD COLUMN nickname text;
