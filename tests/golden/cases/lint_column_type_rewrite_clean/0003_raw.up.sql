-- migrac:after 0002b_widen
SET lock_timeout = '2s';
SET statement_timeout = '1min';
CREATE TABLE scratch (id bigint PRIMARY KEY, a bigint);
ALTER TABLE scratch ALTER COLUMN a TYPE numeric;
