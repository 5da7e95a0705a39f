#!/usr/bin/env bash
# psql scripts: the example project applied from empty by `psql -f` of the
# psql-format script alone; the same script interrupted by a failing statement
# (duplicate slugs break the unique index build of 0007, a non-transactional
# step), fixed, and re-run resumes to the end; `migrac status` then reports up
# to date and `migrac upgrade` applies a new migration. The script records the
# same history rows as the runtime, refuses a database at another revision,
# and the downgrade script reverts.
source "$(dirname "$0")/lib.sh"

proj=$(copy_project)
m() { "$MIGRAC" "$@" --dir "$proj"; }
run_psql() { psql "$(url_for "$1")" -X -q -v ON_ERROR_STOP=1 -f "$2"; }

step "the scripts of 'sql --format psql' and 'upgrade --sql' are the same"
expect_rc 0 m sql head --format psql
cp "$WORK/out" "$WORK/full.sql"
expect_rc 0 m upgrade head --sql
cmp "$WORK/out" "$WORK/full.sql" || fail "'upgrade head --sql' differs from 'sql head --format psql'"

step "applied from empty by psql alone, twice"
db1=$(new_db)
expect_rc 0 run_psql "$db1" "$WORK/full.sql"
out_has "migrac: done: $N_MIGRATIONS migrations applied"
check_head_schema "$db1"
expect_rc 0 run_psql "$db1" "$WORK/full.sql"
grep -q "migrac: apply " "$WORK/out" && fail "a second run of the script applied something"
out_has "migrac: nothing to do: the $N_MIGRATIONS migrations were applied already"
grep -q "migrac: done" "$WORK/out" && fail "a second run of the script says done"
export MIGRAC_URL=$(url_for "$db1")
expect_rc 0 m status
out_has "status: up to date"
expect_rc 0 m current
equals "$(cat "$WORK/out")" "$HEAD_ID (head)" "current after the psql script"

step "the script records the rows the runtime records"
db_rt=$(new_db)
MIGRAC_URL=$(url_for "$db_rt") expect_rc 0 m upgrade head -q
rows="SELECT id, checksum, parents, segments_done, segments_total, down_done, segment_started, applied_by FROM migrac_history ORDER BY id"
equals "$(sql "$db1" "$rows")" "$(sql "$db_rt" "$rows")" "history rows (psql script vs runtime)"
equals "$(sql "$db1" "SELECT DISTINCT method FROM migrac_history")" psql "method of the script's rows"

step "interrupted by a failing statement, fixed, re-run: resumes"
db2=$(new_db)
expect_rc 0 m sql 0005_add_slug_to_articles --format psql
cp "$WORK/out" "$WORK/to0005.sql"
expect_rc 0 run_psql "$db2" "$WORK/to0005.sql"
sql "$db2" "INSERT INTO users (email, username, password_hash) VALUES ('a@example.org', 'a', 'h')" >/dev/null
sql "$db2" "INSERT INTO articles (author_id, title, body) SELECT 1, 'Same title', 'x' FROM generate_series(1, 3)" >/dev/null
expect_rc 3 run_psql "$db2" "$WORK/full.sql"
err_has 'could not create unique index "uq_articles_slug"'
equals "$(invalid_indexes "$db2")" 1 "INVALID index left by the failed build"
export MIGRAC_URL=$(url_for "$db2")
expect_rc 0 m status
out_has "0007_enforce_article_slug (3 of 5 segments done"
sql "$db2" "UPDATE articles SET slug = slug || '-' || id WHERE id > 1" >/dev/null
expect_rc 0 run_psql "$db2" "$WORK/full.sql"
out_has "migrac: apply 0007_enforce_article_slug segment 4/5"
grep -q "migrac: apply 0001_create_users_and_orders" "$WORK/out" && fail "the re-run applied 0001 again"
check_head_schema "$db2"
expect_rc 0 m status
out_has "status: up to date"

step "migrac upgrade continues after the script"
cat > "$proj/0015_add_users_nickname.mig" <<MIG
after $HEAD_ID;
add column users.nickname text;
MIG
expect_rc 0 m upgrade
out_has "apply  0015_add_users_nickname"
column_exists "$db2" users nickname || fail "users.nickname missing"
rm "$proj/0015_add_users_nickname.mig"

step "a database at another revision is refused"
expect_rc 0 m sql 0009_merge_tags_and_history:head --format psql
cp "$WORK/out" "$WORK/tail.sql"
db3=$(new_db)
expect_rc 3 run_psql "$db3" "$WORK/tail.sql"
err_has "the database is not at the revision this script starts from"
table_exists "$db3" users && fail "the refused script created users"
equals "$(history_count "$db3")" 0 "history rows after the refusal"

step "the downgrade script reverts to base, then the upgrade script applies again"
expect_rc 0 m downgrade base --sql
cp "$WORK/out" "$WORK/down.sql"
expect_rc 0 run_psql "$db1" "$WORK/down.sql"
equals "$(sql "$db1" "SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'")" migrac_history "tables after the downgrade script"
equals "$(history_count "$db1")" 0 "history rows after the downgrade script"
expect_rc 0 run_psql "$db1" "$WORK/down.sql"
out_has "migrac: nothing to do: none of the $N_MIGRATIONS migrations are applied"
expect_rc 0 run_psql "$db1" "$WORK/full.sql"
check_head_schema "$db1"

step "a partial downgrade script, then the runtime sees where it stopped"
expect_rc 0 m downgrade 0011_require_users_display_name --sql
cp "$WORK/out" "$WORK/down3.sql"
expect_rc 0 run_psql "$db1" "$WORK/down3.sql"
export MIGRAC_URL=$(url_for "$db1")
expect_rc 0 m current
equals "$(cat "$WORK/out")" "0011_require_users_display_name" "current after the partial downgrade script"
column_exists "$db1" users full_name || fail "users.full_name not restored"

echo "ok: live_psql_script"
