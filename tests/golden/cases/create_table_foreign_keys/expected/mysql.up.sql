-- migrac upgrade script for mysql: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.
-- mysql has no transactional DDL: each statement commits on its own.

-- ---------------------------------------------------------------------------
-- migration: 0001_users
-- file: create_table_foreign_keys/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- lock: none | rewrites: no | scans: no | create_table_foreign_keys/0001_users.mig:1
CREATE TABLE users (
  id bigint NOT NULL AUTO_INCREMENT,
  email varchar(255) NOT NULL,
  name varchar(100),
  created_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT pk_users PRIMARY KEY (id),
  CONSTRAINT uq_users_email UNIQUE (email)
);

-- ---------------------------------------------------------------------------
-- migration: 0002_orders
-- file: create_table_foreign_keys/0002_orders.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/2: outside a transaction

-- lock: none | rewrites: no | scans: no | create_table_foreign_keys/0002_orders.mig:4
CREATE TABLE orders (
  id bigint NOT NULL AUTO_INCREMENT,
  user_id bigint NOT NULL,
  buyer_id bigint,
  amount decimal(10,2) NOT NULL,
  CONSTRAINT pk_orders PRIMARY KEY (id),
  CONSTRAINT ck_orders_amount CHECK (amount >= 0),
  INDEX fk_orders_user_id_users (user_id),
  CONSTRAINT fk_orders_user_id_users FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  INDEX fk_orders_buyer_id_users (buyer_id),
  CONSTRAINT fk_orders_buyer_id_users FOREIGN KEY (buyer_id) REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE
);

-- segment 2/2: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=INPLACE, LOCK=NONE (reads and writes continue) on orders | rewrites: no | scans: yes | create_table_foreign_keys/0002_orders.mig:12
CREATE INDEX ix_orders_user_id ON orders (user_id) ALGORITHM=INPLACE LOCK=NONE;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;
--- exit 0
