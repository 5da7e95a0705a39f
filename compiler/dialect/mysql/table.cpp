// MySQL's spelling and table definitions: portable types to MySQL's
// (LANGUAGE.md's table: enums as ENUM(...), identity as AUTO_INCREMENT), and
// the checks of what MySQL (and MariaDB) cannot express.

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "compiler/dialect/mysql/internal.h"

namespace migrac::mysql {

namespace {

// The reserved words of MySQL 8.0 and MariaDB 10.11 (a word is reserved when
// either reserves it), sorted: quoted wherever used as a name.
const std::vector<std::string_view> kReserved = {
    "accessible", "add", "all", "alter", "analyze", "and", "as", "asc", "asensitive", "before",
    "between", "bigint", "binary", "blob", "both", "by", "call", "cascade", "case", "change",
    "char", "character", "check", "collate", "column", "condition", "constraint", "continue",
    "convert", "create", "cross", "cube", "cume_dist", "current_date", "current_role",
    "current_time", "current_timestamp", "current_user", "cursor", "database", "databases",
    "day_hour", "day_microsecond", "day_minute", "day_second", "dec", "decimal", "declare",
    "default", "delayed", "delete", "delete_domain_id", "dense_rank", "desc", "describe",
    "deterministic", "distinct", "distinctrow", "div", "do_domain_ids", "double", "drop", "dual",
    "each", "else", "elseif", "empty", "enclosed", "escaped", "except", "exists", "exit",
    "explain", "false", "fetch", "first_value", "float", "float4", "float8", "for", "force",
    "foreign", "from", "fulltext", "function", "generated", "get", "grant", "group", "grouping",
    "groups", "having", "high_priority", "hour_microsecond", "hour_minute", "hour_second", "if",
    "ignore", "ignore_domain_ids", "in", "index", "infile", "inner", "inout", "insensitive",
    "insert", "int", "int1", "int2", "int3", "int4", "int8", "integer", "intersect", "interval",
    "into", "io_after_gtids", "io_before_gtids", "is", "iterate", "join", "json_table", "key",
    "keys", "kill", "lag", "last_value", "lateral", "lead", "leading", "leave", "left", "like",
    "limit", "linear", "lines", "load", "localtime", "localtimestamp", "lock", "long", "longblob",
    "longtext", "loop", "low_priority", "master_bind", "master_demote_to_replica",
    "master_demote_to_slave", "master_ssl_verify_server_cert", "match", "maxvalue", "mediumblob",
    "mediumint", "mediumtext", "middleint", "minute_microsecond", "minute_second", "mod",
    "modifies", "natural", "no_write_to_binlog", "not", "nth_value", "ntile", "null", "numeric",
    "of", "offset", "on", "optimize", "optimizer_costs", "optionally", "or", "order", "out",
    "outer", "outfile", "over", "page_checksum", "parse_vcol_expr", "partition", "percent_rank",
    "persist", "persist_only", "portion", "precision", "primary", "procedure", "purge", "range",
    "rank", "read", "read_write", "reads", "real", "recursive", "ref_system_id", "references",
    "regexp", "release", "rename", "repeat", "replace", "require", "resignal", "restrict",
    "return", "returning", "revoke", "right", "rlike", "row", "row_number", "rows", "schema",
    "schemas", "second_microsecond", "select", "sensitive", "separator", "set", "show", "signal",
    "smallint", "spatial", "specific", "sql", "sql_big_result", "sql_calc_found_rows",
    "sql_small_result", "sqlexception", "sqlstate", "sqlwarning", "ssl", "starting",
    "stats_auto_recalc", "stats_persistent", "stats_sample_pages", "stored", "straight_join",
    "system", "table", "terminated", "then", "tinyblob", "tinyint", "tinytext", "to", "trailing",
    "trigger", "true", "undo", "union", "unique", "unlock", "unsigned", "update", "usage", "use",
    "using", "utc_date", "utc_time", "utc_timestamp", "values", "varbinary", "varchar",
    "varcharacter", "varying", "virtual", "when", "where", "while", "window", "with", "write",
    "xor", "year_month", "zerofill",
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

const DialectSpelling& spelling() {
  static const DialectSpelling s = mysql_spelling();
  return s;
}

// MySQL's CAST target for a portable type.
std::string cast_type(const ast::TypeRef& t) {
  switch (t.kind) {
    case ast::TypeKind::SmallInt:
    case ast::TypeKind::Int:
    case ast::TypeKind::BigInt:
    case ast::TypeKind::Bool:
      return "SIGNED";
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
    case ast::TypeKind::Timestamptz:
      return "DATETIME(6)";
    case ast::TypeKind::Json:
    case ast::TypeKind::Jsonb:
      return "JSON";
    case ast::TypeKind::Native: return t.name;
    default: return "CHAR";
  }
}

bool is_literal(const ast::Expr& e) {
  return e.kind == ast::ExprKind::String || e.kind == ast::ExprKind::Number ||
         e.kind == ast::ExprKind::Bool || e.kind == ast::ExprKind::Null;
}

// The portable name of a type, as the migration wrote it.
std::string type_text(const ast::TypeRef& t) {
  static constexpr std::array<std::string_view, kTypeKindCount> kNames = {
      "smallint", "int",  "bigint",    "real",      "double",      "decimal", "numeric",
      "bool",     "text", "varchar",   "char",      "bytes",       "date",    "time",
      "timestamp", "timestamptz", "interval", "uuid", "json",       "jsonb",   "enum", "native"};
  if (t.kind == ast::TypeKind::Native) return fmt::format("native \"{}\"", t.name);
  if (t.kind == ast::TypeKind::Enum) return t.name;
  std::string name(kNames[static_cast<std::size_t>(t.kind)]);
  if (t.length && t.scale) return fmt::format("{}({},{})", name, *t.length, *t.scale);
  if (t.length) return fmt::format("{}({})", name, *t.length);
  return name;
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "'" : ", '") + n + "'";
  return out;
}

}  // namespace

const SqlBuilder& builder() {
  static const SqlBuilder b(spelling());
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
    case ast::TypeKind::Jsonb:
      return true;
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

std::string default_expr(const ast::Expr& value, const ast::TypeRef& type) {
  bool timestamp = value.kind == ast::ExprKind::Call && value.args.empty() && value.text == "now";
  if ((is_literal(value) && !is_unkeyable(type)) || timestamp) return expr(value, ExprContext::Default);
  return "(" + expr(value) + ")";
}

std::optional<std::string> column_def(const model::Column& column, const Context& context) {
  std::optional<std::string> type = column_type(column, context);
  if (!type) return std::nullopt;
  std::string out = fmt::format("{} {}", builder().ident(column.name), *type);
  if (column.not_null) out += " NOT NULL";
  if (column.default_value) out += " DEFAULT " + default_expr(*column.default_value, column.type);
  if (column.identity) out += " AUTO_INCREMENT";
  return out;
}

bool check_constraint(const model::Constraint& k, const model::Table* table, const Context& context) {
  bool ok = true;
  if (k.kind != ast::ConstraintKind::Check && table != nullptr) {
    for (const std::string& name : k.columns) {
      const model::Column* col = table->column(name);
      if (col == nullptr || !is_unkeyable(col->type)) continue;
      context.diags.report(
          DiagKind::DialectUnsupportedIndex, context.change.source,
          fmt::format("key '{}' on column '{}' of type '{}' cannot be built on mysql: a {} "
                      "column needs a prefix length to be a key",
                      k.name, name, type_text(col->type), builder().type(col->type)),
          "use varchar(n) for a column that is a key");
      ok = false;
    }
  }
  if (k.kind == ast::ConstraintKind::ForeignKey &&
      (k.on_delete == ast::RefAction::SetDefault || k.on_update == ast::RefAction::SetDefault)) {
    context.diags.report(DiagKind::DialectUnsupportedOperation, context.change.source,
                         fmt::format("foreign key '{}' with 'set default' cannot be expressed on "
                                     "mysql: InnoDB does not support SET DEFAULT",
                                     k.name),
                         "use 'set null', 'cascade' or 'restrict'");
    ok = false;
  }
  return ok;
}

bool check_index(const model::Index& index, const model::Table* table, const Context& context) {
  // Without its `where` a plain index still serves the same queries, only
  // larger; a unique one would refuse rows the partial index allows.
  if (index.where && !index.unique) {
    context.diags.report(DiagKind::DialectPartialIndexWidened, context.change.source,
                         fmt::format("partial index '{}' is built over every row on mysql, which "
                                     "has no index 'where'",
                                     index.name));
  } else if (index.where) {
    context.diags.report(DiagKind::DialectUnsupportedIndex, context.change.source,
                         fmt::format("unique partial index '{}' cannot be built on mysql: it has "
                                     "no index 'where', and a unique index over every row would "
                                     "refuse rows the partial index allows",
                                     index.name),
                         "build the index with a 'sql' operation that has a 'mysql' body");
    return false;
  }
  for (const ast::Expr& e : index.elements) {
    if (e.kind == ast::ExprKind::Column) continue;
    context.diags.report(DiagKind::DialectUnsupportedIndex, context.change.source,
                         fmt::format("index '{}' on an expression cannot be built on mysql: "
                                     "MariaDB has no expression indexes",
                                     index.name),
                         "index a (generated) column instead");
    return false;
  }
  if (table == nullptr) return true;
  for (const ast::Expr& e : index.elements) {
    const model::Column* col = table->column(e.text);
    if (col == nullptr || !is_unkeyable(col->type)) continue;
    context.diags.report(
        DiagKind::DialectUnsupportedIndex, context.change.source,
        fmt::format("index '{}' on column '{}' of type '{}' cannot be built on mysql: a {} "
                    "column needs a prefix length to be indexed",
                    index.name, col->name, type_text(col->type), builder().type(col->type)),
        "use varchar(n) for a column that is indexed");
    return false;
  }
  return true;
}

bool check_table(const model::Table& table, const Context& context) {
  bool ok = true;
  for (const model::Constraint& k : table.constraints) ok = check_constraint(k, &table, context) && ok;
  std::vector<std::string> identities;
  for (const model::Column& col : table.columns) {
    if (col.identity) identities.push_back(col.name);
  }
  if (identities.size() > 1) {
    context.diags.report(DiagKind::DialectUnsupportedIdentity, context.change.source,
                         fmt::format("table '{}' has {} identity columns ({}), which cannot be "
                                     "expressed on mysql: a table has at most one AUTO_INCREMENT "
                                     "column",
                                     table.name, identities.size(), quoted_list(identities)));
    return false;
  }
  for (const std::string& name : identities) {
    bool leads = std::any_of(table.constraints.begin(), table.constraints.end(),
                             [&](const model::Constraint& k) {
                               bool key = k.kind == ast::ConstraintKind::PrimaryKey ||
                                          k.kind == ast::ConstraintKind::Unique;
                               return key && !k.columns.empty() && k.columns[0] == name;
                             });
    if (leads) continue;
    context.diags.report(DiagKind::DialectUnsupportedIdentity, context.change.source,
                         fmt::format("identity column '{}.{}' cannot be expressed on mysql: it "
                                     "leads no primary key or unique constraint",
                                     table.name, name),
                         "an AUTO_INCREMENT column must be the first column of a key; make it "
                         "the primary key");
    ok = false;
  }
  return ok;
}

std::vector<std::string> constraint_defs(const model::Constraint& k) {
  const SqlBuilder& sql = builder();
  std::vector<std::string> out;
  if (k.kind == ast::ConstraintKind::ForeignKey) {
    out.push_back(fmt::format("INDEX {} ({})", sql.ident(k.name), sql.idents(k.columns)));
  }
  model::Constraint written = k;
  if (written.check) written.check = for_mysql(*written.check);
  out.push_back(sql.constraint_def(written));
  return out;
}

std::vector<std::string> add_constraint_clauses(const model::Constraint& k) {
  std::vector<std::string> out;
  for (const std::string& def : constraint_defs(k)) out.push_back("ADD " + def);
  return out;
}

std::vector<std::string> drop_constraint_clauses(const model::Constraint& k) {
  const SqlBuilder& sql = builder();
  switch (k.kind) {
    case ast::ConstraintKind::PrimaryKey: return {"DROP PRIMARY KEY"};
    case ast::ConstraintKind::Unique: return {"DROP INDEX " + sql.ident(k.name)};
    case ast::ConstraintKind::ForeignKey:
      return {"DROP FOREIGN KEY " + sql.ident(k.name), "DROP INDEX " + sql.ident(k.name)};
    case ast::ConstraintKind::Check: return {"DROP CONSTRAINT " + sql.ident(k.name)};
  }
  return {};
}

std::optional<std::string> create_table(const model::Table& table, const Context& context) {
  std::vector<std::string> lines;
  bool ok = check_table(table, context);
  for (const model::Column& col : table.columns) {
    std::optional<std::string> def = column_def(col, context);
    if (def) lines.push_back(std::move(*def));
    ok = ok && def.has_value();
  }
  if (!ok) return std::nullopt;
  for (const model::Constraint& k : table.constraints) {
    for (std::string& def : constraint_defs(k)) lines.push_back(std::move(def));
  }
  std::string body;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    body += fmt::format("  {}{}\n", lines[i], i + 1 < lines.size() ? "," : "");
  }
  return fmt::format("CREATE TABLE {} (\n{})", builder().ident(table.name), body);
}

}  // namespace migrac::mysql
