-- migrac:after 0001_base
SET lock_timeout = '2s';
SET statement_timeout = '1min';
CREATE DOMAIN positive AS bigint CHECK (VALUE > 0);
