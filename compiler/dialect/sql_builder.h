#pragma once
// The SQL builder shared by every dialect: identifiers, literals, types,
// expressions, column and constraint definitions. It is configured by data
// (DialectSpelling); a dialect's own file fills that data in and keeps every
// quirk that data cannot express.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/model/schema.h"

namespace migrac {

// How a dialect writes one portable type: `bare` without parameters, then
// with one (`{0}`: length or precision) and with two (`{1}`: scale).
struct TypeSpelling {
  std::string_view bare;
  std::string_view with_length;        // empty: the parameter is dropped
  std::string_view with_length_scale;  // empty: use with_length
};

// How a dialect writes a portable function call. `keyword`: written without
// parentheses (CURRENT_TIMESTAMP), only when the call has no arguments.
struct FunctionSpelling {
  std::string_view name;         // the portable name (folded)
  std::string_view replacement;  // the dialect's name
  bool keyword = false;
};

constexpr std::size_t kTypeKindCount = static_cast<std::size_t>(ast::TypeKind::Native) + 1;

// Everything the shared builder needs to know about a dialect's spelling.
struct DialectSpelling {
  std::string_view quote_open = "\"";
  std::string_view quote_close = "\"";
  // Bare identifiers may contain upper case letters without being folded
  // (false for PostgreSQL, which folds bare names to lower case).
  bool bare_upper_ok = false;
  std::vector<std::string_view> reserved;  // keywords that must be quoted, sorted, lower case
  std::array<TypeSpelling, kTypeKindCount> types{};  // indexed by ast::TypeKind
  bool enum_is_named_type = true;  // enum columns use the enum's own (quoted) name
  std::vector<FunctionSpelling> functions;
  std::string_view true_literal = "TRUE";
  std::string_view false_literal = "FALSE";
  bool backslash_escapes = false;    // string literals also escape backslashes
  std::string_view concat_function;  // empty: `a || b`; else concat(a, b)
  std::string_view identity_clause;  // written after the type of an identity column
  std::string_view distinct_from = "{} IS DISTINCT FROM {}";  // null-safe inequality
};

// Where an expression is written, which decides how much parenthesizing it needs.
enum class ExprContext {
  Top,      // CHECK (...), WHERE ..., SET c = ...: any expression
  Default,  // DEFAULT ...: arithmetic and simpler; anything else is parenthesized
  Operand,  // an operand of AND in a generated condition
};

// Builds SQL text for one dialect's spelling.
class SqlBuilder {
 public:
  explicit SqlBuilder(const DialectSpelling& spelling) : s_(spelling) {}

  const DialectSpelling& spelling() const { return s_; }

  // A quoted identifier when it needs quoting (not a plain lower-case name, or
  // a reserved keyword), else as is.
  std::string ident(std::string_view name) const;
  // Identifiers joined with ", ".
  std::string idents(const std::vector<std::string>& names) const;
  std::string string_literal(std::string_view value) const;
  std::string type(const ast::TypeRef& type) const;
  std::string expr(const ast::Expr& e, ExprContext context = ExprContext::Top) const;
  // `a IS DISTINCT FROM b` in the dialect's spelling; operands as expressions.
  std::string distinct_from(const ast::Expr& a, const ast::Expr& b) const;
  // One element of an index: a column, a call, or a parenthesized expression.
  std::string index_element(const ast::Expr& e) const;
  // `name type [NOT NULL] [DEFAULT e] [identity]`.
  std::string column_def(const model::Column& column) const;
  // `PRIMARY KEY (a)`, `UNIQUE (a, b)`, `FOREIGN KEY (a) REFERENCES t (b) ...`, `CHECK (e)`.
  std::string constraint_body(const model::Constraint& constraint) const;
  // `CONSTRAINT name <body>`.
  std::string constraint_def(const model::Constraint& constraint) const;

 private:
  std::string render(const ast::Expr& e, int min_precedence) const;
  std::string render_call(const ast::Expr& e) const;
  const FunctionSpelling* function(std::string_view name) const;

  const DialectSpelling& s_;
};

// "CASCADE", "SET NULL", ... for a referential action.
std::string_view ref_action_sql(ast::RefAction action);

}  // namespace migrac
