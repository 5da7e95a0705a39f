DROP INDEX IF EXISTS ix_users_name;
