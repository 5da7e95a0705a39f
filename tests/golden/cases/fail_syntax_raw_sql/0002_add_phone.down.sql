-- migrac:no-transaction
ALTER TABLE users DROP COLUMN phone;
