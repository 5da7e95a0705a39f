#pragma once
// The canonical keys behind normalizer() (normalize.h): one text per value
// such that two spellings get the same key exactly when they mean the same.
// Expressions are read by PostgreSQL's parser (compiler/pgsql) and printed
// back as canonical SQL; types are read the same way, as the type of a cast.

#include <optional>
#include <string>
#include <string_view>

#include "compiler/ast/ast.h"
#include "compiler/dialect/dialect.h"
#include "compiler/model/schema.h"

namespace migrac {

// The canonical SQL of one expression: PostgreSQL's parse tree of
// `SELECT <sql>` printed without locations and parentheses, without casts of
// constants (and PostgreSQL's own casts of columns to text), constants by
// their value text, `x = ANY (ARRAY[a, b])` as `x IN (a, b)`, BETWEEN as the
// two comparisons PostgreSQL stores, nested AND/OR flattened, numbers by
// value (`0.00` is `0`).
// Empty when PostgreSQL's parser does not read it as one expression.
struct CanonicalOptions {
  // TRUE and FALSE as 1 and 0: MySQL has no booleans, and its catalog shows
  // the integers.
  bool booleans_as_integers = false;
};
std::optional<std::string> canonical_expr(std::string_view sql,
                                          const CanonicalOptions& options = {});

// Lower case, runs of blanks as one space, no blank at either end: the key
// of a text the parser does not read.
std::string collapse_text(std::string_view text);

// The parts of a type name as PostgreSQL reads it: the internal name
// (`int4` for `integer`, `varchar` for `character varying`), its modifiers
// and array dimensions.
struct TypeName {
  std::string name;               // last component, folded ("int4", "mood", "My Type")
  std::vector<std::string> mods;  // "20", "10", "2"
  int array_dims = 0;
};

// `text` read as a type name by PostgreSQL's parser; empty when it is not one.
std::optional<TypeName> parse_type_name(std::string_view text);

// A type name printed as a key: the name, its modifiers in parentheses,
// `[]` per dimension.
std::string type_name_key(const TypeName& t);

// The key of a type in `dialect`'s spelling: what its emitter writes for it,
// synonyms folded.
std::string type_key(Dialect dialect, const ast::TypeRef& type);

// The key of an enum column's type on MySQL: ENUM('a','b') of its values.
std::string mysql_enum_key(const model::Enum& e);

}  // namespace migrac
