// The normaliser of each dialect (normalize.h): types and expressions as
// their canonical keys (normalize_key.h).

#include "compiler/dialect/normalize.h"

#include <string>

#include "compiler/dialect/normalize_key.h"
#include "compiler/dialect/sql_builder.h"

namespace migrac {

namespace {

// MySQL quotes names with backticks, which PostgreSQL's parser reads as
// nothing: the same text with double quotes (outside string literals).
std::string backticks_as_quotes(const std::string& sql) {
  std::string out;
  char in_string = '\0';
  for (std::size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (in_string != '\0') {
      if (c == '\\' && i + 1 < sql.size()) {
        out += c;
        out += sql[++i];
        continue;
      }
      if (c == in_string) in_string = '\0';
      out += c;
      continue;
    }
    if (c == '\'') in_string = c;
    out += c == '`' ? '"' : c;
  }
  return out;
}

// The SQL text of an expression in `dialect`: the dialect's own for a
// structured one, the text as written for `sql $$...$$` and catalog text.
std::string expr_sql(Dialect dialect, const ast::Expr& e) {
  if (e.kind == ast::ExprKind::RawSql) return e.text;
  return sql_builder(dialect).expr(e);
}

}  // namespace

model::Normalizer normalizer(Dialect dialect) {
  model::Normalizer n;
  n.type = [dialect](const ast::TypeRef& t) { return type_key(dialect, t); };
  n.expr = [dialect](const ast::Expr& e) {
    std::string sql = expr_sql(dialect, e);
    if (dialect == Dialect::Mysql) sql = backticks_as_quotes(sql);
    if (std::optional<std::string> key = canonical_expr(sql)) return *key;
    return collapse_text(sql);
  };
  // SQLite and MySQL have no enum types: an enum is a check or a column type there.
  n.compare_enums = dialect == Dialect::Postgres;
  return n;
}

}  // namespace migrac
