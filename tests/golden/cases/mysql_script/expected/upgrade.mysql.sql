-- migrac mysql script: upgrade 4 migrations, 0001_items .. 0004_note
-- It starts from base and changes nothing unless the database is there.
-- Apply with: mysql DATABASE < THIS_FILE (or mariadb); it stops at the first error
-- (never with --force: its checks stop it by failing).
-- MySQL commits every DDL statement on its own, so nothing here is rolled back:
-- each segment is recorded in the history table as migrac upgrade records it.
-- A database at another revision is refused before anything is changed,
-- with an error naming both; so is a rerun of a finished script ("migrac:
-- nothing to do"; the client exits 1). After a failure or a kill, `migrac
-- upgrade` resumes at the next statement; this script then refuses to run again.
-- Another runner's lock is waited for up to @migrac_lock_wait seconds (60
-- unless set: mysql --init-command='SET @migrac_lock_wait = 300' ...).

-- Each check sets @migrac_error to NULL, or to a message, and the statement
-- after it stops the script with that message (the mysql client cannot skip a
-- statement: the variable completion_type set to the message fails with ERROR
-- 1231 "Variable 'completion_type' can't be set to the value of 'migrac: ...'";
-- without a message it is set to the value it has).

SET NAMES utf8mb4;
SET SESSION autocommit = 1;
SET @migrac_error = IF(DATABASE() IS NULL, 'migrac: no database selected (mysql DATABASE < FILE)', NULL);
SET SESSION completion_type = IF(@migrac_error IS NULL, @@SESSION.completion_type, @migrac_error);

-- One runner at a time: the lock migrac upgrade and downgrade take, held until
-- the end of the script (or of the session).
SET @migrac_lock_wait = COALESCE(@migrac_lock_wait, 60);
SET @migrac_lock = CONCAT(LEFT(CONCAT('migrac:', DATABASE()), 44), ':7060450939361674638');
SET @migrac_locked = GET_LOCK(@migrac_lock, @migrac_lock_wait);
SET @migrac_error = IF(@migrac_locked = 1, NULL, CONCAT('migrac: the migration lock is still held after ', @migrac_lock_wait, ' s by connection ', COALESCE(IS_USED_LOCK(@migrac_lock), '?'), COALESCE((SELECT CONCAT(' (user ''', USER, ''')') FROM information_schema.PROCESSLIST WHERE ID = IS_USED_LOCK(@migrac_lock)), ''), '; wait longer with SET @migrac_lock_wait = SECONDS'));
SET SESSION completion_type = IF(@migrac_error IS NULL, @@SESSION.completion_type, @migrac_error);

-- The history table migrac_history, created if missing.
CREATE TABLE IF NOT EXISTS migrac_history (
  id              varchar(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
  checksum        varchar(255) NOT NULL,
  parents         text NOT NULL,
  segments_done   integer NOT NULL DEFAULT 0,
  segments_total  integer NOT NULL,
  down_done       integer NOT NULL DEFAULT 0,
  segment_started integer NOT NULL DEFAULT 0,
  applied_at      datetime NOT NULL,
  duration_ms     bigint NOT NULL DEFAULT 0,
  applied_by      varchar(255) NOT NULL,
  method          varchar(16) NOT NULL DEFAULT 'run'
);

-- Where the database is: the recorded migrations that no other names as a parent.
SET @migrac_at = (SELECT COALESCE(GROUP_CONCAT(CONCAT(h.id, CASE
    WHEN h.segments_done < h.segments_total THEN CONCAT(' (partly applied: ', h.segments_done, ' of ', h.segments_total, ' segments recorded)')
    WHEN h.down_done > 0 OR h.segment_started > 0 THEN ' (partly reverted)' ELSE '' END)
    ORDER BY h.id SEPARATOR ', '), 'base')
  FROM migrac_history h WHERE NOT EXISTS (SELECT 1 FROM migrac_history c
    WHERE FIND_IN_SET(CAST(h.id AS BINARY), CAST(c.parents AS BINARY)) > 0));
-- The database must be at the revision this script starts from.
SET @migrac_edited = (SELECT GROUP_CONCAT(id ORDER BY id SEPARATOR ', ') FROM migrac_history
  WHERE checksum <> CASE id WHEN '0001_items' THEN 'v1:b244a7557562333e0a5ebaa6a8280cfa9b91b3a3b19d149c88745fbd0de583f0' WHEN '0002_qty' THEN 'v1:394d9c0303563bd92badcddb6f14eedac5ecf400d467d268d3f3e29937dc38d1' WHEN '0003_seed' THEN 'v1:223865f4f70997a42f4ec6321c4dec365cbac23a0802b9180a48f684ee9df40f' WHEN '0004_note' THEN 'v1:9cf45d5c851827698ac8eca5b6dec16100dbe1f0efa0959186aefc41bc701055' ELSE checksum END);
SET @migrac_error = CASE
  WHEN @migrac_edited IS NOT NULL
    THEN CONCAT('migrac: edited after it was applied (checksum differs): ', @migrac_edited)
  WHEN (SELECT COUNT(*) FROM migrac_history WHERE id IN ('0001_items', '0002_qty', '0003_seed', '0004_note') AND segments_done >= segments_total AND down_done = 0 AND segment_started = 0) = 4
    THEN 'migrac: nothing to do: the 4 migrations were applied already'
  WHEN EXISTS (SELECT 1 FROM migrac_history WHERE id IN ('0001_items', '0002_qty', '0003_seed', '0004_note') AND segments_done < segments_total)
    THEN CONCAT('migrac: the database is at ', @migrac_at, ', this script starts from base; a run stopped part-way: migrac upgrade resumes it')
  WHEN EXISTS (SELECT 1 FROM migrac_history WHERE id IN ('0001_items', '0002_qty', '0003_seed', '0004_note'))
    THEN CONCAT('migrac: the database is at ', @migrac_at, ', this script starts from base; nothing was changed')
END;
SET SESSION completion_type = IF(@migrac_error IS NULL, @@SESSION.completion_type, @migrac_error);

-- ============================================================
-- apply 0001_items
-- file: mysql_script/0001_items.mig
-- parents: <base>
-- checksum: v1:b244a7557562333e0a5ebaa6a8280cfa9b91b3a3b19d149c88745fbd0de583f0
SELECT 'migrac: apply 0001_items (1 segment)' AS migrac;

-- segment 1/1: commits on its own; recorded as started, then as done
INSERT INTO migrac_history (id, checksum, parents, segments_done, segments_total, segment_started, applied_at, duration_ms, applied_by, method) VALUES ('0001_items', 'v1:b244a7557562333e0a5ebaa6a8280cfa9b91b3a3b19d149c88745fbd0de583f0', '', 0, 1, 1, UTC_TIMESTAMP(), 0, CURRENT_USER(), 'mysql') ON DUPLICATE KEY UPDATE segment_started = 1;
SET @migrac_t0 = SYSDATE(6);
-- mysql_script/0001_items.mig:1
CREATE TABLE items (
  id bigint NOT NULL AUTO_INCREMENT,
  name varchar(100) NOT NULL,
  CONSTRAINT pk_items PRIMARY KEY (id)
);
INSERT INTO migrac_history (id, checksum, parents, segments_done, segments_total, segment_started, applied_at, duration_ms, applied_by, method) VALUES ('0001_items', 'v1:b244a7557562333e0a5ebaa6a8280cfa9b91b3a3b19d149c88745fbd0de583f0', '', 1, 1, 0, UTC_TIMESTAMP(), TIMESTAMPDIFF(MICROSECOND, @migrac_t0, SYSDATE(6)) DIV 1000, CURRENT_USER(), 'mysql') ON DUPLICATE KEY UPDATE segments_done = 1, segments_total = 1, segment_started = 0, down_done = 0, duration_ms = duration_ms + TIMESTAMPDIFF(MICROSECOND, @migrac_t0, SYSDATE(6)) DIV 1000, applied_at = UTC_TIMESTAMP(), applied_by = CURRENT_USER(), method = 'mysql';

-- ============================================================
-- apply 0002_qty
-- file: mysql_script/0002_qty.mig
-- parents: 0001_items
-- checksum: v1:394d9c0303563bd92badcddb6f14eedac5ecf400d467d268d3f3e29937dc38d1
SELECT 'migrac: apply 0002_qty (2 segments)' AS migrac;

-- segment 1/2: commits on its own; recorded as started, then as done
INSERT INTO migrac_history (id, checksum, parents, segments_done, segments_total, segment_started, applied_at, duration_ms, applied_by, method) VALUES ('0002_qty', 'v1:394d9c0303563bd92badcddb6f14eedac5ecf400d467d268d3f3e29937dc38d1', '0001_items', 0, 2, 1, UTC_TIMESTAMP(), 0, CURRENT_USER(), 'mysql') ON DUPLICATE KEY UPDATE segment_started = 1;
SET @migrac_t0 = SYSDATE(6);
SET SESSION lock_wait_timeout = 3;
SET SESSION innodb_lock_wait_timeout = 3;
-- mysql_script/0002_qty.mig:4, lock ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on items
ALTER TABLE items ADD COLUMN qty int NOT NULL DEFAULT 0, ALGORITHM=INSTANT;
SET SESSION lock_wait_timeout = DEFAULT;
SET SESSION innodb_lock_wait_timeout = DEFAULT;
INSERT INTO migrac_history (id, checksum, parents, segments_done, segments_total, segment_started, applied_at, duration_ms, applied_by, method) VALUES ('0002_qty', 'v1:394d9c0303563bd92badcddb6f14eedac5ecf400d467d268d3f3e29937dc38d1', '0001_items', 1, 2, 0, UTC_TIMESTAMP(), TIMESTAMPDIFF(MICROSECOND, @migrac_t0, SYSDATE(6)) DIV 1000, CURRENT_USER(), 'mysql') ON DUPLICATE KEY UPDATE segments_done = 1, segments_total = 2, segment_started = 0, down_done = 0, duration_ms = duration_ms + TIMESTAMPDIFF(MICROSECOND, @migrac_t0, SYSDATE(6)) DIV 1000, applied_at = UTC_TIMESTAMP(), applied_by = CURRENT_USER(), method = 'mysql';

-- segment 2/2: commits on its own; recorded as started, then as done
INSERT INTO migrac_history (id, checksum, parents, segments_done, segments_total, segment_started, applied_at, duration_ms, applied_by, method) VALUES ('0002_qty', 'v1:394d9c0303563bd92badcddb6f14eedac5ecf400d467d268d3f3e29937dc38d1', '0001_items', 1, 2, 2, UTC_TIMESTAMP(), 0, CURRENT_USER(), 'mysql') ON DUPLICATE KEY UPDATE segment_started = 2;
SET @migrac_t0 = SYSDATE(6);
SET SESSION lock_wait_timeout = 3;
SET SESSION innodb_lock_wait_timeout = 3;
-- mysql_script/0002_qty.mig:5, lock ALGORITHM=INPLACE, LOCK=NONE (reads and writes continue) on items, scans the table
CREATE INDEX ix_items_name ON items (name) ALGORITHM=INPLACE LOCK=NONE;
SET SESSION lock_wait_timeout = DEFAULT;
SET SESSION innodb_lock_wait_timeout = DEFAULT;
INSERT INTO migrac_history (id, checksum, parents, segments_done, segments_total, segment_started, applied_at, duration_ms, applied_by, method) VALUES ('0002_qty', 'v1:394d9c0303563bd92badcddb6f14eedac5ecf400d467d268d3f3e29937dc38d1', '0001_items', 2, 2, 0, UTC_TIMESTAMP(), TIMESTAMPDIFF(MICROSECOND, @migrac_t0, SYSDATE(6)) DIV 1000, CURRENT_USER(), 'mysql') ON DUPLICATE KEY UPDATE segments_done = 2, segments_total = 2, segment_started = 0, down_done = 0, duration_ms = duration_ms + TIMESTAMPDIFF(MICROSECOND, @migrac_t0, SYSDATE(6)) DIV 1000, applied_at = UTC_TIMESTAMP(), applied_by = CURRENT_USER(), method = 'mysql';

-- ============================================================
-- apply 0003_seed
-- file: mysql_script/0003_seed.mig
-- parents: 0002_qty
-- checksum: v1:223865f4f70997a42f4ec6321c4dec365cbac23a0802b9180a48f684ee9df40f
SELECT 'migrac: apply 0003_seed (1 segment)' AS migrac;

-- segment 1/1: one transaction, recorded in it
SET @migrac_transaction_start = SYSDATE(6);
START TRANSACTION;
SET SESSION lock_wait_timeout = 5;
SET SESSION innodb_lock_wait_timeout = 5;
-- mysql_script/0003_seed.mig:3
INSERT INTO items (name, qty) VALUES ('first', 1);
SET SESSION lock_wait_timeout = DEFAULT;
SET SESSION innodb_lock_wait_timeout = DEFAULT;
INSERT INTO migrac_history (id, checksum, parents, segments_done, segments_total, segment_started, applied_at, duration_ms, applied_by, method) VALUES ('0003_seed', 'v1:223865f4f70997a42f4ec6321c4dec365cbac23a0802b9180a48f684ee9df40f', '0002_qty', 1, 1, 0, UTC_TIMESTAMP(), COALESCE(TIMESTAMPDIFF(MICROSECOND, @migrac_transaction_start, SYSDATE(6)) DIV 1000, 0), CURRENT_USER(), 'mysql') ON DUPLICATE KEY UPDATE segments_done = 1, segments_total = 1, segment_started = 0, down_done = 0, duration_ms = duration_ms + COALESCE(TIMESTAMPDIFF(MICROSECOND, @migrac_transaction_start, SYSDATE(6)) DIV 1000, 0), applied_at = UTC_TIMESTAMP(), applied_by = CURRENT_USER(), method = 'mysql';
COMMIT;

-- ============================================================
-- apply 0004_note
-- file: mysql_script/0004_note.mig
-- parents: 0003_seed
-- checksum: v1:9cf45d5c851827698ac8eca5b6dec16100dbe1f0efa0959186aefc41bc701055
SELECT 'migrac: apply 0004_note (2 segments)' AS migrac;

-- segment 1/2: commits on its own; recorded as started, then as done
INSERT INTO migrac_history (id, checksum, parents, segments_done, segments_total, segment_started, applied_at, duration_ms, applied_by, method) VALUES ('0004_note', 'v1:9cf45d5c851827698ac8eca5b6dec16100dbe1f0efa0959186aefc41bc701055', '0003_seed', 0, 2, 1, UTC_TIMESTAMP(), 0, CURRENT_USER(), 'mysql') ON DUPLICATE KEY UPDATE segment_started = 1;
SET @migrac_t0 = SYSDATE(6);
SET SESSION lock_wait_timeout = 5;
SET SESSION innodb_lock_wait_timeout = 5;
-- mysql_script/0004_note.mig:3, lock ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on items
ALTER TABLE items ADD COLUMN note varchar(200), ALGORITHM=INSTANT;
SET SESSION lock_wait_timeout = DEFAULT;
SET SESSION innodb_lock_wait_timeout = DEFAULT;
INSERT INTO migrac_history (id, checksum, parents, segments_done, segments_total, segment_started, applied_at, duration_ms, applied_by, method) VALUES ('0004_note', 'v1:9cf45d5c851827698ac8eca5b6dec16100dbe1f0efa0959186aefc41bc701055', '0003_seed', 1, 2, 0, UTC_TIMESTAMP(), TIMESTAMPDIFF(MICROSECOND, @migrac_t0, SYSDATE(6)) DIV 1000, CURRENT_USER(), 'mysql') ON DUPLICATE KEY UPDATE segments_done = 1, segments_total = 2, segment_started = 0, down_done = 0, duration_ms = duration_ms + TIMESTAMPDIFF(MICROSECOND, @migrac_t0, SYSDATE(6)) DIV 1000, applied_at = UTC_TIMESTAMP(), applied_by = CURRENT_USER(), method = 'mysql';

-- segment 2/2: commits on its own; recorded as started, then as done
INSERT INTO migrac_history (id, checksum, parents, segments_done, segments_total, segment_started, applied_at, duration_ms, applied_by, method) VALUES ('0004_note', 'v1:9cf45d5c851827698ac8eca5b6dec16100dbe1f0efa0959186aefc41bc701055', '0003_seed', 1, 2, 2, UTC_TIMESTAMP(), 0, CURRENT_USER(), 'mysql') ON DUPLICATE KEY UPDATE segment_started = 2;
SET @migrac_t0 = SYSDATE(6);
SET SESSION lock_wait_timeout = 5;
SET SESSION innodb_lock_wait_timeout = 5;
-- mysql_script/0004_note.mig:4, lock row locks on the rows updated on items, scans the table
-- the mysql client cannot repeat a batch: every row in one statement
UPDATE items SET note = concat('n', qty) WHERE note IS NULL AND NOT (note <=> concat('n', qty));
SET SESSION lock_wait_timeout = DEFAULT;
SET SESSION innodb_lock_wait_timeout = DEFAULT;
INSERT INTO migrac_history (id, checksum, parents, segments_done, segments_total, segment_started, applied_at, duration_ms, applied_by, method) VALUES ('0004_note', 'v1:9cf45d5c851827698ac8eca5b6dec16100dbe1f0efa0959186aefc41bc701055', '0003_seed', 2, 2, 0, UTC_TIMESTAMP(), TIMESTAMPDIFF(MICROSECOND, @migrac_t0, SYSDATE(6)) DIV 1000, CURRENT_USER(), 'mysql') ON DUPLICATE KEY UPDATE segments_done = 2, segments_total = 2, segment_started = 0, down_done = 0, duration_ms = duration_ms + TIMESTAMPDIFF(MICROSECOND, @migrac_t0, SYSDATE(6)) DIV 1000, applied_at = UTC_TIMESTAMP(), applied_by = CURRENT_USER(), method = 'mysql';

-- ============================================================
DO RELEASE_LOCK(@migrac_lock);
SELECT 'migrac: done: 4 migrations applied' AS migrac;
--- exit 0
