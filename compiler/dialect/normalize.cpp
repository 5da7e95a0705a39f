// The normaliser of each dialect (normalize.h): types and expressions as
// their canonical keys (normalize_key.h).

#include "compiler/dialect/normalize.h"

#include <string>
#include <unordered_map>

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

// The key of `text` from `make`, remembered: a schema spells the same types
// and defaults many times, and each reading is a parse. One cache per thread
// (libpg_query parses on any thread), emptied when it grows large.
template <class Make>
std::string remembered(const std::string& text, Make make) {
  thread_local std::unordered_map<std::string, std::string> cache;
  if (auto it = cache.find(text); it != cache.end()) return it->second;
  if (cache.size() > 65536) cache.clear();
  std::string key = make();
  cache.emplace(text, key);
  return key;
}

// What a type's key depends on, as one text.
std::string type_text(Dialect dialect, const ast::TypeRef& t) {
  std::string out(dialect_name(dialect));
  out += ' ';
  out += std::to_string(static_cast<int>(t.kind));
  out += ' ' + (t.length ? std::to_string(*t.length) : std::string("-"));
  out += ' ' + (t.scale ? std::to_string(*t.scale) : std::string("-"));
  return out + ' ' + t.name;
}

}  // namespace

model::Normalizer normalizer(Dialect dialect) {
  model::Normalizer n;
  n.type = [dialect](const ast::TypeRef& t) {
    return remembered(type_text(dialect, t), [&] { return type_key(dialect, t); });
  };
  n.expr = [dialect](const ast::Expr& e) {
    std::string sql = expr_sql(dialect, e);
    if (dialect == Dialect::Mysql) sql = backticks_as_quotes(sql);
    return remembered(sql, [&] {
      std::optional<std::string> key = canonical_expr(sql);
      return key ? *key : collapse_text(sql);
    });
  };
  // SQLite and MySQL have no enum types: an enum is a check or a column type there.
  n.compare_enums = dialect == Dialect::Postgres;
  return n;
}

}  // namespace migrac
