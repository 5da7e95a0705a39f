#pragma once
// The canonical tree of an expression key (normalize_expr.cpp reads
// PostgreSQL's parse tree into it) and its printing as SQL with only the
// parentheses that precedence needs.

#include <string>
#include <string_view>
#include <vector>

namespace migrac::canon {

// Binding strength, loosest first.
enum Precedence : int {
  kOr = 1,
  kAnd = 2,
  kNot = 3,
  kPredicate = 4,  // comparisons, IS, LIKE, IN
  kOther = 5,      // ||, and any operator not listed
  kAdditive = 6,
  kMultiplicative = 7,
  kUnary = 8,
  kPrimary = 9,
};

// How a canonical node is printed.
enum class Form {
  Atom,     // head
  Call,     // head(args)
  Infix,    // args joined by ` head `
  Prefix,   // head args[0]
  Postfix,  // args[0] head
  In,       // args[0] head (args[1..])
  Any,      // args[0] head (args[1])
  Case,     // CASE [operand] WHEN .. THEN .. [ELSE ..] END
  Cast,     // CAST(args[0] AS head)
  Array,    // ARRAY[args]
};

// One node of the canonical tree.
struct Canon {
  Form form = Form::Atom;
  std::string head;
  std::vector<Canon> args;
  int precedence = kPrimary;
  bool constant = false;     // a literal (after casts of it were dropped)
  bool column = false;       // a column reference
  bool has_operand = false;  // Case: args[0] is the operand
  bool has_else = false;     // Case: the last arg is the ELSE
};

// A name as a key: bare when plain lower case, else double quoted.
std::string name_key(std::string_view name);
// A literal by its value text: numbers bare and by value (`'-1'`, `-1` and
// `-1.0` are `-1`), anything else quoted.
Canon constant(std::string value);
Canon atom(std::string head);
Canon node(Form form, std::string head, std::vector<Canon> args, int precedence);
// The parts joined by `op` (AND, OR), nested ones of the same `op` flattened:
// `a AND (b AND c)` is `a AND b AND c`.
Canon flattened(std::string_view op, int precedence, std::vector<Canon> parts);

// `c` as SQL, parenthesized when it binds looser than `min_precedence`.
std::string print(const Canon& c, int min_precedence = kOr);

}  // namespace migrac::canon
