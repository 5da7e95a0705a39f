#!/usr/bin/env bash
# A history with two heads on PostgreSQL: 0001 -> 0002_a and 0001 -> 0002_b.
# "upgrade REV" applies only REV's pending ancestors, "upgrade heads" every
# branch, "upgrade head" is refused naming both heads; "downgrade REV" reverts
# REV's applied descendants and leaves the other branch's records; "-N" and
# "+N" that would take from two branches are refused; a merge migration makes
# "upgrade head" work again.
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
cat >"$proj/0002_b.mig" <<'MIG'
after 0001_base;

create table branch_b (
  id bigint identity primary key
);
MIG
db=$(new_db)
export MIGRAC_URL=$(url_for "$db")
m() { "$MIGRAC" "$@" --dir "$proj"; }
# The recorded ids, in id order, and the tables of the public schema.
recorded() { sql "$db" "SELECT coalesce(string_agg(id, ',' ORDER BY id), '') FROM migrac_history"; }
tables() {
  sql "$db" "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public'"
}

step "upgrade head with two heads is refused, naming both, and applies nothing"
expect_rc 1 m upgrade head
err_has "'head' is ambiguous: the migrations have 2 heads: '0002_a', '0002_b'"
err_has "'migrac upgrade heads' applies every branch, 'migrac upgrade REV'"
equals "$(sql "$db" "SELECT to_regclass('public.migrac_history') IS NULL")" t "history table after the refused upgrade head"
expect_rc 1 m upgrade
err_has "'head' is ambiguous"
expect_rc 2 m upgrade +1
err_has "relative revision '+1' is ambiguous: the migrations have 2 heads ('0002_a', '0002_b')"
expect_rc 1 m upgrade head --sql
err_has "migrac upgrade --sql: 'head' is ambiguous"

step "upgrade 0002_b applies only 0001_base and 0002_b"
expect_rc 0 m upgrade 0002_b
equals "$(recorded)" "0001_base,0002_b" "history after upgrade 0002_b"
equals "$(tables)" "accounts,branch_b,migrac_history" "tables after upgrade 0002_b"
expect_rc 0 m current
out_has "0002_b"

step "with only branch b applied, the pending migrations are one line: +1 applies 0002_a"
expect_rc 0 m upgrade +1
equals "$(recorded)" "0001_base,0002_a,0002_b" "history after upgrade +1"
table_exists "$db" branch_a || fail "branch_a after upgrade +1"

step "downgrade -2 with two applied heads is refused; downgrade 0002_a reverts nothing"
expect_rc 2 m downgrade -2
err_has "relative revision '-2' is ambiguous: the database has 2 applied heads ('0002_a', '0002_b')"
equals "$(recorded)" "0001_base,0002_a,0002_b" "history after the refused downgrade -2"
expect_rc 0 m downgrade 0002_a
equals "$(recorded)" "0001_base,0002_a,0002_b" "history after downgrade 0002_a (no descendants)"

step "downgrade 0001_base reverts both branches, newest first"
expect_rc 0 m downgrade 0001_base
equals "$(recorded)" "0001_base" "history after downgrade 0001_base"
equals "$(tables)" "accounts,migrac_history" "tables after downgrade 0001_base"

step "upgrade heads applies every pending migration"
expect_rc 0 m upgrade heads
equals "$(recorded)" "0001_base,0002_a,0002_b" "history after upgrade heads"
equals "$(tables)" "accounts,branch_a,branch_b,migrac_history" "tables after upgrade heads"
expect_rc 0 m upgrade heads
equals "$(recorded)" "0001_base,0002_a,0002_b" "history after a second upgrade heads"

step "downgrade -1 (one line) reverts one branch and leaves the other's records"
expect_rc 0 m downgrade -1
equals "$(recorded)" "0001_base,0002_a" "history after downgrade -1"
equals "$(tables)" "accounts,branch_a,migrac_history" "tables after downgrade -1"

step "upgrade --sql of one branch prints the range of its pending ancestors only"
expect_rc 0 m upgrade 0001_base:0002_b --sql
out_has "CREATE TABLE branch_b"
grep -q "branch_a\|accounts" "$WORK/out" && fail "the script of 0001_base:0002_b has another branch's tables"
expect_rc 0 m upgrade 0002_b
equals "$(recorded)" "0001_base,0002_a,0002_b" "history after upgrade 0002_b"

step "after a merge migration, upgrade head applies the merge"
cat >"$proj/0003_merge.mig" <<'MIG'
after 0002_a, 0002_b;

add column accounts.merged bool;
MIG
expect_rc 0 m upgrade head
equals "$(recorded)" "0001_base,0002_a,0002_b,0003_merge" "history after upgrade head with the merge"
column_exists "$db" accounts merged || fail "accounts.merged after the merge"
expect_rc 0 m status
out_has "up to date"

step "downgrade 0002_a with the merge applied reverts the merge only"
expect_rc 0 m downgrade 0002_a
equals "$(recorded)" "0001_base,0002_a,0002_b" "history after downgrade 0002_a"
column_exists "$db" accounts merged && fail "accounts.merged after downgrade 0002_a"
equals "$(tables)" "accounts,branch_a,branch_b,migrac_history" "tables after downgrade 0002_a"
echo "PASS"
