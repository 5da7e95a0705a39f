#!/usr/bin/env bash
# verify, diff and the checked stamp on a real PostgreSQL: the example project
# verifies clean; deliberate divergences are reported at their migration, on
# the way up and on the way down, with one run reporting every one; drift
# made by hand is named by diff (exit 4) and refuses a stamp; bad servers exit
# 3; no scratch database is ever left behind, also after SIGKILL (the next
# run removes the leftover) and Ctrl-C.
source "$(dirname "$0")/lib.sh"

scratch_dbs() { admin_sql "SELECT count(*) FROM pg_database WHERE datname LIKE 'migrac\_verify\_%'"; }

proj=$(copy_project)
m() { "$MIGRAC" "$@" --dir "$proj"; }
server=$MIGRAC_TEST_PG_URL

step "the example project verifies clean, and leaves no scratch database"
before=$(scratch_dbs)
expect_rc 0 m verify --url "$server"
out_has "the model and the database agree"
out_has "migrations applied, $N_MIGRATIONS reverted and applied again on a scratch postgres database"
err_has "info[I0706]: after '"
err_has "the database has view 'active_users', which the model does not hold: it is not compared"
err_has "warning[W0707]: after reverting '0013_add_refunded_order_status' the database has enum value 'order_status.refunded' that the model does not, as its down block says"
# Not on a terminal: one progress line on stderr as each pass ends.
err_has "verify: $N_MIGRATIONS of $((3 * N_MIGRATIONS)) steps (applied $N_MIGRATIONS), "
err_has "verify: $((2 * N_MIGRATIONS)) of $((3 * N_MIGRATIONS)) steps (reverted $N_MIGRATIONS), "
err_has "verify: $((3 * N_MIGRATIONS)) of $((3 * N_MIGRATIONS)) steps (applied again $N_MIGRATIONS), "
equals "$(scratch_dbs)" "$before" "scratch databases after verify"
expect_rc 0 m verify --url "$server" --head-only
expect_rc 0 m verify --url "$server" --format json
python3 -c "import json,sys; d=json.load(open('$WORK/out')); assert all(x['severity']!='error' for x in d['diagnostics']), d" \
  || fail "verify --format json reports errors"

step "a raw down that leaves a table, and an empty raw down, are reported on the way down"
raw=$WORK/raw; mkdir -p "$raw"
cat >"$raw/0001_create.up.sql" <<'SQL'
CREATE TABLE widgets (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE gadgets (id bigint PRIMARY KEY);
SQL
cat >"$raw/0001_create.down.sql" <<'SQL'
DROP TABLE IF EXISTS widgetz CASCADE;
DROP TABLE gadgets;
SQL
cat >"$raw/0002_more.up.sql" <<'SQL'
-- migrac:after 0001_create
CREATE TABLE sprockets (id bigint PRIMARY KEY);
SQL
printf -- '-- nothing\n' >"$raw/0002_more.down.sql"
expect_rc 1 "$MIGRAC" verify --url "$server" --dir "$raw"
err_has "0002_more.down.sql"
err_has "error[E0702]"
err_has "after reverting '0002_more' the database has table 'sprockets' that the model does not"
err_has "after reverting '0001_create' the database has table 'widgets' that the model does not"
equals "$(scratch_dbs)" "$before" "scratch databases after a failing verify"

step "a DO block that adds a column is caught on the way up"
do=$WORK/do; mkdir -p "$do"
cat >"$do/0001_t.up.sql" <<'SQL'
CREATE TABLE t (id bigint PRIMARY KEY);
DO $$ BEGIN EXECUTE 'ALTER TABLE t ADD COLUMN ' || 'nick text'; END $$;
SQL
printf 'DROP TABLE t;\n' >"$do/0001_t.down.sql"
expect_rc 1 "$MIGRAC" verify --url "$server" --dir "$do"
err_has "after '0001_t' the database has column 't.nick' that the model does not"
err_has "error[E0701]"

step "a migration that does not apply is reported at it, and verify stops"
bad=$WORK/bad; mkdir -p "$bad"
printf 'CREATE TABLE b (id bigint PRIMARY KEY);\nINSERT INTO b VALUES (1), (1);\n' >"$bad/0001_b.up.sql"
printf 'DROP TABLE b;\n' >"$bad/0001_b.down.sql"
expect_rc 1 "$MIGRAC" verify --url "$server" --dir "$bad"
err_has "error[E0703]: '0001_b' does not apply on the scratch database"
err_has "duplicate key"

step "the way down stops at an irreversible migration, and verify still passes"
irr=$WORK/irr; mkdir -p "$irr"
printf 'create table a (id bigint primary key);\n' >"$irr/0001_a.mig"
printf 'after 0001_a;\nsql $$ CREATE INDEX ix_a_id2 ON a (id) $$;\n' >"$irr/0002_raw.mig"
expect_rc 0 "$MIGRAC" verify --url "$server" --dir "$irr"
err_has "info[I0704]: the way down stops at '0002_raw', which cannot be reverted"

step "diff: an untouched database at head has no differences"
db=$(new_db); url=$(url_for "$db")
expect_rc 0 m upgrade head --url "$url" -q
expect_rc 0 m diff --url "$url"
out_has "no differences"
out_has "view 'active_users'"

step "diff: drift made by hand is named, each, with exit 4"
sql "$db" "ALTER TABLE users ADD COLUMN nickname text"
sql "$db" "DROP INDEX ix_users_phone_number"
sql "$db" "ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'paid'"
sql "$db" "ALTER TYPE order_status ADD VALUE 'lost'"
sql "$db" "CREATE VIEW v_drift AS SELECT 1 AS one"
before_dump=$(catalog_dump "$db")
expect_rc 4 m diff --url "$url"
out_has "the database has column 'users.nickname' that the model does not"
out_has "the database lacks index 'ix_users_phone_number'"
out_has "column 'orders.status' has default ''paid'' in the database, ''pending'' in the model"
out_has "the database has enum value 'order_status.lost' that the model does not"
out_has "view 'v_drift'"
expect_rc 4 m diff --url "$url" --format json
python3 -c "import json; d=json.load(open('$WORK/out')); assert len(d['differences'])>=4, d" || fail "diff json"
equals "$(catalog_dump "$db")" "$before_dump" "the database after diff"

step "stamp on a drifted database refuses, and --force records"
sql "$db" "DELETE FROM migrac_history"
expect_rc 4 m stamp head --url "$url"
err_has "the database is not the model at $HEAD_ID"
err_has "the database has column 'users.nickname' that the model does not"
err_has "nothing was changed"
equals "$(history_count "$db")" 0 "history rows after the refused stamp"
expect_rc 0 m stamp head --url "$url" --force
equals "$(history_count "$db")" "$N_MIGRATIONS" "history rows after stamp --force"

step "bad servers: exit 3, a clear message, no password"
expect_rc 3 m verify --url "postgresql://nobody:s3cret@127.0.0.1:1/postgres"
err_has "cannot connect"
! grep -q s3cret "$WORK/err" "$WORK/out" || fail "password printed"
sql "$db" "CREATE ROLE verify_nocreate LOGIN PASSWORD 'pw'" >/dev/null
ON_EXIT+=("admin_sql 'DROP ROLE IF EXISTS verify_nocreate'")
nocreate=$(url_for "$db" | sed -E 's#://([^@/]*@)?#://verify_nocreate:pw@#')
expect_rc 3 m verify --url "$nocreate"
err_has "cannot create a scratch database"
! grep -q ':pw@' "$WORK/err" || fail "password printed"
expect_rc 3 m diff --url "$(url_for no_such_database_here)"
equals "$(scratch_dbs)" "$before" "scratch databases after the refused runs"

step "a verify killed with SIGKILL leaves its database; the next run removes it"
slow=$WORK/slow; mkdir -p "$slow"
cat >"$slow/0001_slow.up.sql" <<'SQL'
CREATE TABLE s (id bigint PRIMARY KEY);
SELECT pg_sleep(30);
SQL
printf 'DROP TABLE s;\n' >"$slow/0001_slow.down.sql"
"$MIGRAC" verify --url "$server" --dir "$slow" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 50); do [ "$(scratch_dbs)" != "$before" ] && break; sleep 0.2; done
[ "$(scratch_dbs)" != "$before" ] || fail "no scratch database appeared"
kill -9 "$pid"; wait "$pid" 2>/dev/null || true
sleep 0.5
left=$(scratch_dbs)
[ "$left" -gt "$before" ] || fail "SIGKILL left no database (expected one leftover)"
expect_rc 0 m verify --url "$server" --head-only
err_has "left by a killed run"
equals "$(scratch_dbs)" "$before" "scratch databases after the next run"

step "Ctrl-C (SIGINT) removes the scratch database"
"$MIGRAC" verify --url "$server" --dir "$slow" >"$WORK/int.out" 2>"$WORK/int.err" &
pid=$!
for _ in $(seq 50); do [ "$(scratch_dbs)" != "$before" ] && break; sleep 0.2; done
sleep 0.5
kill -INT "$pid"; rc=0; wait "$pid" || rc=$?
equals "$rc" 130 "exit code after SIGINT"
grep -qF "interrupted; removed the scratch database" "$WORK/int.err" || { cat "$WORK/int.err"; fail "no interrupt message"; }
equals "$(scratch_dbs)" "$before" "scratch databases after SIGINT"
echo "PASS"
