ALTER TABLE users DROP COLUMN nickname;
DROP TYPE user_status;
