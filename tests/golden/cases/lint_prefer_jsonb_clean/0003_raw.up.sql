-- migrac:after 0002_change
SET lock_timeout = '2s';
SET statement_timeout = '1min';
CREATE TABLE audit (id bigint PRIMARY KEY, data jsonb);
