#include "runtime/history/history.h"

#include <fmt/format.h>

namespace migrac::history {

namespace {

int to_int(const std::optional<std::string>& v) { return v ? std::stoi(*v) : 0; }

}  // namespace

std::optional<db::DbError> Store::ensure() {
  bool exists = false;
  db::Result r = db_.exec(sql_->exists());
  if (!r.ok()) return r.error;
  exists = !r.rows.empty() && r.rows[0][0] == std::optional<std::string>("t");
  if (exists) return std::nullopt;
  std::string error;
  std::vector<std::string> create = sql_->create(error);
  if (!error.empty()) return db::DbError{db::ErrorKind::Other, "", error, "", ""};
  for (const std::string& sql : create) {
    db::Result c = db_.exec(sql);
    if (!c.ok()) return c.error;
  }
  return std::nullopt;
}

std::optional<db::DbError> Store::read(std::vector<Row>& rows, bool& exists) {
  rows.clear();
  db::Result e = db_.exec(sql_->exists());
  if (!e.ok()) return e.error;
  exists = !e.rows.empty() && e.rows[0][0] == std::optional<std::string>("t");
  if (!exists) return std::nullopt;
  db::Result r = db_.exec(sql_->select());
  if (!r.ok()) return r.error;
  rows.reserve(r.rows.size());
  for (const db::Row& v : r.rows) {
    Row row;
    row.id = v[0].value_or("");
    row.checksum = v[1].value_or("");
    row.parents = split_parents(v[2].value_or(""));
    row.segments_done = to_int(v[3]);
    row.segments_total = to_int(v[4]);
    row.down_done = to_int(v[5]);
    row.segment_started = to_int(v[6]);
    row.applied_at = v[7].value_or("");
    row.duration_ms = v[8] ? std::stoll(*v[8]) : 0;
    row.applied_by = v[9].value_or("");
    row.method = v[10].value_or("");
    rows.push_back(std::move(row));
  }
  return std::nullopt;
}

std::optional<db::DbError> Store::rehash(const std::string& id, const std::string& checksum) {
  db::Result r = db_.run(db::Statement::history(sql_->rehash(id, checksum)));
  if (!r.ok()) return r.error;
  return std::nullopt;
}

}  // namespace migrac::history
