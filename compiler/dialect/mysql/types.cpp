// MySQL's spelling of types, names and expressions (docs/language.md's table:
// enums as ENUM(...), identity as AUTO_INCREMENT, casts in CAST's own type
// names), and which types cannot be keys.

#include <fmt/format.h>

#include "compiler/dialect/mysql/internal.h"

namespace migrac::mysql {

namespace {

// The reserved words of MySQL 8.0 and MariaDB 10.11 (a word is reserved when
// either reserves it), sorted: quoted wherever used as a name.
const std::vector<std::string_view> kReserved = {
    "accessible",
    "add",
    "all",
    "alter",
    "analyze",
    "and",
    "as",
    "asc",
    "asensitive",
    "before",
    "between",
    "bigint",
    "binary",
    "blob",
    "both",
    "by",
    "call",
    "cascade",
    "case",
    "change",
    "char",
    "character",
    "check",
    "collate",
    "column",
    "condition",
    "constraint",
    "continue",
    "convert",
    "create",
    "cross",
    "cube",
    "cume_dist",
    "current_date",
    "current_role",
    "current_time",
    "current_timestamp",
    "current_user",
    "cursor",
    "database",
    "databases",
    "day_hour",
    "day_microsecond",
    "day_minute",
    "day_second",
    "dec",
    "decimal",
    "declare",
    "default",
    "delayed",
    "delete",
    "delete_domain_id",
    "dense_rank",
    "desc",
    "describe",
    "deterministic",
    "distinct",
    "distinctrow",
    "div",
    "do_domain_ids",
    "double",
    "drop",
    "dual",
    "each",
    "else",
    "elseif",
    "empty",
    "enclosed",
    "escaped",
    "except",
    "exists",
    "exit",
    "explain",
    "false",
    "fetch",
    "first_value",
    "float",
    "float4",
    "float8",
    "for",
    "force",
    "foreign",
    "from",
    "fulltext",
    "function",
    "generated",
    "get",
    "grant",
    "group",
    "grouping",
    "groups",
    "having",
    "high_priority",
    "hour_microsecond",
    "hour_minute",
    "hour_second",
    "if",
    "ignore",
    "ignore_domain_ids",
    "in",
    "index",
    "infile",
    "inner",
    "inout",
    "insensitive",
    "insert",
    "int",
    "int1",
    "int2",
    "int3",
    "int4",
    "int8",
    "integer",
    "intersect",
    "interval",
    "into",
    "io_after_gtids",
    "io_before_gtids",
    "is",
    "iterate",
    "join",
    "json_table",
    "key",
    "keys",
    "kill",
    "lag",
    "last_value",
    "lateral",
    "lead",
    "leading",
    "leave",
    "left",
    "like",
    "limit",
    "linear",
    "lines",
    "load",
    "localtime",
    "localtimestamp",
    "lock",
    "long",
    "longblob",
    "longtext",
    "loop",
    "low_priority",
    "master_bind",
    "master_demote_to_replica",
    "master_demote_to_slave",
    "master_ssl_verify_server_cert",
    "match",
    "maxvalue",
    "mediumblob",
    "mediumint",
    "mediumtext",
    "middleint",
    "minute_microsecond",
    "minute_second",
    "mod",
    "modifies",
    "natural",
    "no_write_to_binlog",
    "not",
    "nth_value",
    "ntile",
    "null",
    "numeric",
    "of",
    "offset",
    "on",
    "optimize",
    "optimizer_costs",
    "optionally",
    "or",
    "order",
    "out",
    "outer",
    "outfile",
    "over",
    "page_checksum",
    "parse_vcol_expr",
    "partition",
    "percent_rank",
    "persist",
    "persist_only",
    "portion",
    "precision",
    "primary",
    "procedure",
    "purge",
    "range",
    "rank",
    "read",
    "read_write",
    "reads",
    "real",
    "recursive",
    "ref_system_id",
    "references",
    "regexp",
    "release",
    "rename",
    "repeat",
    "replace",
    "require",
    "resignal",
    "restrict",
    "return",
    "returning",
    "revoke",
    "right",
    "rlike",
    "row",
    "row_number",
    "rows",
    "schema",
    "schemas",
    "second_microsecond",
    "select",
    "sensitive",
    "separator",
    "set",
    "show",
    "signal",
    "smallint",
    "spatial",
    "specific",
    "sql",
    "sql_big_result",
    "sql_calc_found_rows",
    "sql_small_result",
    "sqlexception",
    "sqlstate",
    "sqlwarning",
    "ssl",
    "starting",
    "stats_auto_recalc",
    "stats_persistent",
    "stats_sample_pages",
    "stored",
    "straight_join",
    "system",
    "table",
    "terminated",
    "then",
    "tinyblob",
    "tinyint",
    "tinytext",
    "to",
    "trailing",
    "trigger",
    "true",
    "undo",
    "union",
    "unique",
    "unlock",
    "unsigned",
    "update",
    "usage",
    "use",
    "using",
    "utc_date",
    "utc_time",
    "utc_timestamp",
    "values",
    "varbinary",
    "varchar",
    "varcharacter",
    "varying",
    "virtual",
    "when",
    "where",
    "while",
    "window",
    "with",
    "write",
    "xor",
    "year_month",
    "zerofill",
};

DialectSpelling mysql_spelling() {
  DialectSpelling s;
  s.quote_open = "`";
  s.quote_close = "`";
  s.bare_upper_ok = true;  // MySQL does not fold names
  s.reserved = kReserved;
  auto set = [&](ast::TypeKind k, TypeSpelling t) { s.types[static_cast<std::size_t>(k)] = t; };
  set(ast::TypeKind::SmallInt, {"smallint", "", ""});
  set(ast::TypeKind::Int, {"int", "", ""});
  set(ast::TypeKind::BigInt, {"bigint", "", ""});
  set(ast::TypeKind::Real, {"float", "", ""});
  set(ast::TypeKind::Double, {"double", "", ""});
  // A bare decimal is decimal(10,0) in MySQL: the widest keeps fractions.
  set(ast::TypeKind::Decimal, {"decimal(65,30)", "decimal({})", "decimal({},{})"});
  set(ast::TypeKind::Numeric, {"decimal(65,30)", "decimal({})", "decimal({},{})"});
  set(ast::TypeKind::Bool, {"tinyint(1)", "", ""});
  set(ast::TypeKind::Text, {"longtext", "", ""});
  set(ast::TypeKind::Varchar, {"longtext", "varchar({})", ""});
  set(ast::TypeKind::Char, {"char(1)", "char({})", ""});
  set(ast::TypeKind::Bytes, {"longblob", "", ""});
  set(ast::TypeKind::Date, {"date", "", ""});
  set(ast::TypeKind::Time, {"time(6)", "", ""});
  set(ast::TypeKind::Timestamp, {"datetime(6)", "", ""});
  set(ast::TypeKind::Timestamptz, {"datetime(6)", "", ""});
  set(ast::TypeKind::Interval, {"", "", ""});  // none: reported
  set(ast::TypeKind::Uuid, {"char(36)", "", ""});
  set(ast::TypeKind::Json, {"json", "", ""});
  set(ast::TypeKind::Jsonb, {"json", "", ""});
  set(ast::TypeKind::Enum, {"", "", ""});    // ENUM(...), written by column_type
  set(ast::TypeKind::Native, {"", "", ""});  // unused: written as given
  s.enum_is_named_type = false;
  // now() as the column type datetime(6) needs it: a DEFAULT of a
  // datetime(6) column must have the column's precision.
  s.functions = {{"now", "CURRENT_TIMESTAMP(6)", true}, {"length", "char_length", false}};
  s.backslash_escapes = true;
  s.concat_function = "concat";
  s.identity_clause = "AUTO_INCREMENT";
  s.distinct_from = "NOT ({} <=> {})";
  return s;
}

// MySQL's CAST target for a portable type.
std::string cast_type(const ast::TypeRef& t) {
  switch (t.kind) {
    case ast::TypeKind::SmallInt:
    case ast::TypeKind::Int:
    case ast::TypeKind::BigInt:
    case ast::TypeKind::Bool: return "SIGNED";
    case ast::TypeKind::Real: return "FLOAT";
    case ast::TypeKind::Double: return "DOUBLE";
    case ast::TypeKind::Decimal:
    case ast::TypeKind::Numeric:
      if (t.length && t.scale) return fmt::format("DECIMAL({},{})", *t.length, *t.scale);
      if (t.length) return fmt::format("DECIMAL({})", *t.length);
      return "DECIMAL(65,30)";
    case ast::TypeKind::Bytes: return "BINARY";
    case ast::TypeKind::Date: return "DATE";
    case ast::TypeKind::Time: return "TIME(6)";
    case ast::TypeKind::Timestamp:
    case ast::TypeKind::Timestamptz: return "DATETIME(6)";
    case ast::TypeKind::Json:
    case ast::TypeKind::Jsonb: return "JSON";
    case ast::TypeKind::Native: return t.name;
    default: return "CHAR";
  }
}

}  // namespace

const SqlBuilder& builder() {
  static const DialectSpelling spelling = mysql_spelling();
  static const SqlBuilder b(spelling);
  return b;
}

ast::Expr for_mysql(const ast::Expr& e) {
  ast::Expr out = e;
  if (out.kind == ast::ExprKind::Cast && out.type) {
    ast::TypeRef native;
    native.kind = ast::TypeKind::Native;
    native.name = cast_type(*out.type);
    out.type = native;
  }
  for (ast::Expr& a : out.args) a = for_mysql(a);
  return out;
}

std::string expr(const ast::Expr& e, ExprContext context) {
  return builder().expr(for_mysql(e), context);
}

bool is_unkeyable(const ast::TypeRef& t) {
  switch (t.kind) {
    case ast::TypeKind::Text:
    case ast::TypeKind::Bytes:
    case ast::TypeKind::Json:
    case ast::TypeKind::Jsonb: return true;
    case ast::TypeKind::Varchar: return !t.length;
    default: return false;
  }
}

std::optional<std::string> column_type(const model::Column& column, const Context& context) {
  const SqlBuilder& sql = builder();
  if (column.type.kind == ast::TypeKind::Interval) {
    context.diags.report(DiagKind::DialectUnsupportedType, context.change.source,
                         fmt::format("column '{}' of type 'interval' cannot be expressed on mysql: "
                                     "it has no interval type",
                                     column.name),
                         "store a number of seconds (bigint), or use 'native \"...\"'");
    return std::nullopt;
  }
  if (column.type.kind != ast::TypeKind::Enum) return sql.type(column.type);
  auto it = context.enums.find(column.type.name);
  if (it == context.enums.end()) {
    context.diags.report(DiagKind::DialectUnsupportedOperation, context.change.source,
                         fmt::format("enum '{}' of column '{}' is unknown to the mysql emitter",
                                     column.type.name, column.name));
    return std::nullopt;
  }
  std::string values;
  for (const std::string& v : it->second.values) {
    values += (values.empty() ? "" : ", ") + sql.string_literal(v);
  }
  return fmt::format("ENUM({})", values);
}

}  // namespace migrac::mysql
