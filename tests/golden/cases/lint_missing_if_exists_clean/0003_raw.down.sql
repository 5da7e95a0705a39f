SET lock_timeout = '2s';
DROP INDEX CONCURRENTLY IF EXISTS ix_users_name;
