#!/usr/bin/env bash
# The example project through the verbs: upgrade head, current, status,
# downgrade base, upgrade +2, downgrade -1, stamp (and stamp --delete), JSON
# output; a downgrade through an irreversible migration and more than one
# head are refused before anything runs. The schema is checked in the catalog.
source "$(dirname "$0")/lib.sh"

proj=$(copy_project)
db=$(new_db)
export MIGRAC_URL=$(url_for "$db")
m() { "$MIGRAC" "$@" --dir "$proj"; }

step "upgrade head from empty"
expect_rc 0 m upgrade head
out_has "apply  0001_create_users_and_orders"
out_has "applied $N_MIGRATIONS migrations"
check_head_schema "$db"

step "current and status at head"
expect_rc 0 m current
equals "$(cat "$WORK/out")" "$HEAD_ID (head)" "current"
expect_rc 0 m status
out_has "status: up to date"
expect_rc 0 m upgrade head
out_has "nothing to apply"

step "downgrade base"
expect_rc 0 m downgrade base
out_has "reverted $N_MIGRATIONS migrations"
equals "$(sql "$db" "SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'")" migrac_history "tables left"
equals "$(sql "$db" "SELECT count(*) FROM pg_type WHERE typname = 'order_status'")" 0 "enum left"
equals "$(sql "$db" "SELECT count(*) FROM pg_views WHERE schemaname = 'public'")" 0 "views left"
equals "$(history_count "$db")" 0 "history rows after base"
expect_rc 0 m current
equals "$(cat "$WORK/out")" "(no migration applied)" "current at base"

step "upgrade +2, downgrade -1"
expect_rc 0 m upgrade +2
column_exists "$db" users phone_number || fail "users.phone_number missing after +2"
table_exists "$db" articles && fail "articles exists after +2"
expect_rc 0 m current
equals "$(cat "$WORK/out")" "0002_add_phone_number_to_users" "current after +2"
expect_rc 0 m history
out_has "0001_create_users_and_orders -> 0002_add_phone_number_to_users (applied) (current),"
out_has "<base> -> 0001_create_users_and_orders (applied),"
MIGRAC_URL= expect_rc 0 m history
grep -q "(applied)" "$WORK/out" && fail "offline history marks what is applied"
expect_rc 0 m downgrade -1
column_exists "$db" users phone_number && fail "users.phone_number still there after -1"
table_exists "$db" users || fail "users gone after -1"
expect_rc 0 m current
equals "$(cat "$WORK/out")" "0001_create_users_and_orders" "current after -1"

step "upgrade to an id, then status lists the pending ones"
expect_rc 0 m upgrade 0007
table_exists "$db" articles || fail "articles missing"
expect_rc 0 m status
out_has "applied: 7 of $N_MIGRATIONS migrations"
out_has "  0008_add_tags"
out_has "status: $((N_MIGRATIONS - 7)) pending"

step "stamp head on a database at 0007 refuses (its schema is not the model at head); --force records without running; stamp 0007 refuses to remove records, --purge removes them"
expect_rc 4 m stamp head
err_has "the database is not the model at $HEAD_ID:"
err_has "the database lacks table 'tags'"
err_has "migrac stamp: nothing was changed"
equals "$(history_count "$db")" 7 "history rows after the refused stamp"
expect_rc 0 m stamp head --force
out_has "recorded $HEAD_ID as applied"
equals "$(history_count "$db")" "$N_MIGRATIONS" "history rows after stamp"
table_exists "$db" tags && fail "stamp ran a migration"
equals "$(sql "$db" "SELECT count(*) FROM migrac_history WHERE method = 'stamp'")" "$((N_MIGRATIONS - 7))" "stamped rows"
expect_rc 0 m status
out_has "status: up to date"
before=$(catalog_dump "$db")
expect_rc 4 m stamp 0007
err_has "stamping 0007_enforce_article_slug would remove $((N_MIGRATIONS - 7)) records (not 0007_enforce_article_slug or its ancestors):"
err_has "  $HEAD_ID"
err_has "'migrac stamp ID --rehash'"
err_has "'migrac stamp 0007 --purge'"
equals "$(catalog_dump "$db")" "$before" "the database after the refused stamp"
expect_rc 0 m stamp 0007 --purge
out_has "removed the record of $HEAD_ID"
equals "$(history_count "$db")" 7 "history rows after stamp 0007"
expect_rc 0 m upgrade head
check_head_schema "$db"

step "stamp --delete removes a record the files do not know"
sql "$db" "INSERT INTO migrac_history (id, checksum, segments_total) VALUES ('0099_gone', 'v1:00', 1)"
expect_rc 4 m status
out_has "0099_gone"
expect_rc 4 m upgrade head
err_has "which no migration file has"
expect_rc 0 m stamp --delete 0099_gone
expect_rc 0 m status
out_has "status: up to date"

step "JSON output"
expect_rc 0 m downgrade -1 --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["status"]=="ok" and len(d["migrations"])==1, d' "$WORK/out"
expect_rc 0 m upgrade --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["status"]=="ok" and [m["id"] for m in d["migrations"]][-1]==sys.argv[2], d' "$WORK/out" "$HEAD_ID"
expect_rc 0 m status --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["up_to_date"] is True, d' "$WORK/out"

step "a schema-qualified history table, and --quiet"
db2=$(new_db)
expect_rc 0 m upgrade +1 --quiet --url "$(url_for "$db2")" --history-table ops.migrac_history
equals "$(cat "$WORK/out" "$WORK/err")" "" "output of --quiet"
equals "$(sql "$db2" "SELECT count(*) FROM ops.migrac_history")" 1 "rows in ops.migrac_history"
table_exists "$db2" migrac_history && fail "public.migrac_history created"
expect_rc 0 m status --url "$(url_for "$db2")" --history-table ops.migrac_history
out_has "applied: 1 of $N_MIGRATIONS migrations"
out_has "(history table ops.migrac_history)"
expect_rc 0 m upgrade head --sql --history-table ops.migrac_history
out_has "CREATE TABLE IF NOT EXISTS ops.migrac_history ("

step "a downgrade through an irreversible migration is refused before anything runs"
cat > "$proj/0015_raw_without_down.mig" <<MIG
after $HEAD_ID;
sql \$\$ CREATE TABLE audit_log (id bigint) \$\$;
MIG
expect_rc 0 m upgrade head
expect_rc 1 m downgrade base
err_has "0015_raw_without_down"
err_has "cannot be reverted"
equals "$(history_count "$db")" "$((N_MIGRATIONS + 1))" "history rows after refused downgrade"
table_exists "$db" audit_log || fail "audit_log gone after a refused downgrade"

step "upgrade head with two heads is refused, naming them"
cat > "$proj/0016_branch_a.mig" <<MIG
after 0015_raw_without_down;
add column users.nickname text;
MIG
cat > "$proj/0016_branch_b.mig" <<MIG
after 0015_raw_without_down;
add column orders.note text;
MIG
expect_rc 1 m upgrade head
err_has "'head' is ambiguous"
err_has "'0016_branch_a', '0016_branch_b'"
column_exists "$db" users nickname && fail "a migration ran with two heads"

echo "ok: live_upgrade_cycle"
