// The normaliser of each dialect (normalize.h): types and expressions as
// their canonical keys (normalize_key.h).

#include "compiler/dialect/normalize.h"

#include <cctype>
#include <string>
#include <unordered_map>

#include "compiler/dialect/mysql/internal.h"
#include "compiler/dialect/normalize_key.h"
#include "compiler/dialect/sql_builder.h"

namespace migrac {

namespace {

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$';
}

// MySQL's SQL as PostgreSQL's parser reads it: names in backticks double
// quoted, backslash escapes in strings as SQL's (`\'` is `''`), and the
// spellings MariaDB's catalog prints for what the model writes otherwise:
// `MOD` is `%`, `lcase` is lower, `ucase` upper.
std::string mysql_as_postgres(const std::string& sql) {
  std::string out;
  for (std::size_t i = 0; i < sql.size();) {
    char c = sql[i];
    if (c == '\'') {
      out += c;
      for (++i; i < sql.size(); ++i) {
        if (sql[i] == '\\' && i + 1 < sql.size()) {
          char next = sql[++i];
          out += next == '\'' ? std::string("''") : std::string(1, next);
          continue;
        }
        out += sql[i];
        if (sql[i] != '\'') continue;
        if (i + 1 < sql.size() && sql[i + 1] == '\'') {
          out += sql[++i];
          continue;
        }
        break;
      }
      ++i;
      continue;
    }
    if (c == '`') {
      out += '"';
      for (++i; i < sql.size() && sql[i] != '`'; ++i)
        out += sql[i] == '"' ? "\"\"" : std::string(1, sql[i]);
      out += '"';
      ++i;
      continue;
    }
    if (!is_word_char(c) || (i > 0 && is_word_char(sql[i - 1]))) {
      out += c;
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < sql.size() && is_word_char(sql[end])) ++end;
    std::string word = sql.substr(i, end - i);
    std::string lower = collapse_text(word);
    std::size_t after = end;
    while (after < sql.size() && sql[after] == ' ') ++after;
    bool call = after < sql.size() && sql[after] == '(';
    if (lower == "mod" && !call) {
      out += '%';
    } else if (lower == "lcase" && call) {
      out += "lower";
    } else if (lower == "ucase" && call) {
      out += "upper";
    } else {
      out += word;
    }
    i = end;
  }
  return out;
}

// The SQL text of an expression in `dialect`: the dialect's own for a
// structured one, the text as written for `sql $$...$$` and catalog text.
std::string expr_sql(Dialect dialect, const ast::Expr& e) {
  if (e.kind == ast::ExprKind::RawSql) return e.text;
  // MySQL's emitter first names casts' types as CAST does (SIGNED, CHAR).
  if (dialect == Dialect::Mysql) return sql_builder(dialect).expr(mysql::for_mysql(e));
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
    if (dialect == Dialect::Mysql) sql = mysql_as_postgres(sql);
    // The key depends on the dialect too (MySQL reads booleans as integers).
    return remembered(std::string(dialect_name(dialect)) + "\n" + sql, [&] {
      CanonicalOptions options;
      options.booleans_as_integers = dialect == Dialect::Mysql;
      std::optional<std::string> key = canonical_expr(sql, options);
      return key ? *key : collapse_text(sql);
    });
  };
  // SQLite and MySQL have no enum types: an enum is a check or a column type there.
  n.compare_enums = dialect == Dialect::Postgres;
  if (dialect == Dialect::Mysql) {
    n.enum_type = [](const model::Enum& e) { return mysql_enum_key(e); };
    // MySQL builds a partial index over every row, and keeps no primary key's name.
    n.compare_index_predicates = false;
    n.primary_key_names = false;
  }
  return n;
}

}  // namespace migrac
