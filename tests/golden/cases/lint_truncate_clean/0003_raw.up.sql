-- migrac:after 0001_base
SET lock_timeout = '2s';
SET statement_timeout = '1min';
CREATE TABLE scratch (id bigint PRIMARY KEY);
TRUNCATE scratch;
