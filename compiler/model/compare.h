#pragma once
// One schema comparison: two models in (what the files say, what a database
// holds), an ordered list of differences out, each naming the object and what
// differs. It is dialect-neutral: how a type or an expression is spelled for
// comparing is the caller's Normalizer (dialect/normalize.h gives one per
// dialect), so that `int4` and `integer`, or `'x'::text` and `'x'`, compare equal.
//
// Used by verify, diff and stamp (runtime) and by autogenerate.

#include <functional>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/model/schema.h"

namespace migrac::model {

// Which side has what.
enum class DiffKind {
  Missing,     // the expected schema (the model) has it, the actual one (the database) does not
  Unexpected,  // the actual schema has it, the expected one does not
  Changed,     // both have it, and `property` differs
};

// One difference between the expected and the actual schema.
struct Difference {
  DiffKind kind = DiffKind::Changed;
  // "table", "column", "constraint", "index", "enum", "enum value"
  std::string object_kind;
  // "users", "users.nick" (column, constraint: qualified by the table),
  // "ix_users_email" (index), "mood" (enum), "mood.happy" (enum value)
  std::string object;
  // Changed only: column "type", "not null", "default", "identity";
  // constraint "kind", "columns", "referenced table", "referenced columns",
  // "on delete", "on update", "check"; index "table", "unique", "elements",
  // "predicate"; enum "value order".
  std::string property;
  // Changed only: each side's value, normalised (the Normalizer's keys);
  // "true"/"false" for not null, identity and unique; "" for no default or
  // predicate; lists joined with ", ".
  std::string expected;
  std::string actual;

  friend bool operator==(const Difference& a, const Difference& b) = default;
};

// How values are spelled for comparing: two spellings are equal exactly when
// the values mean the same.
struct Normalizer {
  std::function<std::string(const ast::TypeRef&)> type;
  std::function<std::string(const ast::Expr&)> expr;
  // Whether enum types are compared: false where the dialect has none (an
  // enum is a column's check or type there, and no database lists it).
  bool compare_enums = true;
  // Where set, the key of an enum column's type, from the enum the expected
  // schema holds (MySQL: its ENUM('a', 'b') column type); else `type`.
  std::function<std::string(const Enum&)> enum_type;
  // Whether an index's predicate is compared: false where the dialect builds
  // a partial index over every row (MySQL: it has no index `where`).
  bool compare_index_predicates = true;
  // Whether a primary key is matched by its name: false where the server
  // does not keep the name (MySQL's is always PRIMARY); the table's primary
  // key is then the one compared.
  bool primary_key_names = true;
};

// The differences between `expected` and `actual`, ordered: tables by name,
// each with (after the table itself when one side lacks it) its columns in
// the expected order then the unexpected ones in the actual order, then its
// constraints and its indexes likewise; then enums by name, each with its
// missing values, unexpected values and their order. Names are compared
// exactly. A default that is NULL counts as none; an index of the actual
// side named as a primary key or unique constraint of its table is that
// constraint's (PostgreSQL's), not an index.
std::vector<Difference> compare(const Schema& expected, const Schema& actual,
                                const Normalizer& normalizer);

// One line about a difference, `actual` being the database: "the database has
// column 'users.nick' that the model does not", "the database lacks index
// 'ix_users_email'", "column 'users.age' has type 'bigint' in the database,
// 'integer' in the model".
std::string describe(const Difference& difference);

}  // namespace migrac::model
