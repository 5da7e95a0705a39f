-- migrac:afer 0001_initial_schema
-- migrac:after 0001_initial_schema, 0001_initial_schema.up.sql
-- migrac:no-transaction now
ALTER TABLE users ADD COLUMN phone varchar(20);
CREAT INDEX CONCURRENTLY ix_users_phone ON users (phone);
UPDATE users SET phone = '' WHERE phone IS NULL AND;
-- migrac:after 0001_initial_schema
