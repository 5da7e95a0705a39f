#!/usr/bin/env bash
# A history with two heads, on PostgreSQL and on SQLite:
#   0001_base -> 0002_a -> 0003_a   and   0001_base -> 0002_b -> 0003_b.
# "upgrade head" is refused naming both heads; "upgrade REV" applies only REV's
# pending ancestors; "upgrade heads" the rest; "downgrade REV" on one branch
# reverts REV's applied descendants and leaves the other branch's records;
# "+N" / "-N" that would take from two branches are refused (exit 2) and change
# nothing; "merge A B" scaffolds the merge, after which "upgrade head" works.
# After each step the history rows, the tables and columns in the catalog,
# `current` and `status` (whole outputs) are compared with what they must be.
source "$(dirname "$0")/lib.sh"

proj="$WORK/project"
mkdir -p "$proj"
cat >"$proj/0001_base.mig" <<'MIG'
create table accounts (
  id bigint identity primary key,
  name text not null
);
MIG
cat >"$proj/0002_a.mig" <<'MIG'
after 0001_base;

create table branch_a (
  id bigint identity primary key
);
MIG
cat >"$proj/0003_a.mig" <<'MIG'
after 0002_a;

add column branch_a.note text;
MIG
cat >"$proj/0002_b.mig" <<'MIG'
after 0001_base;

create table branch_b (
  id bigint identity primary key
);
MIG
cat >"$proj/0003_b.mig" <<'MIG'
after 0002_b;

add column accounts.flag bool;
MIG

m() { "$MIGRAC" "$@" --dir "$proj"; }

# The backend's catalog, through the functions of its set-up below:
#   recorded  the recorded ids, in id order, comma-separated
#   schema    each table but the history table with its columns in order:
#             "accounts:id,name;branch_a:id"
#   rows      the number of history rows

pg_setup() {
  db=$(new_db)
  export MIGRAC_URL=$(url_for "$db")
  recorded() {
    [ "$(sql "$db" "SELECT to_regclass('public.migrac_history') IS NULL")" == t ] && return
    sql "$db" "SELECT coalesce(string_agg(id, ',' ORDER BY id), '') FROM migrac_history"
  }
  schema() {
    sql "$db" "SELECT coalesce(string_agg(table_name || ':' || cols, ';' ORDER BY table_name), '')
      FROM (SELECT table_name, string_agg(column_name, ',' ORDER BY ordinal_position) AS cols
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> 'migrac_history'
            GROUP BY table_name) t"
  }
}

sqlite_setup() {
  dbfile="$WORK/app.db"
  export MIGRAC_URL="sqlite:$dbfile"
  recorded() {
    [ -f "$dbfile" ] || return 0
    sqlite3 "$dbfile" "SELECT coalesce(group_concat(id, ','), '') FROM (SELECT id FROM migrac_history ORDER BY id)"
  }
  schema() {
    [ -f "$dbfile" ] || return 0
    sqlite3 "$dbfile" "SELECT coalesce(group_concat(name || ':' || cols, ';'), '') FROM (
      SELECT m.name, (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info(m.name) ORDER BY cid)) AS cols
      FROM sqlite_schema m
      WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'migrac_history'
      ORDER BY m.name)"
  }
}

# at STEP RECORDED SCHEMA CURRENT PENDING: the state after STEP. CURRENT is
# `current`'s whole output (lines joined by '|'), PENDING the ids `status`
# lists as pending (space-separated); `status` is compared whole but for its
# first line (the database).
at() {
  local what=$1 want_recorded=$2 want_schema=$3 want_current=$4 want_pending=$5
  equals "$(recorded)" "$want_recorded" "$backend: history after $what"
  equals "$(schema)" "$want_schema" "$backend: tables after $what"
  expect_rc 0 m current
  equals "$(paste -sd '|' "$WORK/out")" "$want_current" "$backend: current after $what"
  expect_rc 0 m status
  local applied=0 total pending=0 want
  [ -n "$want_recorded" ] && applied=$(tr ',' '\n' <<<"$want_recorded" | wc -l)
  total=$(ls "$proj"/*.mig | wc -l)
  want="applied: $applied of $total migrations"
  if [ -n "$want_pending" ]; then
    pending=$(wc -w <<<"$want_pending")
    want+=$'\n'"pending: $pending"
    for id in $want_pending; do want+=$'\n'"  $id"; done
    want+=$'\n'"status: $pending pending"
  else
    want+=$'\n'"status: up to date"
  fi
  equals "$(tail -n +2 "$WORK/out")" "$want" "$backend: status after $what"
}

# The two heads, step by step; the same on each backend.
run_branches() {
  backend=$1
  rm -f "$proj/0004_merge.mig"

  step "$backend: upgrade head with two heads is refused, naming both, and applies nothing"
  expect_rc 1 m upgrade head
  err_has "'head' is ambiguous: the migrations have 2 heads: '0003_a', '0003_b'"
  err_has "'migrac upgrade heads' applies every branch, 'migrac upgrade REV'"
  expect_rc 1 m upgrade
  err_has "'head' is ambiguous"
  equals "$(recorded)" "" "$backend: history after the refused upgrade head"
  equals "$(schema)" "" "$backend: tables after the refused upgrade head"

  step "$backend: upgrade +1 / +2 at base would take from two branches: refused"
  expect_rc 2 m upgrade +1
  err_has "relative revision '+1' is ambiguous: the migrations have 2 heads ('0003_a', '0003_b')"
  expect_rc 2 m upgrade +2
  err_has "relative revision '+2' is ambiguous"
  equals "$(recorded)" "" "$backend: history after the refused upgrade +N"
  equals "$(schema)" "" "$backend: tables after the refused upgrade +N"

  step "$backend: upgrade 0003_b applies only its ancestors"
  expect_rc 0 m upgrade 0003_b
  at "upgrade 0003_b" "0001_base,0002_b,0003_b" "accounts:id,name,flag;branch_b:id" \
    "0003_b (head)" "0002_a 0003_a"

  step "$backend: upgrade heads applies the other branch"
  expect_rc 0 m upgrade heads
  at "upgrade heads" "0001_base,0002_a,0002_b,0003_a,0003_b" \
    "accounts:id,name,flag;branch_a:id,note;branch_b:id" "0003_a (head)|0003_b (head)" ""
  expect_rc 0 m upgrade heads
  at "a second upgrade heads" "0001_base,0002_a,0002_b,0003_a,0003_b" \
    "accounts:id,name,flag;branch_a:id,note;branch_b:id" "0003_a (head)|0003_b (head)" ""

  step "$backend: downgrade -2 / -3 with two applied heads are refused and change nothing"
  expect_rc 2 m downgrade -2
  err_has "relative revision '-2' is ambiguous: the database has 2 applied heads ('0003_a', '0003_b')"
  expect_rc 2 m downgrade -3
  err_has "relative revision '-3' is ambiguous"
  at "the refused downgrades" "0001_base,0002_a,0002_b,0003_a,0003_b" \
    "accounts:id,name,flag;branch_a:id,note;branch_b:id" "0003_a (head)|0003_b (head)" ""

  step "$backend: downgrade 0002_a reverts 0003_a and leaves branch b's records"
  expect_rc 0 m downgrade 0002_a
  at "downgrade 0002_a" "0001_base,0002_a,0002_b,0003_b" \
    "accounts:id,name,flag;branch_a:id;branch_b:id" "0002_a|0003_b (head)" "0003_a"

  step "$backend: downgrade 0001_base reverts both branches"
  expect_rc 0 m downgrade 0001_base
  at "downgrade 0001_base" "0001_base" "accounts:id,name" "0001_base" "0002_a 0002_b 0003_a 0003_b"

  step "$backend: upgrade 0002_a; +1 is refused while two branches are pending; after 0003_a, +2 applies branch b"
  expect_rc 0 m upgrade 0002_a
  at "upgrade 0002_a" "0001_base,0002_a" "accounts:id,name;branch_a:id" "0002_a" \
    "0002_b 0003_a 0003_b"
  expect_rc 2 m upgrade +1
  err_has "relative revision '+1' is ambiguous"
  expect_rc 0 m upgrade 0003_a
  expect_rc 0 m upgrade +2
  at "upgrade 0003_a, +2" "0001_base,0002_a,0002_b,0003_a,0003_b" \
    "accounts:id,name,flag;branch_a:id,note;branch_b:id" "0003_a (head)|0003_b (head)" ""

  step "$backend: merge 0003_a 0003_b scaffolds the merge; upgrade head applies it"
  expect_rc 2 m merge 0002_a 0003_b
  err_has "'0002_a' is not a head"
  expect_rc 0 m merge 0003_a 0003_b
  [ -f "$proj/0004_merge.mig" ] || fail "$backend: merge wrote no 0004_merge.mig: $(ls "$proj")"
  equals "$(grep -v '^--' "$proj/0004_merge.mig" | grep .)" "after 0003_a, 0003_b;" \
    "$backend: the merge migration's header"
  expect_rc 0 m heads
  equals "$(cat "$WORK/out")" "0004_merge (head)" "$backend: heads after the merge"
  expect_rc 0 m status
  out_has "  0004_merge"
  expect_rc 0 m upgrade head
  at "upgrade head with the merge" "0001_base,0002_a,0002_b,0003_a,0003_b,0004_merge" \
    "accounts:id,name,flag;branch_a:id,note;branch_b:id" "0004_merge (head)" ""

  step "$backend: downgrade -1 reverts the merge only; downgrade 0002_b then leaves branch a"
  expect_rc 0 m downgrade -1
  at "downgrade -1 of the merge" "0001_base,0002_a,0002_b,0003_a,0003_b" \
    "accounts:id,name,flag;branch_a:id,note;branch_b:id" "0003_a|0003_b" "0004_merge"
  expect_rc 0 m downgrade 0002_b
  at "downgrade 0002_b" "0001_base,0002_a,0002_b,0003_a" \
    "accounts:id,name;branch_a:id,note;branch_b:id" "0002_b|0003_a" "0003_b 0004_merge"
  expect_rc 0 m upgrade head
  at "upgrade head again" "0001_base,0002_a,0002_b,0003_a,0003_b,0004_merge" \
    "accounts:id,name,flag;branch_a:id,note;branch_b:id" "0004_merge (head)" ""
}

pg_setup
run_branches postgres

step "postgres: upgrade --sql of one branch prints the range of its pending ancestors only"
expect_rc 0 m downgrade 0001_base
rm "$proj/0004_merge.mig"
expect_rc 0 m upgrade 0001_base:0003_b --sql
out_has "CREATE TABLE branch_b"
out_has "ALTER TABLE accounts ADD COLUMN flag"
grep -q "branch_a" "$WORK/out" && fail "the script of 0001_base:0003_b has another branch's table"
expect_rc 1 m upgrade head --sql
err_has "migrac upgrade --sql: 'head' is ambiguous"

sqlite_setup
expect_rc 1 m upgrade head
[ -e "$dbfile" ] && fail "sqlite: the refused upgrade head created $dbfile"
expect_rc 3 m current
err_has "$dbfile"
run_branches sqlite
echo "PASS"
