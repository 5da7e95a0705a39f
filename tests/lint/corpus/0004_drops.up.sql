-- migrac:after 0003_constraints
SET lock_timeout = '2s';
SET statement_timeout = '1min';
ALTER TABLE users DROP COLUMN legacy;
DROP TABLE audit;
ALTER TABLE accounts RENAME TO customers;
ALTER TABLE users RENAME COLUMN nickname TO handle;
TRUNCATE orders CASCADE;
DROP DATABASE legacy_db;
