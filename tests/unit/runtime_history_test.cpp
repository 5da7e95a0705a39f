// The history table's SQL (shared with the psql scripts), its name, the run
// lock key, session settings, and the rows' states.
#include <catch2/catch.hpp>

#include "compiler/dialect/postgres/history.h"
#include "runtime/history/history.h"

using namespace migrac;

TEST_CASE("history table names, plain and schema-qualified", "[runtime][history]") {
  std::string error;
  auto plain = parse_history_table("migrac_history", error);
  REQUIRE(plain);
  CHECK(qualified_name(*plain) == "migrac_history");
  auto ops = parse_history_table("ops.migrac_history", error);
  REQUIRE(ops);
  CHECK(ops->schema == "ops");
  CHECK(qualified_name(*ops) == "ops.migrac_history");
  auto quoted = parse_history_table("Ops.History", error);
  REQUIRE(quoted);
  CHECK(qualified_name(*quoted) == "\"Ops\".\"History\"");
  CHECK_FALSE(parse_history_table("a.b.c", error));
  CHECK(error == "invalid history table name 'a.b.c' (expected 'name' or 'schema.name')");
  CHECK_FALSE(parse_history_table("", error));
  CHECK(history_create_sql(*ops).size() == 2);
  CHECK(history_create_sql(*ops)[0] == "CREATE SCHEMA IF NOT EXISTS ops");
}

TEST_CASE("the run lock key is stable and depends on the table", "[runtime][history]") {
  HistoryTable t;
  CHECK(run_lock_key(t) == 7060450939361674638);
  HistoryTable other{"ops", "migrac_history"};
  CHECK(run_lock_key(other) != run_lock_key(t));
}

TEST_CASE("history statements", "[runtime][history]") {
  HistoryTable t;
  HistoryRowKey k{"0002_x", "v1:ab", {"0001_a", "0001_b"}, 3, "run"};
  CHECK(history_up_started_sql(t, k, 2) ==
        "INSERT INTO migrac_history (id, checksum, parents, segments_done, segments_total, "
        "segment_started, "
        "duration_ms, method) VALUES ('0002_x', 'v1:ab', '0001_a,0001_b', 1, 3, 2, 0, 'run') "
        "ON CONFLICT (id) DO UPDATE SET segment_started = 2");
  CHECK(history_up_done_sql(t, k, 3, "12") ==
        "INSERT INTO migrac_history (id, checksum, parents, segments_done, segments_total, "
        "segment_started, "
        "duration_ms, method) VALUES ('0002_x', 'v1:ab', '0001_a,0001_b', 3, 3, 0, 12, 'run') "
        "ON CONFLICT (id) DO UPDATE SET segments_done = EXCLUDED.segments_done, "
        "segments_total = EXCLUDED.segments_total, segment_started = 0, down_done = 0, "
        "duration_ms = migrac_history.duration_ms + EXCLUDED.duration_ms, applied_at = now(), "
        "applied_by = EXCLUDED.applied_by, method = EXCLUDED.method");
  CHECK(
      history_down_done_sql(t, "0002_x", 1, "5") ==
      "UPDATE migrac_history SET down_done = 1, segment_started = 0, duration_ms = duration_ms + 5 "
      "WHERE id = '0002_x'");
  CHECK(history_delete_sql(t, "it's") == "DELETE FROM migrac_history WHERE id = 'it''s'");
  CHECK(history_stamp_sql(t, k).find(
            "VALUES ('0002_x', 'v1:ab', '0001_a,0001_b', 3, 3, 0, 0, 'run')") != std::string::npos);
}

TEST_CASE("parents are stored comma-separated", "[runtime][history]") {
  CHECK(join_parents({}) == "");
  CHECK(join_parents({"a", "b"}) == "a,b");
  CHECK(split_parents("a,b") == std::vector<std::string>{"a", "b"});
  CHECK(split_parents("").empty());
}

TEST_CASE("row states", "[runtime][history]") {
  history::Row r;
  r.segments_total = 3;
  r.segments_done = 3;
  CHECK(r.complete());
  r.segments_done = 2;
  CHECK(r.partly_applied());
  CHECK_FALSE(r.complete());
  r.segments_done = 3;
  r.down_done = 1;
  CHECK(r.partly_reverted());
  r.down_done = 0;
  r.segment_started = 1;  // a non-transactional down segment begun
  CHECK(r.partly_reverted());
  r.segments_done = 1;
  r.segment_started = 2;  // a non-transactional up segment begun
  CHECK(r.partly_applied());
  CHECK_FALSE(r.partly_reverted());
}
