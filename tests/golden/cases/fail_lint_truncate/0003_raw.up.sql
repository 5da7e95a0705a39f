-- migrac:after 0001_base
SET lock_timeout = '2s';
SET statement_timeout = '1min';
TRUNCATE orders CASCADE;
