-- migrac:after 0002_indexes
-- migrac:no-transaction
-- Outside a transaction, except between BEGIN and COMMIT.
BEGIN;
UPDATE users SET name = lower(name);
VACUUM users;
COMMIT;
VACUUM users;
