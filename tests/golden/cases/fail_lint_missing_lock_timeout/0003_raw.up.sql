-- migrac:after 0001_base
SET statement_timeout = '1min';
ALTER TABLE users ADD COLUMN nickname text;
