ALTER TABLE users DROP COLUMN nickname;
-- migrac:allow drop-column the column was copied to users.title in 0001
ALTER TABLE users DROP COLUMN name;
ALTER TABLE users DROP COLUMN age;
DROP INDEX ix_users_email;
DROP TABLE orders;
