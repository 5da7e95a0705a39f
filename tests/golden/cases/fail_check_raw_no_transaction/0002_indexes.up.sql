-- migrac:after 0001_base
-- A transactional file (no '-- migrac:no-transaction'): each statement that
-- PostgreSQL refuses inside a transaction block is an error.
CREATE INDEX CONCURRENTLY ix_users_name ON users (name);
REINDEX INDEX CONCURRENTLY ix_users_name;
VACUUM (ANALYZE) users;
CLUSTER;
ALTER SYSTEM SET work_mem = '8MB';
CREATE DATABASE reports;
-- These run in a transaction block and are not reported.
CREATE INDEX ix_users_email ON users (email);
REINDEX TABLE users;
ANALYZE users;
ALTER TYPE mood ADD VALUE 'calm';
