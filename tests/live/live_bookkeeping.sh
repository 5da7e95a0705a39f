#!/usr/bin/env bash
# Bookkeeping that cannot lose records: a stamp that would remove records
# refuses and changes nothing (--purge removes them, --rehash re-records one
# checksum only); "downgrade -N" and "upgrade +N" asking for more than can be
# done refuse before anything runs; URLs in SQLAlchemy's spellings connect,
# and a MySQL URL is refused with a clear message.
source "$(dirname "$0")/lib.sh"

proj=$(copy_project)
db=$(new_db)
url=$(url_for "$db")
export MIGRAC_URL=$url
m() { "$MIGRAC" "$@" --dir "$proj"; }
expect_rc 0 m upgrade head -q

step "stamp to an ancestor on a database at head refuses and removes nothing"
before=$(catalog_dump "$db")
expect_rc 4 m stamp 0002_add_phone_number_to_users
err_has "stamping 0002_add_phone_number_to_users would remove $((N_MIGRATIONS - 2)) records (not 0002_add_phone_number_to_users or its ancestors):"
err_has "  $HEAD_ID"
err_has "  0003_index_users_phone_number"
err_has "'migrac stamp ID --rehash' re-records its checksum and changes nothing else"
err_has "'migrac stamp 0002_add_phone_number_to_users --purge'"
err_has "migrac stamp: nothing was changed"
equals "$(cat "$WORK/out")" "" "stdout of the refused stamp"
equals "$(catalog_dump "$db")" "$before" "the database after the refused stamp"
expect_rc 4 m stamp base
err_has "stamping base would remove every record ($N_MIGRATIONS records):"
equals "$(catalog_dump "$db")" "$before" "the database after the refused stamp base"
expect_rc 0 m stamp head
out_has "nothing to change: the database is recorded at head"
expect_rc 2 m stamp 0002 --purge --rehash
err_has "--delete, --rehash and --purge do not go together"

step "stamp --rehash of an unedited migration changes nothing"
expect_rc 0 m stamp 0002_add_phone_number_to_users --rehash
out_has "nothing to change: 0002_add_phone_number_to_users is recorded with the checksum of"
equals "$(catalog_dump "$db")" "$before" "the database after --rehash of an unedited migration"

step "stamp --rehash after an edit changes exactly one checksum"
echo "-- reviewed: a comment" >> "$proj/0005_add_slug_to_articles.mig"
expect_rc 4 m upgrade
err_has "'migrac stamp 0005_add_slug_to_articles --rehash'"
expect_rc 0 m stamp 0005_add_slug_to_articles --rehash
out_has "re-recorded the checksum of 0005_add_slug_to_articles: v1:"
after=$(catalog_dump "$db")
changes=$(diff <(echo "$before") <(echo "$after") || true)
equals "$(grep -c '^>' <<<"$changes")" 1 "lines of the catalog and history changed by --rehash"
grep -q '^> 0005_add_slug_to_articles|v1:' <<<"$changes" || fail "--rehash changed another row: $changes"
expect_rc 0 m status
out_has "status: up to date"

step "stamp --purge removes the later records without running anything (--force: the database is at head, not 0012)"
expect_rc 0 m stamp 0012 --purge --force
out_has "removed the record of $HEAD_ID"
out_has "removed the record of 0013_add_refunded_order_status"
equals "$(history_count "$db")" 13 "history rows after stamp 0012 --purge"
equals "$(sql "$db" "SELECT count(*) FROM pg_views WHERE viewname = 'active_users'")" 1 "the view of 0014 after stamp --purge (nothing reverted)"
expect_rc 0 m stamp head
out_has "recorded $HEAD_ID as applied"

step "downgrade -N past base refuses and reverts nothing"
db6=$(new_db)
expect_rc 0 m upgrade +6 -q --url "$(url_for "$db6")"
before6=$(catalog_dump "$db6")
expect_rc 2 m downgrade -50 --url "$(url_for "$db6")"
err_has "migrac downgrade: relative revision '-50' needs 50 applied migrations, and there are only 6; nothing was reverted"
err_has "'migrac downgrade -6' reverts all of them"
equals "$(catalog_dump "$db6")" "$before6" "the database after the refused downgrade -50"
expect_rc 2 m downgrade -7 --url "$(url_for "$db6")"
equals "$(catalog_dump "$db6")" "$before6" "the database after the refused downgrade -7"
expect_rc 0 m downgrade -6 -q --url "$(url_for "$db6")"
equals "$(history_count "$db6")" 0 "history rows after downgrade -6"

step "upgrade +N with fewer pending refuses and applies nothing"
db2=$(new_db)
expect_rc 0 m upgrade "+$((N_MIGRATIONS - 2))" -q --url "$(url_for "$db2")"
before2=$(catalog_dump "$db2")
expect_rc 2 m upgrade +5 --url "$(url_for "$db2")"
err_has "migrac upgrade: relative revision '+5' needs 5 pending migrations, and there are only 2; nothing was applied"
err_has "'migrac upgrade +2' applies all of them"
equals "$(catalog_dump "$db2")" "$before2" "the database after the refused upgrade +5"
expect_rc 0 m upgrade +2 -q --url "$(url_for "$db2")"
check_head_schema "$db2"
expect_rc 2 m upgrade +1 --url "$(url_for "$db2")"
err_has "needs 1 pending migration, and there are none; nothing was applied"

step "a refused upgrade +N on an empty database creates no history table"
db0=$(new_db)
expect_rc 2 m upgrade "+$((N_MIGRATIONS + 1))" --url "$(url_for "$db0")"
equals "$(sql "$db0" "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" 0 "tables after the refusal"

step "PostgreSQL URLs in SQLAlchemy's spellings"
rest=${url#postgresql://}
for scheme in postgres postgresql+psycopg2 postgresql+psycopg postgresql+asyncpg; do
  expect_rc 0 m status --url "$scheme://$rest"
  out_has "status: up to date"
done

step "a MySQL URL goes to the MySQL driver (no server here: exit 3, no password)"
closed=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
for u in "mysql+pymysql://u:sekrit@127.0.0.1:$closed/app" "mysql://u:sekrit@127.0.0.1:$closed/app"; do
  expect_rc 3 m status --url "$u"
  err_has "cannot connect to the database at 127.0.0.1 port $closed, database 'app', user 'u'"
  grep -q sekrit "$WORK/err" && fail "the password was printed"
  expect_rc 3 m upgrade --url "$u"
  err_has "cannot connect to the database at 127.0.0.1 port $closed"
  grep -q sekrit "$WORK/err" && fail "the password was printed"
done

echo "ok: live_bookkeeping"
