// The recovery of a raw `CREATE INDEX CONCURRENTLY` outside a transaction, as
// the .mig path plans it (Lowering::concurrent_index): a failed or killed
// concurrent build leaves an INVALID index behind, which a rerun would take
// for done ("already exists", or skipped by IF NOT EXISTS). The recovery
// statement before it drops the index only when it is INVALID.
#include <algorithm>
#include <cctype>

#include "compiler/pgsql/parse.h"
#include "compiler/plan/lower.h"

namespace migrac {

std::optional<PlannedStatement> raw_index_recovery(const ast::RawStatement& raw,
                                                   const Emitter& emitter) {
  std::string lower(raw.text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower.find("concurrently") == std::string::npos) return std::nullopt;
  pgsql::ParsedSql parsed = pgsql::parse(raw.text);
  if (parsed.error || parsed.statements.size() != 1) return std::nullopt;
  const pgsql::Statement& s = parsed.statements.front();
  if (s.kind != "IndexStmt" || !s.body.flag("concurrent")) return std::nullopt;
  std::string_view name = s.body.str("idxname");
  // An unnamed index gets its name from PostgreSQL; a schema-qualified one is
  // looked up by the condition without its schema: neither is recovered.
  if (name.empty() || !s.body["relation"].str("schemaname").empty()) return std::nullopt;
  std::string condition = emitter.invalid_index_condition(name);
  if (condition.empty()) return std::nullopt;
  PlannedStatement recovery;
  recovery.sql = "DROP INDEX CONCURRENTLY IF EXISTS " + emitter.quote(name);
  recovery.role = StatementRole::Recovery;
  recovery.condition_sql = std::move(condition);
  recovery.effect = ObjectEffect::Drops;
  recovery.changes_data = true;
  recovery.source = raw.range;
  return recovery;
}

}  // namespace migrac
