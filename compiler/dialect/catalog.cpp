// The introspection entry point (one reader per dialect, its catalog.cpp) and
// what the readers share: the list of unmodeled objects, their expressions.

#include "compiler/dialect/catalog.h"

#include <algorithm>

namespace migrac {

ast::Expr raw_sql(std::string text) {
  ast::Expr e;
  e.kind = ast::ExprKind::RawSql;
  e.text = std::move(text);
  return e;
}

ast::Expr column_expr(std::string name) {
  ast::Expr e;
  e.kind = ast::ExprKind::Column;
  e.text = std::move(name);
  return e;
}

void UnmodeledList::add(std::string kind, std::string name, std::string note) {
  list_.push_back(UnmodeledObject{std::move(kind), std::move(name), std::move(note)});
}

std::vector<UnmodeledObject> UnmodeledList::take() {
  std::stable_sort(list_.begin(), list_.end());
  std::vector<UnmodeledObject> out;
  for (UnmodeledObject& o : list_) {
    if (!out.empty() && out.back().kind == o.kind && out.back().name == o.name) {
      std::string& note = out.back().note;
      if (!o.note.empty() && note.find(o.note) == std::string::npos)
        note += (note.empty() ? "" : "; ") + o.note;
      continue;
    }
    out.push_back(std::move(o));
  }
  return out;
}

LiveSchema read_catalog(Dialect dialect, const CatalogQuery& query, const CatalogOptions& options) {
  switch (dialect) {
    case Dialect::Postgres: return postgres::read_catalog(query, options);
    case Dialect::Sqlite: return sqlite::read_catalog(query, options);
    case Dialect::Mysql: return mysql::read_catalog(query, options);
  }
  return {};
}

std::vector<ObjectDefinition> read_definitions(Dialect dialect, const CatalogQuery& query,
                                               const CatalogOptions& options) {
  switch (dialect) {
    case Dialect::Postgres: return postgres::read_definitions(query, options);
    case Dialect::Sqlite: return sqlite::read_definitions(query, options);
    case Dialect::Mysql: return {};  // views and routines are listed, not defined
  }
  return {};
}

}  // namespace migrac
