-- migrac upgrade script for mysql: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.
-- mysql has no transactional DDL: each statement commits on its own.

-- ---------------------------------------------------------------------------
-- migration: 0001_users
-- file: add_column_inline_constraints/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/2: outside a transaction

-- lock: none | rewrites: no | scans: no | add_column_inline_constraints/0001_users.mig:1
CREATE TABLE users (
  id bigint NOT NULL AUTO_INCREMENT,
  email varchar(255) NOT NULL,
  name varchar(100),
  created_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT pk_users PRIMARY KEY (id),
  CONSTRAINT uq_users_email UNIQUE (email)
);

-- segment 2/2: outside a transaction

-- lock: none | rewrites: no | scans: no | add_column_inline_constraints/0001_users.mig:8
CREATE TABLE orders (
  id bigint NOT NULL AUTO_INCREMENT,
  amount decimal(10,2) NOT NULL,
  CONSTRAINT pk_orders PRIMARY KEY (id)
);

-- ---------------------------------------------------------------------------
-- migration: 0002_add_buyer
-- file: add_column_inline_constraints/0002_add_buyer.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/4: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on orders | rewrites: no | scans: no | add_column_inline_constraints/0002_add_buyer.mig:4
ALTER TABLE orders ADD COLUMN buyer_id bigint, ALGORITHM=INSTANT;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 2/4: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INPLACE, LOCK=NONE (reads and writes continue) on orders | rewrites: no | scans: yes | add_column_inline_constraints/0002_add_buyer.mig:4
ALTER TABLE orders ADD CONSTRAINT uq_orders_buyer_id UNIQUE (buyer_id), ALGORITHM=INPLACE, LOCK=NONE;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 3/4: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=COPY, LOCK=SHARED (writes wait) on orders | rewrites: yes | scans: yes | add_column_inline_constraints/0002_add_buyer.mig:4
ALTER TABLE orders ADD CONSTRAINT ck_orders_buyer_id CHECK (buyer_id > 0), ALGORITHM=COPY, LOCK=SHARED;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;

-- segment 4/4: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=COPY, LOCK=SHARED (writes wait) on orders | rewrites: yes | scans: yes | add_column_inline_constraints/0002_add_buyer.mig:4
ALTER TABLE orders
  ADD INDEX fk_orders_buyer_id_users (buyer_id),
  ADD CONSTRAINT fk_orders_buyer_id_users FOREIGN KEY (buyer_id) REFERENCES users (id),
  ALGORITHM=COPY, LOCK=SHARED;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;
--- exit 0
