#!/usr/bin/env bash
# upgrade --backup DIR (and downgrade): PostgreSQL through pg_dump -Fc, whose
# dump pg_restore reads and restores, the URL's password given in PGPASSWORD and
# never on pg_dump's command line; SQLite through the online backup API, a file
# that opens and holds the tables as they were before the run; MySQL through
# mariadb-dump on a throwaway MariaDB server (the password in MYSQL_PWD), a
# script that loads into another database; the `backup`
# setting of migrac.ini and MIGRAC_BACKUP, --no-backup; skipped with a note when
# nothing is pending. A backup that fails (a folder that cannot be created, no
# pg_dump on PATH) stops the run with exit 3 and nothing applied: the history
# and the schema are as before.
source "$(dirname "$0")/lib.sh"

proj=$(copy_project)
db=$(new_db)
SECRET='Backup-S3cret-pw'
# The test cluster trusts local connections, so any password is accepted: the
# check is that pg_dump receives it in its environment and not in its argv.
pw_url=$(url_for "$db" | sed "s#://postgres@#://postgres:$SECRET@#")
[[ $pw_url == *"$SECRET"* ]] || fail "cannot put a password into $(url_for "$db")"
export MIGRAC_URL=$pw_url
m() { "$MIGRAC" "$@" --dir "$proj"; }
no_secret() {
  if grep -qF -- "$SECRET" "$WORK/out" "$WORK/err"; then cat "$WORK/out" "$WORK/err"; fail "the password shows in the output"; fi
}

# A pg_dump on PATH that records its arguments and PGPASSWORD, then runs the real one.
real_pg_dump=$(command -v pg_dump) || fail "pg_dump is not installed"
mkdir -p "$WORK/bin"
cat > "$WORK/bin/pg_dump" <<SH
#!/usr/bin/env bash
printf '%s\n' "\$@" > "$WORK/pg_dump.argv"
printf '%s\n' "\${PGPASSWORD:-}" > "$WORK/pg_dump.password"
exec "$real_pg_dump" "\$@"
SH
chmod +x "$WORK/bin/pg_dump"
export PATH="$WORK/bin:$PATH"

step "postgres: a backup before the pending migrations"
expect_rc 0 m upgrade +3
expect_rc 0 m upgrade head --backup "$WORK/backups"
no_secret
out_has "backup: wrote $WORK/backups/${db}-"
out_has "pg_dump)"
out_has "applied $((N_MIGRATIONS - 3)) migrations"
dump=$(ls "$WORK"/backups/*.dump)
[ "$(ls "$WORK/backups" | wc -l)" == 1 ] || fail "more than one file in the backup folder: $(ls "$WORK/backups")"
grep -qE "\($(stat -c %s "$dump") B|\([0-9.]+ kB" "$WORK/out" || fail "the size of $dump is not printed"
grep -qF -- "$SECRET" "$WORK/pg_dump.argv" && fail "the password is on pg_dump's command line: $(cat "$WORK/pg_dump.argv")"
equals "$(cat "$WORK/pg_dump.password")" "$SECRET" "PGPASSWORD given to pg_dump"
grep -qx -- "--format=custom" "$WORK/pg_dump.argv" || fail "pg_dump not run with --format=custom"
list=$(pg_restore --list "$dump") || fail "pg_restore --list cannot read $dump"
grep -q "TABLE public users " <<<"$list" || fail "the dump lacks table users: $list"
grep -q "TABLE public articles " <<<"$list" && fail "the dump holds articles, created after the backup"
copy=$(new_db)
pg_restore --no-owner -d "$(url_for "$copy")" "$dump" || fail "pg_restore of $dump"
equals "$(history_count "$copy")" 3 "history rows in the restored backup"
table_exists "$copy" orders || fail "orders missing from the restored backup"
check_head_schema "$db"

step "postgres: nothing pending, backup skipped"
expect_rc 0 m upgrade head --backup "$WORK/backups"
out_has "backup: skipped, nothing to apply"
equals "$(ls "$WORK/backups" | wc -l)" 1 "files after a skipped backup"

step "postgres: a failing backup applies nothing (upgrade and downgrade)"
expect_rc 0 m downgrade -2
before=$(catalog_dump "$db")
touch "$WORK/not_a_folder"
expect_rc 3 m upgrade head --backup "$WORK/not_a_folder/backups"
err_has "migrac upgrade: the backup failed, nothing was applied: cannot create the backup folder '$WORK/not_a_folder/backups'"
no_secret
equals "$(catalog_dump "$db")" "$before" "schema and history after a failed backup"
expect_rc 3 m downgrade -1 --backup "$WORK/not_a_folder/backups"
err_has "migrac downgrade: the backup failed, nothing was applied"
equals "$(catalog_dump "$db")" "$before" "schema and history after a failed downgrade backup"
expect_rc 3 env PATH=/nonexistent "$MIGRAC" upgrade head --dir "$proj" --backup "$WORK/backups"
err_has "pg_dump is not on PATH"
equals "$(catalog_dump "$db")" "$before" "schema and history without pg_dump"
# pg_dump itself fails: a wrapper that exits 1 with a message.
mkdir -p "$WORK/badbin"
printf '#!/bin/sh\necho "pg_dump: error: connection refused (test)" >&2\nexit 1\n' > "$WORK/badbin/pg_dump"
chmod +x "$WORK/badbin/pg_dump"
expect_rc 3 env PATH="$WORK/badbin:$PATH" "$MIGRAC" upgrade head --dir "$proj" --backup "$WORK/backups"
err_has "pg_dump failed: pg_dump: error: connection refused (test)"
equals "$(catalog_dump "$db")" "$before" "schema and history after pg_dump failed"
[ -z "$(ls "$WORK/backups" | grep partial)" ] || fail "a partial file was left: $(ls "$WORK/backups")"

step "postgres: downgrade --backup, the backup setting of migrac.ini, MIGRAC_BACKUP, --no-backup"
expect_rc 0 m downgrade -1 --backup "$WORK/down"
out_has "backup: wrote $WORK/down/"
out_has "reverted 1 migration in"
mkdir -p "$WORK/cfg"
printf 'backup = from_ini\n' > "$WORK/cfg/migrac.ini"
expect_rc 0 m upgrade +1 --config "$WORK/cfg/migrac.ini"
out_has "backup: wrote $WORK/cfg/from_ini/"
expect_rc 0 env MIGRAC_BACKUP="$WORK/from_env" "$MIGRAC" upgrade +1 --dir "$proj" --format json
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/out" || fail "stdout is not one JSON document"
err_has "backup: wrote $WORK/from_env/"
expect_rc 0 env MIGRAC_BACKUP="$WORK/never" "$MIGRAC" downgrade -1 --dir "$proj" --no-backup
[ -e "$WORK/never" ] && fail "--no-backup wrote a backup"
grep -q "^backup:" "$WORK/out" "$WORK/err" && fail "--no-backup printed a backup line: $(cat "$WORK/out")"

step "sqlite: the online backup API"
unset MIGRAC_URL
sq="$WORK/app.db"
expect_rc 0 m upgrade +3 --url "sqlite:$sq"
expect_rc 0 m upgrade head --url "sqlite:$sq" --backup "$WORK/sqlite_backups"
out_has "backup: wrote $WORK/sqlite_backups/app-"
out_has "the SQLite backup API)"
copy=$(ls "$WORK"/sqlite_backups/*.sqlite)
equals "$(sqlite3 "$copy" "PRAGMA integrity_check")" ok "integrity of the SQLite backup"
equals "$(sqlite3 "$copy" "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name)")" \
  "migrac_history,orders,users" "tables in the SQLite backup"
equals "$(sqlite3 "$copy" "SELECT count(*) FROM migrac_history")" 3 "history rows in the SQLite backup"
equals "$(sqlite3 "$sq" "SELECT count(*) FROM migrac_history")" "$N_MIGRATIONS" "history rows after the upgrade"

step "sqlite: a failing backup applies nothing"
expect_rc 0 m downgrade -2 --url "sqlite:$sq"
before=$(sqlite3 "$sq" "SELECT id FROM migrac_history ORDER BY id; SELECT sql FROM sqlite_schema ORDER BY name")
expect_rc 3 m upgrade head --url "sqlite:$sq" --backup "$WORK/not_a_folder/x"
err_has "the backup failed, nothing was applied"
equals "$(sqlite3 "$sq" "SELECT id FROM migrac_history ORDER BY id; SELECT sql FROM sqlite_schema ORDER BY name")" "$before" \
  "SQLite history and schema after a failed backup"

step "sqlite: an in-memory database and a missing file have nothing to back up"
expect_rc 0 m upgrade +1 --url "sqlite::memory:" --backup "$WORK/mem"
out_has "backup: skipped, an in-memory SQLite database has nothing to back up"
expect_rc 0 m upgrade +1 --url "sqlite:$WORK/new.db" --backup "$WORK/new"
out_has "backup: skipped, $WORK/new.db does not exist yet"
[ -e "$WORK/mem" ] || [ -e "$WORK/new" ] && fail "a backup folder was created for nothing"
step "mysql: mariadb-dump on a throwaway MariaDB server"
source "$MIGRAC_SOURCE_DIR/tests/mariadb.sh"
chmod 755 "$WORK"
mkdir -p "$WORK/mariadb"
ON_EXIT+=("mariadb_stop '$WORK/mariadb'")
mariadb_start "$WORK/mariadb" live_backup || fail "MariaDB did not start"
"${client[@]}" -e "CREATE DATABASE shop; CREATE DATABASE shop_copy"
real_dump=$(command -v mariadb-dump) || fail "mariadb-dump is not installed"
cat > "$WORK/bin/mariadb-dump" <<SH
#!/usr/bin/env bash
printf '%s\n' "\$@" > "$WORK/dump.argv"
printf '%s\n' "\${MYSQL_PWD:-}" > "$WORK/dump.password"
exec "$real_dump" "\$@"
SH
chmod +x "$WORK/bin/mariadb-dump"
my_url="mysql://root:$SECRET@localhost/shop?socket=$WORK/mariadb/sock"
expect_rc 0 m upgrade +3 --url "$my_url"
expect_rc 0 m upgrade head --url "$my_url" --backup "$WORK/mysql_backups"
no_secret
out_has "backup: wrote $WORK/mysql_backups/shop-"
out_has "mariadb-dump)"
grep -qF -- "$SECRET" "$WORK/dump.argv" && fail "the password is on mariadb-dump's command line"
equals "$(cat "$WORK/dump.password")" "$SECRET" "MYSQL_PWD given to mariadb-dump"
script=$(ls "$WORK"/mysql_backups/*.sql)
grep -qF -- "$SECRET" "$script" && fail "the password is in the dump"
grep -q 'CREATE TABLE `users`' "$script" || fail "the dump lacks table users"
"${client[@]}" shop_copy < "$script" || fail "the dump does not load"
equals "$("${client[@]}" -N -B shop_copy -e "SELECT count(*) FROM migrac_history")" 3 "history rows in the restored MySQL backup"
equals "$("${client[@]}" -N -B shop -e "SELECT count(*) FROM migrac_history")" "$N_MIGRATIONS" "history rows after the MySQL upgrade"
echo "ok: live_backup"
