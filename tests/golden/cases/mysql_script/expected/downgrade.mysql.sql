-- migrac mysql script: downgrade 4 migrations, 0004_note .. 0001_items
-- It starts from 0004_note and changes nothing unless the database is there.
-- Apply with: mysql DATABASE < THIS_FILE (or mariadb); it stops at the first error
-- (never with --force: its checks stop it by failing).
-- MySQL commits every DDL statement on its own, so nothing here is rolled back:
-- each segment is recorded in the history table as migrac downgrade records it.
-- A database at another revision is refused before anything is changed,
-- with an error naming both; so is a rerun of a finished script ("migrac:
-- nothing to do"; the client exits 1). After a failure or a kill, `migrac
-- downgrade` resumes at the next statement; this script then refuses to run again.
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
SET @migrac_error = IF(EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'migrac_history'), NULL,
  'migrac: nothing to do: none of the 4 migrations are applied (no table migrac_history)');
SET SESSION completion_type = IF(@migrac_error IS NULL, @@SESSION.completion_type, @migrac_error);
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
  WHERE checksum <> CASE id WHEN '0004_note' THEN 'v1:9cf45d5c851827698ac8eca5b6dec16100dbe1f0efa0959186aefc41bc701055' WHEN '0003_seed' THEN 'v1:223865f4f70997a42f4ec6321c4dec365cbac23a0802b9180a48f684ee9df40f' WHEN '0002_qty' THEN 'v1:394d9c0303563bd92badcddb6f14eedac5ecf400d467d268d3f3e29937dc38d1' WHEN '0001_items' THEN 'v1:b244a7557562333e0a5ebaa6a8280cfa9b91b3a3b19d149c88745fbd0de583f0' ELSE checksum END);
SET @migrac_dependents = (SELECT GROUP_CONCAT(id ORDER BY id SEPARATOR ', ') FROM migrac_history
  WHERE id NOT IN ('0004_note', '0003_seed', '0002_qty', '0001_items') AND (FIND_IN_SET('0004_note', parents) > 0 OR FIND_IN_SET('0003_seed', parents) > 0 OR FIND_IN_SET('0002_qty', parents) > 0 OR FIND_IN_SET('0001_items', parents) > 0));
SET @migrac_error = CASE
  WHEN @migrac_edited IS NOT NULL
    THEN CONCAT('migrac: edited after it was applied (checksum differs): ', @migrac_edited)
  WHEN NOT EXISTS (SELECT 1 FROM migrac_history WHERE id IN ('0004_note', '0003_seed', '0002_qty', '0001_items'))
    THEN 'migrac: nothing to do: none of the 4 migrations are applied'
  WHEN EXISTS (SELECT 1 FROM migrac_history WHERE id IN ('0004_note', '0003_seed', '0002_qty', '0001_items') AND segments_done >= segments_total
               AND (down_done > 0 OR segment_started > 0))
    THEN CONCAT('migrac: the database is at ', @migrac_at, ', this script starts from 0004_note; a run stopped part-way: migrac downgrade resumes it')
  WHEN (SELECT COUNT(*) FROM migrac_history WHERE id IN ('0004_note', '0003_seed', '0002_qty', '0001_items') AND segments_done >= segments_total AND down_done = 0 AND segment_started = 0) < 4
    THEN CONCAT('migrac: the database is at ', @migrac_at, ', this script starts from 0004_note; nothing was changed')
  WHEN @migrac_dependents IS NOT NULL
    THEN CONCAT('migrac: applied migrations depend on what this script reverts: ', @migrac_dependents)
END;
SET SESSION completion_type = IF(@migrac_error IS NULL, @@SESSION.completion_type, @migrac_error);

-- ============================================================
-- revert 0004_note
-- file: mysql_script/0004_note.mig
-- parents: 0003_seed
-- checksum: v1:9cf45d5c851827698ac8eca5b6dec16100dbe1f0efa0959186aefc41bc701055
SELECT 'migrac: revert 0004_note (1 segment)' AS migrac;

-- down segment 1/1: commits on its own; recorded as started, then as done
UPDATE migrac_history SET segment_started = 1 WHERE id = '0004_note';
SET @migrac_t0 = SYSDATE(6);
SET SESSION lock_wait_timeout = 5;
SET SESSION innodb_lock_wait_timeout = 5;
-- mysql_script/0004_note.mig:3, lock ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on items
ALTER TABLE items DROP COLUMN note, ALGORITHM=INSTANT;
SET SESSION lock_wait_timeout = DEFAULT;
SET SESSION innodb_lock_wait_timeout = DEFAULT;
DELETE FROM migrac_history WHERE id = '0004_note';

-- ============================================================
-- revert 0003_seed
-- file: mysql_script/0003_seed.mig
-- parents: 0002_qty
-- checksum: v1:223865f4f70997a42f4ec6321c4dec365cbac23a0802b9180a48f684ee9df40f
SELECT 'migrac: revert 0003_seed (1 segment)' AS migrac;

-- down segment 1/1: one transaction, recorded in it
SET @migrac_transaction_start = SYSDATE(6);
START TRANSACTION;
SET SESSION lock_wait_timeout = 5;
SET SESSION innodb_lock_wait_timeout = 5;
-- mysql_script/0003_seed.mig:6
DELETE FROM items WHERE name = 'first';
SET SESSION lock_wait_timeout = DEFAULT;
SET SESSION innodb_lock_wait_timeout = DEFAULT;
DELETE FROM migrac_history WHERE id = '0003_seed';
COMMIT;

-- ============================================================
-- revert 0002_qty
-- file: mysql_script/0002_qty.mig
-- parents: 0001_items
-- checksum: v1:394d9c0303563bd92badcddb6f14eedac5ecf400d467d268d3f3e29937dc38d1
SELECT 'migrac: revert 0002_qty (2 segments)' AS migrac;

-- down segment 1/2: commits on its own; recorded as started, then as done
UPDATE migrac_history SET segment_started = 1 WHERE id = '0002_qty';
SET @migrac_t0 = SYSDATE(6);
SET SESSION lock_wait_timeout = 3;
SET SESSION innodb_lock_wait_timeout = 3;
-- mysql_script/0002_qty.mig:5, lock ALGORITHM=INPLACE, LOCK=NONE (reads and writes continue) on items
ALTER TABLE items DROP INDEX ix_items_name, ALGORITHM=INPLACE, LOCK=NONE;
SET SESSION lock_wait_timeout = DEFAULT;
SET SESSION innodb_lock_wait_timeout = DEFAULT;
UPDATE migrac_history SET down_done = 1, segment_started = 0, duration_ms = duration_ms + TIMESTAMPDIFF(MICROSECOND, @migrac_t0, SYSDATE(6)) DIV 1000 WHERE id = '0002_qty';

-- down segment 2/2: commits on its own; recorded as started, then as done
UPDATE migrac_history SET segment_started = 2 WHERE id = '0002_qty';
SET @migrac_t0 = SYSDATE(6);
SET SESSION lock_wait_timeout = 3;
SET SESSION innodb_lock_wait_timeout = 3;
-- mysql_script/0002_qty.mig:4, lock ALGORITHM=INSTANT (metadata only: a brief exclusive metadata lock) on items
ALTER TABLE items DROP COLUMN qty, ALGORITHM=INSTANT;
SET SESSION lock_wait_timeout = DEFAULT;
SET SESSION innodb_lock_wait_timeout = DEFAULT;
DELETE FROM migrac_history WHERE id = '0002_qty';

-- ============================================================
-- revert 0001_items
-- file: mysql_script/0001_items.mig
-- parents: <base>
-- checksum: v1:b244a7557562333e0a5ebaa6a8280cfa9b91b3a3b19d149c88745fbd0de583f0
SELECT 'migrac: revert 0001_items (1 segment)' AS migrac;

-- down segment 1/1: commits on its own; recorded as started, then as done
UPDATE migrac_history SET segment_started = 1 WHERE id = '0001_items';
SET @migrac_t0 = SYSDATE(6);
SET SESSION lock_wait_timeout = 5;
SET SESSION innodb_lock_wait_timeout = 5;
-- mysql_script/0001_items.mig:1, lock exclusive metadata lock on items
DROP TABLE items;
SET SESSION lock_wait_timeout = DEFAULT;
SET SESSION innodb_lock_wait_timeout = DEFAULT;
DELETE FROM migrac_history WHERE id = '0001_items';

-- ============================================================
DO RELEASE_LOCK(@migrac_lock);
SELECT 'migrac: done: 4 migrations reverted' AS migrac;
--- exit 0
