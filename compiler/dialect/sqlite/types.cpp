// SQLite's spelling: portable types to SQLite's storage classes (docs/language.md's
// table), its keywords, now() as CURRENT_TIMESTAMP.

#include "compiler/dialect/sqlite/internal.h"

namespace migrac::sqlite {

namespace {

// Every SQLite 3.40 keyword (sqlite3_keyword_name), sorted: quoted wherever
// used as a name, although SQLite accepts many of them bare in some places.
const std::vector<std::string_view> kKeywords = {
    "abort",
    "action",
    "add",
    "after",
    "all",
    "alter",
    "always",
    "analyze",
    "and",
    "as",
    "asc",
    "attach",
    "autoincrement",
    "before",
    "begin",
    "between",
    "by",
    "cascade",
    "case",
    "cast",
    "check",
    "collate",
    "column",
    "commit",
    "conflict",
    "constraint",
    "create",
    "cross",
    "current",
    "current_date",
    "current_time",
    "current_timestamp",
    "database",
    "default",
    "deferrable",
    "deferred",
    "delete",
    "desc",
    "detach",
    "distinct",
    "do",
    "drop",
    "each",
    "else",
    "end",
    "escape",
    "except",
    "exclude",
    "exclusive",
    "exists",
    "explain",
    "fail",
    "filter",
    "first",
    "following",
    "for",
    "foreign",
    "from",
    "full",
    "generated",
    "glob",
    "group",
    "groups",
    "having",
    "if",
    "ignore",
    "immediate",
    "in",
    "index",
    "indexed",
    "initially",
    "inner",
    "insert",
    "instead",
    "intersect",
    "into",
    "is",
    "isnull",
    "join",
    "key",
    "last",
    "left",
    "like",
    "limit",
    "match",
    "materialized",
    "natural",
    "no",
    "not",
    "nothing",
    "notnull",
    "null",
    "nulls",
    "of",
    "offset",
    "on",
    "or",
    "order",
    "others",
    "outer",
    "over",
    "partition",
    "plan",
    "pragma",
    "preceding",
    "primary",
    "query",
    "raise",
    "range",
    "recursive",
    "references",
    "regexp",
    "reindex",
    "release",
    "rename",
    "replace",
    "restrict",
    "returning",
    "right",
    "rollback",
    "row",
    "rows",
    "savepoint",
    "select",
    "set",
    "table",
    "temp",
    "temporary",
    "then",
    "ties",
    "to",
    "transaction",
    "trigger",
    "unbounded",
    "union",
    "unique",
    "update",
    "using",
    "vacuum",
    "values",
    "view",
    "virtual",
    "when",
    "where",
    "window",
    "with",
    "without",
};

DialectSpelling sqlite_spelling() {
  DialectSpelling s;
  s.bare_upper_ok = true;  // SQLite does not fold names: `Users` and "Users" are the same
  s.reserved = kKeywords;
  auto set = [&](ast::TypeKind k, TypeSpelling t) { s.types[static_cast<std::size_t>(k)] = t; };
  for (ast::TypeKind k :
       {ast::TypeKind::SmallInt, ast::TypeKind::Int, ast::TypeKind::BigInt, ast::TypeKind::Bool}) {
    set(k, {"INTEGER", "", ""});
  }
  set(ast::TypeKind::Real, {"REAL", "", ""});
  set(ast::TypeKind::Double, {"REAL", "", ""});
  set(ast::TypeKind::Decimal, {"NUMERIC", "", ""});
  set(ast::TypeKind::Numeric, {"NUMERIC", "", ""});
  for (ast::TypeKind k : {ast::TypeKind::Text, ast::TypeKind::Varchar, ast::TypeKind::Char,
                          ast::TypeKind::Date, ast::TypeKind::Time, ast::TypeKind::Timestamp,
                          ast::TypeKind::Timestamptz, ast::TypeKind::Interval, ast::TypeKind::Uuid,
                          ast::TypeKind::Json, ast::TypeKind::Jsonb, ast::TypeKind::Enum}) {
    set(k, {"TEXT", "", ""});
  }
  set(ast::TypeKind::Bytes, {"BLOB", "", ""});
  set(ast::TypeKind::Native, {"", "", ""});  // unused: written as given
  s.enum_is_named_type = false;
  s.functions = {{"now", "CURRENT_TIMESTAMP", true}};
  s.distinct_from = "{} IS NOT {}";
  return s;
}

}  // namespace

const SqlBuilder& builder() {
  static const DialectSpelling spelling = sqlite_spelling();
  static const SqlBuilder b(spelling);
  return b;
}

}  // namespace migrac::sqlite
