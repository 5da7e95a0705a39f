-- migrac upgrade script for mysql: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.
-- mysql has no transactional DDL: each statement commits on its own.

-- ---------------------------------------------------------------------------
-- migration: 0001_enum
-- file: enum_create_drop/0001_enum.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- lock: none | rewrites: no | scans: no | enum_create_drop/0001_enum.mig:3
CREATE TABLE orders (
  id bigint NOT NULL AUTO_INCREMENT,
  status ENUM('pending', 'paid', 'shipped') NOT NULL DEFAULT 'pending',
  CONSTRAINT pk_orders PRIMARY KEY (id)
);

-- ---------------------------------------------------------------------------
-- migration: 0002_enum_to_text
-- file: enum_create_drop/0002_enum_to_text.mig
-- after: 0001_enum
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on orders | rewrites: no | scans: no | enum_create_drop/0002_enum_to_text.mig:3
ALTER TABLE orders ALTER COLUMN status DROP DEFAULT, ALGORITHM=INSTANT;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 2/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=COPY, LOCK=SHARED (writes wait) on orders | rewrites: yes | scans: yes | enum_create_drop/0002_enum_to_text.mig:4
ALTER TABLE orders MODIFY COLUMN status longtext NOT NULL, ALGORITHM=COPY, LOCK=SHARED;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;
--- exit 0
