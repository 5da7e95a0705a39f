#!/usr/bin/env bash
# Tampering: an applied migration edited afterwards. `status` reports it (exit
# 4), `upgrade` refuses (exit 4) and applies nothing; `--allow-edited` goes on
# and says so; a plain `stamp` refuses to re-record the checksum, `stamp ID
# --rehash` records it and changes nothing else. A CRLF checkout of the same
# text is not an edit.
source "$(dirname "$0")/lib.sh"

proj=$(copy_project)
db=$(new_db)
export MIGRAC_URL=$(url_for "$db")
m() { "$MIGRAC" "$@" --dir "$proj"; }
expect_rc 0 m upgrade head -q

step "line endings changed to CRLF: not an edit"
sed -i 's/$/\r/' "$proj/0004_create_articles.mig"
expect_rc 0 m status
out_has "status: up to date"

step "an applied migration edited"
echo "-- an afterthought" >> "$proj/0002_add_phone_number_to_users.mig"
cat > "$proj/0015_add_users_nickname.mig" <<MIG
after $HEAD_ID;
add column users.nickname text;
MIG
expect_rc 4 m status
out_has "edited after they were applied: 1"
out_has "0002_add_phone_number_to_users: $proj/0002_add_phone_number_to_users.mig has v1:"
out_has "pending: 1"
expect_rc 4 m status --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [e["id"] for e in d["edited"]]==["0002_add_phone_number_to_users"], d' "$WORK/out"

step "upgrade refuses, and applies nothing"
expect_rc 4 m upgrade head
err_has "migration '0002_add_phone_number_to_users' was edited after it was applied"
err_has "--allow-edited"
err_has "'migrac stamp 0002_add_phone_number_to_users --rehash'"
column_exists "$db" users nickname && fail "0015 applied despite the edit"
equals "$(history_count "$db")" "$N_MIGRATIONS" "history rows after the refusal"

step "--allow-edited goes on and says so"
expect_rc 0 m upgrade head --allow-edited
err_has "going on because of --allow-edited"
out_has "apply  0015_add_users_nickname"
column_exists "$db" users nickname || fail "0015 not applied with --allow-edited"
expect_rc 4 m status
out_has "edited after they were applied: 1"

step "a plain stamp does not re-record the checksum; stamp --rehash does, and only that"
before=$(catalog_dump "$db")
expect_rc 4 m stamp head
err_has "migration '0002_add_phone_number_to_users' was edited after it was applied"
err_has "'migrac stamp 0002_add_phone_number_to_users --rehash'"
equals "$(catalog_dump "$db")" "$before" "the database after the refused stamp"
old=$(sql "$db" "SELECT checksum FROM migrac_history WHERE id = '0002_add_phone_number_to_users'")
rows_but_0002() { sql "$db" "SELECT id, checksum, parents, segments_done, segments_total, down_done, applied_at, applied_by, method FROM migrac_history WHERE id <> '0002_add_phone_number_to_users' ORDER BY id"; }
others=$(rows_but_0002)
row_0002() { sql "$db" "SELECT parents, segments_done, segments_total, down_done, applied_at, applied_by, method FROM migrac_history WHERE id = '0002_add_phone_number_to_users'"; }
row=$(row_0002)
expect_rc 0 m stamp 0002_add_phone_number_to_users --rehash
new=$(sql "$db" "SELECT checksum FROM migrac_history WHERE id = '0002_add_phone_number_to_users'")
[ "$new" != "$old" ] || fail "--rehash left the checksum $old"
out_has "re-recorded the checksum of 0002_add_phone_number_to_users: $new (was $old)"
equals "$(rows_but_0002)" "$others" "the other rows after --rehash"
equals "$(row_0002)" "$row" "the rest of the row after --rehash"
expect_rc 0 m status
out_has "status: up to date"
expect_rc 0 m stamp 0002_add_phone_number_to_users --rehash
out_has "nothing to change: 0002_add_phone_number_to_users is recorded with the checksum of"
expect_rc 4 m stamp 0015_add_users_nickname --rehash --url "$(url_for "$(new_db)")"
err_has "'0015_add_users_nickname' is not recorded in the database"

step "a downgrade refuses an edited migration too"
echo "-- another afterthought" >> "$proj/0015_add_users_nickname.mig"
expect_rc 4 m downgrade -1
column_exists "$db" users nickname || fail "downgrade ran despite the edit"

echo "ok: live_tampering"
