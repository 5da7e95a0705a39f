#!/usr/bin/env bash
# Linear backfills: a backfill walks the primary key (items) or, without a
# key, the table's blocks (logs), one range per batch. Killed in the middle
# of a batch and run again, it finishes and updates every row exactly once
# (a trigger counts the updates of each row).
source "$(dirname "$0")/lib.sh"

proj="$WORK/project"
mkdir -p "$proj"
cat >"$proj/0001_tables.mig" <<'MIG'
create table items (
  id  bigint identity primary key,
  v   text not null,
  v2  text
);
create table logs (
  v   text not null,
  v2  text
);
MIG
cat >"$proj/0002_backfill_items.mig" <<'MIG'
after 0001_tables;
backfill items set v2 = upper(v) where v2 is null batch 500;
MIG
cat >"$proj/0003_backfill_logs.mig" <<'MIG'
after 0002_backfill_items;
backfill logs set v2 = upper(v) where v2 is null batch 500;
MIG

db=$(new_db)
export MIGRAC_URL=$(url_for "$db")
m() { "$MIGRAC" "$@" --dir "$proj"; }
expect_rc 0 m upgrade 0001_tables -q
rows=20000
sql "$db" "INSERT INTO items (v) SELECT 'item ' || g FROM generate_series(1, $rows) g" >/dev/null
sql "$db" "INSERT INTO logs (v) SELECT 'log ' || g FROM generate_series(1, $rows) g" >/dev/null
psql "$MIGRAC_URL" -X -q -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
CREATE TABLE hits (tbl text, v text, n int NOT NULL, PRIMARY KEY (tbl, v));
CREATE FUNCTION count_hit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO hits VALUES (TG_TABLE_NAME, NEW.v, 1)
    ON CONFLICT (tbl, v) DO UPDATE SET n = hits.n + 1;
  RETURN NEW;
END $$;
CREATE TRIGGER items_hit AFTER UPDATE ON items FOR EACH ROW EXECUTE FUNCTION count_hit();
CREATE TRIGGER logs_hit AFTER UPDATE ON logs FOR EACH ROW EXECUTE FUNCTION count_hit();
SQL

# kill_and_rerun TABLE TARGET: SIGKILL while batch 4's update is on its way, then run again.
kill_and_rerun() {
  local table=$1 target=$2 rc=0
  MIGRAC_TEST_KILL_AT_LABEL="batch 4 (UPDATE" m upgrade "$target" -q >"$WORK/killed.out" 2>&1 || rc=$?
  [ "$rc" == 137 ] || { cat "$WORK/killed.out"; fail "$table: expected SIGKILL (137), got $rc"; }
  local done
  done=$(sql "$db" "SELECT count(*) FROM $table WHERE v2 IS NOT NULL")
  echo "$table: $done of $rows rows done when killed"
  [ "$done" -gt 0 ] && [ "$done" -lt "$rows" ] || fail "$table: the kill was not mid-way ($done of $rows rows done)"
  expect_rc 0 m upgrade "$target"
  out_has "backfill $table: $(( rows - done )) rows"
  equals "$(sql "$db" "SELECT count(*) FROM $table WHERE v2 IS DISTINCT FROM upper(v)")" 0 "$table rows not backfilled"
  equals "$(sql "$db" "SELECT count(*) || ' ' || min(n) || ' ' || max(n) FROM hits WHERE tbl = '$table'")" "$rows 1 1" \
    "$table: rows updated, and the fewest and most updates of one row"
}

step "items (primary key): killed in batch 4, rerun: every row updated once"
kill_and_rerun items 0002_backfill_items

step "logs (no key: block ranges): killed in batch 4, rerun: every row updated once"
sql "$db" "ANALYZE logs" >/dev/null
kill_and_rerun logs head
equals "$(complete_count "$db")" 3 "complete history rows"

step "the psql script's DO blocks walk the same way"
db=$(new_db)
export MIGRAC_URL=$(url_for "$db")
expect_rc 0 m upgrade 0001_tables -q
sql "$db" "INSERT INTO items (v) SELECT 'item ' || g FROM generate_series(1, 2345) g" >/dev/null
sql "$db" "INSERT INTO logs (v) SELECT 'log ' || g FROM generate_series(1, 2345) g" >/dev/null
expect_rc 0 m upgrade 0001_tables:head --sql
grep -qF "WHERE id > migrac_last_1 AND id <= migrac_next_1" "$WORK/out" || fail "the script does not walk the key"
grep -qF "ctid >= format('(%s,0)', migrac_lo)::tid" "$WORK/out" || fail "the script does not walk the blocks"
psql "$MIGRAC_URL" -X -q -v ON_ERROR_STOP=1 -f "$WORK/out" >/dev/null 2>"$WORK/psql.err" || { cat "$WORK/psql.err"; fail "the script failed"; }
equals "$(sql "$db" "SELECT (SELECT count(*) FROM items WHERE v2 IS DISTINCT FROM upper(v)) + (SELECT count(*) FROM logs WHERE v2 IS DISTINCT FROM upper(v))")" 0 "rows the script did not backfill"
equals "$(complete_count "$db")" 3 "complete history rows after the script"

echo "ok: live_backfill_walk"
