#include "compiler/lint/context.h"

#include <array>

#include <fmt/format.h>

#include "compiler/model/apply.h"
#include "compiler/pgsql/ddl.h"

namespace migrac::lint {

namespace {

// PostgreSQL's table lock levels, weakest first.
int lock_strength(std::string_view level) {
  static constexpr std::array<std::string_view, 8> kLevels = {
      "ACCESS SHARE", "ROW SHARE",           "ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE",
      "SHARE",        "SHARE ROW EXCLUSIVE", "EXCLUSIVE",     "ACCESS EXCLUSIVE"};
  for (std::size_t i = 0; i < kLevels.size(); ++i) {
    if (kLevels[i] == level) return static_cast<int>(i) + 1;
  }
  return 0;
}

bool same_origin(const SourceRange& a, const SourceRange& b) {
  return a.file == b.file && a.begin.offset == b.begin.offset && a.valid();
}

template <class F>
void for_each_statement_of(const MigrationPlan* plan, const model::Change& change, F&& f) {
  if (!plan) return;
  for (const Segment& seg : plan->up) {
    for (const PlannedStatement& st : seg.statements) {
      if (same_origin(st.source, change.source)) f(st);
    }
  }
}

}  // namespace

std::string MigContext::lock_of(const model::Change& change) const {
  std::string best;
  for_each_statement_of(plan, change, [&](const PlannedStatement& st) {
    if (lock_strength(st.lock.level) > lock_strength(best)) best = st.lock.level;
  });
  return best;
}

bool MigContext::plan_rewrites(const model::Change& change) const {
  bool rewrites = false;
  for_each_statement_of(plan, change,
                        [&](const PlannedStatement& st) { rewrites |= st.lock.rewrites; });
  return rewrites;
}

Diagnostic& MigContext::report(DiagKind kind, SourceRange range, std::string message,
                               std::string help) {
  return out.report(kind, range, std::move(message), std::move(help));
}

SourceRange RawContext::range(std::uint32_t begin, std::uint32_t end) const {
  return sources.range(file, begin, std::max(begin, end));
}

SourceRange RawContext::clause_at(long location, const SqlStatement& stmt) const {
  if (location < 0) return statement(stmt);
  auto begin = static_cast<std::uint32_t>(location) + base;
  return range(begin, clause_end(text, begin, stmt.end));
}

SourceRange RawContext::type_at(long location, const SqlStatement& stmt) const {
  if (location < 0) return statement(stmt);
  auto begin = static_cast<std::uint32_t>(location) + base;
  return range(begin, type_end(text, begin, stmt.end));
}

SourceRange RawContext::phrase(const SqlStatement& stmt,
                               const std::vector<std::string_view>& words) const {
  std::vector<SqlWord> all = sql_words(text, stmt.begin, stmt.end);
  long at = find_phrase(all, words);
  if (at < 0) return statement(stmt);
  auto first = static_cast<std::size_t>(at);
  return range(all[first].begin, all[first + words.size() - 1].end);
}

SourceRange RawContext::span(const SqlStatement& stmt, const std::vector<std::string_view>& start,
                             std::string_view name,
                             const std::vector<std::string_view>& finish) const {
  std::vector<SqlWord> all = sql_words(text, stmt.begin, stmt.end);
  constexpr std::size_t kNear = 6;
  for (long at = find_phrase(all, start); at >= 0;
       at = find_phrase(all, start, static_cast<std::size_t>(at) + 1)) {
    auto first = static_cast<std::size_t>(at);
    std::size_t i = first + start.size();
    std::size_t stop = std::min(all.size(), i + kNear);
    while (i < stop && all[i].text != name) ++i;
    if (i >= stop) continue;
    std::uint32_t end = all[i].end;
    if (!finish.empty()) {
      long tail = find_phrase(all, finish, i + 1);
      if (tail < 0 || static_cast<std::size_t>(tail) > i + 1 + kNear) continue;
      end = all[static_cast<std::size_t>(tail) + finish.size() - 1].end;
    }
    return range(all[first].begin, end);
  }
  return statement(stmt);
}

const model::Table* RawContext::known_table(const std::string& name) const {
  if (!schema || uncertain_tables.count(name)) return nullptr;
  return schema->table(name);
}

bool RawContext::index_absent(const std::string& name) const {
  if (!schema || opaque || !uncertain_tables.empty()) return false;
  return !schema->index_owner.count(name) && !schema->key_owner.count(name);
}

bool RawContext::table_absent(const std::string& name) const {
  if (!schema || opaque || uncertain_tables.count(name)) return false;
  return schema->table(name) == nullptr;
}

void RawContext::follow(std::string_view sql, const SqlStatement& stmt) {
  if (!schema) return;
  pgsql::read_ddl_statement(
      sql, stmt.node, stmt.begin, stmt.end, *schema,
      [&](const model::Edit& edit) { model::apply(*schema, edit); },
      [&](const pgsql::Unfollowed& note) {
        if (note.kind == pgsql::UnfollowedKind::Unmodeled) return;
        if (note.opaque) opaque = true;
        uncertain_tables.insert(note.tables.begin(), note.tables.end());
      });
}

Diagnostic& RawContext::report(DiagKind kind, SourceRange r, std::string message,
                               std::string help) {
  return out.report(kind, r, std::move(message), std::move(help));
}

std::string in_quotes(std::string_view name) { return fmt::format("'{}'", name); }

std::string in_quotes(std::string_view table, std::string_view column) {
  return fmt::format("'{}.{}'", table, column);
}

std::string type_text(const ast::TypeRef& type) {
  using ast::TypeKind;
  auto with_length = [&](std::string_view base) {
    if (!type.length) return std::string(base);
    if (type.scale) return fmt::format("{}({}, {})", base, *type.length, *type.scale);
    return fmt::format("{}({})", base, *type.length);
  };
  switch (type.kind) {
    case TypeKind::SmallInt: return "smallint";
    case TypeKind::Int: return "int";
    case TypeKind::BigInt: return "bigint";
    case TypeKind::Real: return "real";
    case TypeKind::Double: return "double";
    case TypeKind::Decimal: return with_length("decimal");
    case TypeKind::Numeric: return with_length("numeric");
    case TypeKind::Bool: return "bool";
    case TypeKind::Text: return "text";
    case TypeKind::Varchar: return with_length("varchar");
    case TypeKind::Char: return with_length("char");
    case TypeKind::Bytes: return "bytes";
    case TypeKind::Date: return "date";
    case TypeKind::Time: return "time";
    case TypeKind::Timestamp: return "timestamp";
    case TypeKind::Timestamptz: return "timestamptz";
    case TypeKind::Interval: return "interval";
    case TypeKind::Uuid: return "uuid";
    case TypeKind::Json: return "json";
    case TypeKind::Jsonb: return "jsonb";
    case TypeKind::Postgres:
    case TypeKind::Enum: return type.name;
    case TypeKind::Native: return fmt::format("native \"{}\"", type.name);
  }
  return "?";
}

}  // namespace migrac::lint
