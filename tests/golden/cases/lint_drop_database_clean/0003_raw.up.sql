-- migrac:after 0001_base
SET lock_timeout = '2s';
SET statement_timeout = '1min';
-- migrac:allow drop-database the old reporting database is retired with this release
DROP DATABASE legacy;
