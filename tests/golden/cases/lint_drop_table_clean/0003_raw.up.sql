-- migrac:after 0002_change
SET lock_timeout = '2s';
SET statement_timeout = '1min';
CREATE TABLE scratch (id bigint PRIMARY KEY);
DROP TABLE scratch;
