-- migrac upgrade script for mysql: 2 migrations
-- Each segment runs in a transaction of its own or outside any transaction, as marked.
-- Before each statement: the lock it takes, whether it rewrites or scans the table,
-- and the line it comes from.
-- mysql has no transactional DDL: each statement commits on its own.

-- ---------------------------------------------------------------------------
-- migration: 0001_users
-- file: foreign_key_online/0001_users.mig
-- after: (root)
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/2: outside a transaction

-- lock: none | rewrites: no | scans: no | foreign_key_online/0001_users.mig:1
CREATE TABLE users (
  id bigint NOT NULL AUTO_INCREMENT,
  email varchar(255) NOT NULL,
  name varchar(100),
  created_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  CONSTRAINT pk_users PRIMARY KEY (id),
  CONSTRAINT uq_users_email UNIQUE (email)
);

-- segment 2/2: outside a transaction

-- lock: none | rewrites: no | scans: no | foreign_key_online/0001_users.mig:8
CREATE TABLE orders (
  id bigint NOT NULL AUTO_INCREMENT,
  user_id bigint NOT NULL,
  CONSTRAINT pk_orders PRIMARY KEY (id)
);

-- ---------------------------------------------------------------------------
-- migration: 0002_fk
-- file: foreign_key_online/0002_fk.mig
-- after: 0001_users
-- reversible: yes
-- ---------------------------------------------------------------------------

-- segment 1/1: outside a transaction

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION lock_wait_timeout = 5;

-- setting: for the session, as SET LOCAL has no effect outside a transaction
SET SESSION innodb_lock_wait_timeout = 5;

-- lock: ALGORITHM=COPY, LOCK=SHARED (writes wait) on orders | rewrites: yes | scans: yes | foreign_key_online/0002_fk.mig:4
ALTER TABLE orders
  ADD INDEX fk_orders_user_id_users (user_id),
  ADD CONSTRAINT fk_orders_user_id_users FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  ALGORITHM=COPY, LOCK=SHARED;

-- setting: back to the session default
SET SESSION lock_wait_timeout = DEFAULT;

-- setting: back to the session default
SET SESSION innodb_lock_wait_timeout = DEFAULT;
--- exit 0
