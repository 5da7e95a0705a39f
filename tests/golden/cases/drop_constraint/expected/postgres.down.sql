-- migrac downgrade script for postgres: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.

-- ---------------------------------------------------------------------------
-- migration: 0002_drop (downgrade)
-- file: drop_constraint/0002_drop.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/5: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET lock_timeout = '5s';

-- recovery: drops an index left INVALID by an interrupted build (the runner runs it only in that case) | lock: SHARE UPDATE EXCLUSIVE on users | rewrites: no | scans: no | drop_constraint/0002_drop.mig:6
DROP INDEX CONCURRENTLY IF EXISTS uq_users_email;

-- lock: SHARE UPDATE EXCLUSIVE on users | rewrites: no | scans: yes | drop_constraint/0002_drop.mig:6
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS uq_users_email ON users (email);

-- setting: back to the session default
RESET lock_timeout;

-- segment 2/5: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | drop_constraint/0002_drop.mig:6
ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE USING INDEX uq_users_email;

-- lock: ACCESS EXCLUSIVE on orders | rewrites: no | scans: no | drop_constraint/0002_drop.mig:5
ALTER TABLE orders ADD CONSTRAINT ck_orders_amount CHECK (amount > 0) NOT VALID;

COMMIT;

-- segment 3/5: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: SHARE UPDATE EXCLUSIVE on orders | rewrites: no | scans: yes | drop_constraint/0002_drop.mig:5
ALTER TABLE orders VALIDATE CONSTRAINT ck_orders_amount;

COMMIT;

-- segment 4/5: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: SHARE ROW EXCLUSIVE on orders, SHARE ROW EXCLUSIVE on users | rewrites: no | scans: no | drop_constraint/0002_drop.mig:4
ALTER TABLE orders ADD CONSTRAINT fk_orders_user_id_users FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;

COMMIT;

-- segment 5/5: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: SHARE UPDATE EXCLUSIVE on orders | rewrites: no | scans: yes | drop_constraint/0002_drop.mig:4
ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_user_id_users;

COMMIT;

-- ---------------------------------------------------------------------------
-- migration: 0001_users (downgrade)
-- file: drop_constraint/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: in a transaction
BEGIN;

-- setting: for this transaction only
SET LOCAL lock_timeout = '5s';

-- lock: ACCESS EXCLUSIVE on orders, ACCESS EXCLUSIVE on users | rewrites: no | scans: no | drop_constraint/0001_users.mig:8
DROP TABLE orders;

-- lock: ACCESS EXCLUSIVE on users | rewrites: no | scans: no | drop_constraint/0001_users.mig:1
DROP TABLE users;

COMMIT;
--- exit 0
