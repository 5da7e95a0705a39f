#pragma once
// The AST of a migration: plain structs, operations as a closed std::variant.
// Produced by compiler/syntax (from .mig files) and compiler/source (raw SQL
// files); nothing here knows about ANTLR. Every node carries its SourceRange.
// Identifiers are stored already folded: bare names lower-cased, quoted names
// exactly as written.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "compiler/ast/boxed.h"
#include "compiler/source/migration_file.h"
#include "compiler/source/source.h"

namespace migrac::ast {

// A name as written: `users`, `"Order Items"`.
struct Ident {
  std::string name;  // folded (lower case unless quoted)
  bool quoted = false;
  SourceRange range;
};

// A single-quoted string literal, unescaped ('' -> ').
struct StringLit {
  std::string value;
  SourceRange range;
};

// A portable column type.
enum class TypeKind {
  SmallInt,
  Int,
  BigInt,
  Real,
  Double,
  Decimal,
  Numeric,
  Bool,
  Text,
  Varchar,
  Char,
  Bytes,
  Date,
  Time,
  Timestamp,
  Timestamptz,
  Interval,
  Uuid,
  Json,
  Jsonb,
  Postgres,  // a PostgreSQL-only type (inet, cidr, macaddr, citext, money, tsvector, xml,
             // point, timetz): `name` holds its PostgreSQL name; an error on other dialects
  Enum,      // a type created with `create enum`: `name` holds the enum's name
  Native,    // native "<type>": `name` holds the text, passed through as written
};

struct TypeRef {
  TypeKind kind = TypeKind::Text;
  std::optional<std::int64_t> length;  // varchar(n), char(n); precision of decimal/numeric
  std::optional<std::int64_t> scale;   // decimal(p,s), numeric(p,s)
  std::string name;                    // Enum: enum name (folded); Native: the text
  bool array = false;                  // `T[]`: an array of T (PostgreSQL only)
  SourceRange range;
};

// Expressions of default, check, index elements and where, backfill.
enum class ExprKind {
  String,  // text = value
  Number,  // text = literal as written ("42", "-1", "3.14")
  Bool,    // text = "true" / "false"
  Null,
  Column,   // text = column name (folded)
  Call,     // text = function name (folded); args = arguments
  Unary,    // text = "-", "+" or "not"; args[0]
  Binary,   // text = operator ("=", "<>", "!=", "<", "<=", ">", ">=", "+", "-", "*",
            //        "/", "%", "||", "and", "or"); args[0], args[1]
  IsNull,   // negated = is not null; args[0]
  Like,     // negated = not like; args[0] like args[1]
  In,       // negated = not in; args[0] in (args[1..])
  Between,  // negated = not between; args[0] between args[1] and args[2]
  Case,     // args = when0, then0, when1, then1, ...; has_else: last arg is the else
  Cast,     // args[0] cast to `type`
  Paren,    // ( args[0] )
  RawSql,   // sql $$...$$: text = body, unchecked
};

struct Expr {
  ExprKind kind = ExprKind::Null;
  std::string text;
  std::vector<Expr> args;
  bool negated = false;
  bool has_else = false;
  Boxed<TypeRef> type;  // Cast only
  SourceRange range;
};

enum class RefAction { NoAction, Restrict, Cascade, SetNull, SetDefault };

// `references table [(col, ...)] [on delete A] [on update A]`
struct ForeignRef {
  Ident table;
  std::vector<Ident> columns;  // empty: the target's primary key
  std::optional<RefAction> on_delete;
  std::optional<RefAction> on_update;
  SourceRange range;
};

// A column definition in `create table` or `add column`.
struct ColumnDef {
  Ident name;
  TypeRef type;
  std::optional<bool> not_null;  // explicit `not null` (true) / `null` (false)
  Boxed<Expr> default_value;
  bool identity = false;
  bool primary_key = false;
  bool unique = false;
  std::optional<ForeignRef> references;
  Boxed<Expr> check;
  Boxed<Expr> generated;  // `generated always as (expr) stored`
  SourceRange range;
};

enum class ConstraintKind { PrimaryKey, Unique, ForeignKey, Check };

// A table constraint: `[constraint name] primary key (a, b)` etc.
struct TableConstraint {
  std::optional<Ident> name;
  ConstraintKind kind = ConstraintKind::Check;
  std::vector<Ident> columns;     // PrimaryKey, Unique, ForeignKey (local columns)
  std::optional<ForeignRef> ref;  // ForeignKey
  Boxed<Expr> check;              // Check
  SourceRange range;
};

// --- operations -------------------------------------------------------------

struct CreateTable {
  Ident table;
  std::vector<ColumnDef> columns;
  std::vector<TableConstraint> constraints;
};
struct DropTable {
  Ident table;
};
struct RenameTable {
  Ident from;
  Ident to;
};
struct AddColumn {
  Ident table;
  ColumnDef column;
};
struct DropColumn {
  Ident table;
  Ident column;
};
struct RenameColumn {
  Ident table;
  Ident from;
  Ident to;
};
struct AlterColumnType {
  Ident table;
  Ident column;
  TypeRef type;
  Boxed<Expr> using_expr;
};
// `set not null` (set = true) / `drop not null` (set = false)
struct AlterColumnNotNull {
  Ident table;
  Ident column;
  bool set = true;
};
// `set default <expr>` (value present) / `drop default` (value empty)
struct AlterColumnDefault {
  Ident table;
  Ident column;
  Boxed<Expr> value;
};
struct AddConstraint {
  Ident table;
  TableConstraint constraint;
};
struct DropConstraint {
  Ident table;
  Ident name;
};
// An index element: a column or an expression (a Column expr for a plain column).
struct CreateIndex {
  std::optional<Ident> name;
  bool unique = false;
  Ident table;
  std::vector<Expr> elements;
  Boxed<Expr> where;
};
struct DropIndex {
  Ident name;
};
struct CreateEnum {
  Ident name;
  std::vector<StringLit> values;
};
// `alter enum E add value 'v' [before|after 'w']`
struct AlterEnumAddValue {
  Ident name;
  StringLit value;
  std::optional<StringLit> neighbor;
  bool before = false;  // true: before neighbor; false: after neighbor
};
struct DropEnum {
  Ident name;
};
// `backfill t set c = e, ... [where e] [batch n] [pause d]`
struct Assignment {
  Ident column;
  Expr value;
};
struct Backfill {
  Ident table;
  std::vector<Assignment> assignments;
  Boxed<Expr> where;
  std::optional<std::int64_t> batch;  // default applied by the planner (10000)
  SourceRange batch_range;
  std::optional<std::int64_t> pause_ms;  // between batches; none: --backfill-pause (default 0)
};
// `sql $$...$$` or `sql postgres $$...$$ sqlite $$...$$`; dialect empty = every dialect.
struct SqlBody {
  std::optional<Ident> dialect;
  std::string text;  // the body between the dollar quotes
  SourceRange range;
};
struct Sql {
  std::vector<SqlBody> bodies;
};

using OperationKind =
    std::variant<CreateTable, DropTable, RenameTable, AddColumn, DropColumn, RenameColumn,
                 AlterColumnType, AlterColumnNotNull, AlterColumnDefault, AddConstraint,
                 DropConstraint, CreateIndex, DropIndex, CreateEnum, AlterEnumAddValue, DropEnum,
                 Backfill, Sql>;

// One operation with where it was written. `no_transaction_block` groups the
// operations of one `no transaction { }` block (-1: not in such a block).
struct Operation {
  OperationKind op;
  SourceRange range;
  int no_transaction_block = -1;
};

// --- migrations -----------------------------------------------------------

enum class SettingKind { LockTimeout, StatementTimeout, Online, Transaction, Unknown };

// `set name = value;` — durations in milliseconds, bools as 0/1.
struct Setting {
  Ident name;
  SettingKind kind = SettingKind::Unknown;
  std::int64_t duration_ms = 0;  // LockTimeout, StatementTimeout
  bool flag = false;             // Online
  std::string word;              // Transaction: "per-migration" or "none"
  SourceRange value_range;
  SourceRange range;
};

// A raw SQL statement of a .up.sql/.down.sql file, split with libpg_query.
struct RawStatement {
  std::string text;
  SourceRange range;
};

// One migration as written.
struct Migration {
  std::string id;
  MigrationFormat format = MigrationFormat::Mig;
  int file = -1;               // the .mig or .up.sql file in the SourceSet
  int down_file = -1;          // the .down.sql file, if any
  std::vector<Ident> parents;  // `after` ids (names kept exactly as written)
  std::vector<Setting> settings;
  std::vector<Operation> up;
  std::optional<std::vector<Operation>> down;  // explicit `down { }` block
  bool no_transaction = false;                 // raw SQL `-- migrac:no-transaction`
  std::vector<RawStatement> raw_up;            // raw SQL only
  std::vector<RawStatement> raw_down;          // raw SQL only
  std::string checksum;                        // "v1:<hex sha-256>"
  SourceRange id_range;                        // the whole first line, for file-level diags
};

}  // namespace migrac::ast
