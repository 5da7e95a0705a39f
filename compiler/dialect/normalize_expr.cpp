// The canonical SQL of an expression (normalize_key.h): PostgreSQL's parse
// tree of `SELECT <expr>` read into the canonical tree (normalize_canon.h),
// with what a catalog adds on its own taken out.

#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/dialect/normalize_canon.h"
#include "compiler/dialect/normalize_key.h"
#include "compiler/pgsql/parse.h"

namespace migrac {

namespace {

using namespace canon;
using pgsql::Node;

int operator_precedence(std::string_view op) {
  if (op == "=" || op == "<>" || op == "<" || op == ">" || op == "<=" || op == ">=")
    return kPredicate;
  if (op == "+" || op == "-") return kAdditive;
  if (op == "*" || op == "/" || op == "%") return kMultiplicative;
  return kOther;
}

// PostgreSQL's LIKE operators by their SQL spelling.
std::string_view like_keyword(std::string_view op) {
  if (op == "~~") return "LIKE";
  if (op == "!~~") return "NOT LIKE";
  if (op == "~~*") return "ILIKE";
  if (op == "!~~*") return "NOT ILIKE";
  return {};
}

std::string_view sql_value_function(std::string_view op) {
  static const std::pair<std::string_view, std::string_view> kNames[] = {
      {"SVFOP_CURRENT_DATE", "CURRENT_DATE"},
      {"SVFOP_CURRENT_TIME", "CURRENT_TIME"},
      {"SVFOP_CURRENT_TIME_N", "CURRENT_TIME"},
      {"SVFOP_CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP"},
      {"SVFOP_CURRENT_TIMESTAMP_N", "CURRENT_TIMESTAMP"},
      {"SVFOP_LOCALTIME", "LOCALTIME"},
      {"SVFOP_LOCALTIME_N", "LOCALTIME"},
      {"SVFOP_LOCALTIMESTAMP", "LOCALTIMESTAMP"},
      {"SVFOP_LOCALTIMESTAMP_N", "LOCALTIMESTAMP"},
      {"SVFOP_CURRENT_ROLE", "CURRENT_ROLE"},
      {"SVFOP_CURRENT_USER", "CURRENT_USER"},
      {"SVFOP_USER", "USER"},
      {"SVFOP_SESSION_USER", "SESSION_USER"},
      {"SVFOP_CURRENT_CATALOG", "CURRENT_CATALOG"},
      {"SVFOP_CURRENT_SCHEMA", "CURRENT_SCHEMA"},
  };
  for (const auto& [key, name] : kNames) {
    if (key == op) return name;
  }
  return {};
}

// Reads a parse tree into the canonical tree; `text` is the parsed text (for
// integer constants, whose value libpg_query 15's JSON drops when negative).
class Reader {
 public:
  Reader(std::string_view text, const CanonicalOptions& options) : text_(text), options_(options) {}

  std::optional<Canon> read(Node wrapper) const {
    std::string_view k = wrapper.kind();
    Node b = wrapper.body();
    if (k == "A_Const") return read_const(b);
    if (k == "ColumnRef") return read_column(b);
    if (k == "TypeCast") return read_cast(b);
    if (k == "FuncCall") return read_call(b);
    if (k == "A_Expr") return read_a_expr(b);
    if (k == "BoolExpr") return read_bool(b);
    if (k == "NullTest") {
      bool is_not = b.str("nulltesttype") == "IS_NOT_NULL";
      return postfix(b["arg"], is_not ? "IS NOT NULL" : "IS NULL");
    }
    if (k == "BooleanTest") return read_boolean_test(b);
    if (k == "CoalesceExpr") return call("coalesce", b["args"]);
    if (k == "MinMaxExpr")
      return call(b.str("op") == "IS_GREATEST" ? "greatest" : "least", b["args"]);
    if (k == "CaseExpr") return read_case(b);
    if (k == "A_ArrayExpr") return read_array(b);
    if (k == "SQLValueFunction") return read_value_function(b);
    if (k == "CollateClause") {
      std::optional<Canon> arg = read(b["arg"]);
      if (!arg) return std::nullopt;
      std::string head = "COLLATE " + name_key(pgsql::last_name(b["collname"]));
      std::vector<Canon> args;
      args.push_back(std::move(*arg));
      return node(Form::Postfix, std::move(head), std::move(args), kOther);
    }
    return std::nullopt;  // sub-selects, parameters, rows, ...: not compared by tree
  }

 private:
  std::optional<Canon> read_const(Node b) const {
    if (b.flag("isnull")) return atom("NULL");
    if (b.has("sval")) return constant(std::string(b["sval"].str("sval")));
    if (b.has("fval")) return constant(std::string(b["fval"].str("fval")));
    if (b.has("boolval")) {
      bool value = b["boolval"].flag("boolval");
      if (options_.booleans_as_integers) return constant(value ? "1" : "0");
      return atom(value ? "true" : "false");
    }
    if (b.has("bsval")) return constant(std::string(b["bsval"].str("bsval")));
    if (b.has("ival")) {
      Node v = b["ival"];
      if (v.has("ival")) return constant(std::to_string(v.integer("ival", 0)));
      return integer_at(b.location());
    }
    return std::nullopt;
  }

  // The integer literal written at `location`: `0`, `-1`, `- 5`.
  std::optional<Canon> integer_at(long location) const {
    if (location < 0 || static_cast<std::size_t>(location) >= text_.size()) return std::nullopt;
    std::size_t i = static_cast<std::size_t>(location);
    std::string value;
    if (text_[i] == '-') {
      value = "-";
      ++i;
      while (i < text_.size() && std::isspace(static_cast<unsigned char>(text_[i]))) ++i;
    }
    std::size_t start = i;
    while (i < text_.size() && std::isdigit(static_cast<unsigned char>(text_[i]))) ++i;
    if (i == start) return std::nullopt;
    return constant(value + std::string(text_.substr(start, i - start)));
  }

  std::optional<Canon> read_column(Node b) const {
    std::string out;
    for (Node f : b["fields"]) {
      if (!out.empty()) out += ".";
      if (f.kind() == "A_Star") {
        out += "*";
      } else {
        out += name_key(pgsql::string_value(f));
      }
    }
    if (out.empty()) return std::nullopt;
    Canon c = atom(std::move(out));
    c.column = true;
    return c;
  }

  std::optional<Canon> read_cast(Node b) const {
    std::optional<Canon> arg = read(b["arg"]);
    if (!arg) return std::nullopt;
    // Casts a catalog adds on its own: of constants ('x'::text, (0)::numeric),
    // of arrays of constants, and of varchar columns to text.
    if (arg->constant) return arg;
    if (arg->form == Form::Array) {
      bool all_constant = true;
      for (const Canon& e : arg->args) all_constant = all_constant && e.constant;
      if (all_constant) return arg;
    }
    TypeName type;
    Node t = b["typeName"];
    type.name = pgsql::last_name(t["names"]);
    for (Node m : t["typmods"]) {
      std::optional<Canon> mod = read(m);
      if (!mod) return std::nullopt;
      type.mods.push_back(mod->head);
    }
    type.array_dims = static_cast<int>(t["arrayBounds"].size());
    std::string key = type_name_key(type);
    // A column cast to text, or to numeric for arithmetic (an int column times
    // a numeric one reads back as `qty::numeric`): the catalog's, not the file's.
    if (arg->column && (key == "text" || key == "numeric")) return arg;
    std::vector<Canon> args;
    args.push_back(std::move(*arg));
    return node(Form::Cast, std::move(key), std::move(args), kPrimary);
  }

  std::optional<Canon> call(std::string name, Node args_node) const {
    std::vector<Canon> args;
    for (Node a : args_node) {
      std::optional<Canon> c = read(a);
      if (!c) return std::nullopt;
      args.push_back(std::move(*c));
    }
    return node(Form::Call, std::move(name), std::move(args), kPrimary);
  }

  std::optional<Canon> read_call(Node b) const {
    if (b.has("agg_order") || b.has("over") || b.has("agg_filter") || b.flag("agg_within_group") ||
        b.flag("func_variadic")) {
      return std::nullopt;
    }
    std::string name;
    for (Node part : b["funcname"]) {
      std::string_view s = pgsql::string_value(part);
      if (name.empty() && s == "pg_catalog") continue;
      if (!name.empty()) name += ".";
      name += name_key(s);
    }
    if (b.flag("agg_star")) return node(Form::Call, name, {atom("*")}, kPrimary);
    std::optional<Canon> c = call(name, b["args"]);
    if (c && b.flag("agg_distinct")) c->head += " DISTINCT";
    return c;
  }

  std::optional<Canon> binary(std::string op, Node left, Node right, int precedence) const {
    std::optional<Canon> l = read(left);
    std::optional<Canon> r = read(right);
    if (!l || !r) return std::nullopt;
    std::vector<Canon> args;
    args.push_back(std::move(*l));
    args.push_back(std::move(*r));
    return node(Form::Infix, std::move(op), std::move(args), precedence);
  }

  std::optional<Canon> postfix(Node arg_node, std::string head) const {
    std::optional<Canon> arg = read(arg_node);
    if (!arg) return std::nullopt;
    std::vector<Canon> args;
    args.push_back(std::move(*arg));
    return node(Form::Postfix, std::move(head), std::move(args), kPredicate);
  }

  std::optional<Canon> in_list(Canon subject, std::vector<Canon> items, bool negated) const {
    std::vector<Canon> args;
    args.push_back(std::move(subject));
    for (Canon& i : items) args.push_back(std::move(i));
    return node(Form::In, negated ? "NOT IN" : "IN", std::move(args), kPredicate);
  }

  std::optional<Canon> read_a_expr(Node b) const {
    std::string_view kind = b.str("kind");
    std::string op = pgsql::last_name(b["name"]);
    if (kind == "AEXPR_OP" || kind == "AEXPR_LIKE" || kind == "AEXPR_ILIKE") {
      if (std::string_view like = like_keyword(op); !like.empty()) {
        return binary(std::string(like), b["lexpr"], b["rexpr"], kPredicate);
      }
      if (b["lexpr"].missing()) {
        std::optional<Canon> arg = read(b["rexpr"]);
        if (!arg) return std::nullopt;
        bool sign = op == "-" || op == "+";
        std::vector<Canon> args;
        args.push_back(std::move(*arg));
        return node(Form::Prefix, op, std::move(args), sign ? kUnary : kOther);
      }
      return binary(op, b["lexpr"], b["rexpr"], operator_precedence(op));
    }
    if (kind == "AEXPR_DISTINCT") {
      return binary("IS DISTINCT FROM", b["lexpr"], b["rexpr"], kPredicate);
    }
    if (kind == "AEXPR_NOT_DISTINCT") {
      return binary("IS NOT DISTINCT FROM", b["lexpr"], b["rexpr"], kPredicate);
    }
    if (kind == "AEXPR_NULLIF") {
      std::optional<Canon> c = binary("", b["lexpr"], b["rexpr"], kPrimary);
      if (!c) return std::nullopt;
      return node(Form::Call, "nullif", std::move(c->args), kPrimary);
    }
    if (kind == "AEXPR_IN") {
      std::optional<Canon> subject = read(b["lexpr"]);
      if (!subject) return std::nullopt;
      std::vector<Canon> items;
      for (Node item : b["rexpr"]["List"]["items"]) {
        std::optional<Canon> c = read(item);
        if (!c) return std::nullopt;
        items.push_back(std::move(*c));
      }
      return in_list(std::move(*subject), std::move(items), op == "<>");
    }
    if (kind == "AEXPR_OP_ANY" || kind == "AEXPR_OP_ALL") {
      bool any = kind == "AEXPR_OP_ANY";
      std::optional<Canon> subject = read(b["lexpr"]);
      std::optional<Canon> list = read(b["rexpr"]);
      if (!subject || !list) return std::nullopt;
      // `x = ANY (ARRAY[a, b])` is `x IN (a, b)`; `x <> ALL (...)` is NOT IN.
      if (list->form == Form::Array && ((any && op == "=") || (!any && op == "<>"))) {
        return in_list(std::move(*subject), std::move(list->args), !any);
      }
      std::vector<Canon> args;
      args.push_back(std::move(*subject));
      args.push_back(std::move(*list));
      return node(Form::Any, op + (any ? " ANY" : " ALL"), std::move(args), kPredicate);
    }
    if (kind == "AEXPR_BETWEEN" || kind == "AEXPR_NOT_BETWEEN") {
      // PostgreSQL stores `x BETWEEN a AND b` as `x >= a AND x <= b`.
      Node bounds = b["rexpr"]["List"]["items"];
      bool negated = kind == "AEXPR_NOT_BETWEEN";
      std::optional<Canon> low = binary(negated ? "<" : ">=", b["lexpr"], bounds.at(0), kPredicate);
      std::optional<Canon> high = binary(negated ? ">" : "<=", b["lexpr"], bounds.at(1),
                                         kPredicate);
      if (!low || !high) return std::nullopt;
      std::vector<Canon> parts;
      parts.push_back(std::move(*low));
      parts.push_back(std::move(*high));
      return negated ? flattened("OR", kOr, std::move(parts))
                     : flattened("AND", kAnd, std::move(parts));
    }
    return std::nullopt;
  }

  std::optional<Canon> read_bool(Node b) const {
    std::string_view op = b.str("boolop");
    std::vector<Canon> parts;
    for (Node a : b["args"]) {
      std::optional<Canon> c = read(a);
      if (!c) return std::nullopt;
      parts.push_back(std::move(*c));
    }
    if (op == "AND_EXPR") return flattened("AND", kAnd, std::move(parts));
    if (op == "OR_EXPR") return flattened("OR", kOr, std::move(parts));
    if (op == "NOT_EXPR" && parts.size() == 1) {
      return node(Form::Prefix, "NOT", std::move(parts), kNot);
    }
    return std::nullopt;
  }

  std::optional<Canon> read_boolean_test(Node b) const {
    static const std::pair<std::string_view, std::string_view> kTests[] = {
        {"IS_TRUE", "IS TRUE"},       {"IS_NOT_TRUE", "IS NOT TRUE"},
        {"IS_FALSE", "IS FALSE"},     {"IS_NOT_FALSE", "IS NOT FALSE"},
        {"IS_UNKNOWN", "IS UNKNOWN"}, {"IS_NOT_UNKNOWN", "IS NOT UNKNOWN"},
    };
    for (const auto& [key, head] : kTests) {
      if (b.str("booltesttype") == key) return postfix(b["arg"], std::string(head));
    }
    return std::nullopt;
  }

  std::optional<Canon> read_case(Node b) const {
    Canon c;
    c.form = Form::Case;
    c.head = "CASE";
    if (!b["arg"].missing()) {
      std::optional<Canon> operand = read(b["arg"]);
      if (!operand) return std::nullopt;
      c.args.push_back(std::move(*operand));
      c.has_operand = true;
    }
    for (Node w : b["args"]) {
      Node when = w.as("CaseWhen");
      std::optional<Canon> cond = read(when["expr"]);
      std::optional<Canon> result = read(when["result"]);
      if (!cond || !result) return std::nullopt;
      c.args.push_back(std::move(*cond));
      c.args.push_back(std::move(*result));
    }
    if (!b["defresult"].missing()) {
      std::optional<Canon> otherwise = read(b["defresult"]);
      if (!otherwise) return std::nullopt;
      c.args.push_back(std::move(*otherwise));
      c.has_else = true;
    }
    return c;
  }

  std::optional<Canon> read_array(Node b) const {
    std::vector<Canon> items;
    for (Node e : b["elements"]) {
      std::optional<Canon> c = read(e);
      if (!c) return std::nullopt;
      items.push_back(std::move(*c));
    }
    return node(Form::Array, "ARRAY", std::move(items), kPrimary);
  }

  std::optional<Canon> read_value_function(Node b) const {
    std::string_view op = b.str("op");
    std::string_view name = sql_value_function(op);
    if (name.empty()) return std::nullopt;
    std::string head(name);
    if (op.size() > 2 && op.substr(op.size() - 2) == "_N") {
      head += "(" + std::to_string(b.integer("typmod", 0)) + ")";
    }
    return atom(std::move(head));
  }

  std::string_view text_;
  const CanonicalOptions& options_;
};

}  // namespace

std::string collapse_text(std::string_view text) {
  std::string out;
  bool blank = false;
  for (char ch : text) {
    if (std::isspace(static_cast<unsigned char>(ch))) {
      blank = !out.empty();
      continue;
    }
    if (blank) out += ' ';
    blank = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return out;
}

std::optional<std::string> canonical_expr(std::string_view sql, const CanonicalOptions& options) {
  std::string text = "SELECT " + std::string(sql);
  pgsql::ParsedSql parsed = pgsql::parse(text);
  if (parsed.error || parsed.statements.size() != 1) return std::nullopt;
  const pgsql::Statement& s = parsed.statements[0];
  if (s.kind != "SelectStmt") return std::nullopt;
  // Nothing but one unnamed target: `1 FROM t` or `a, b` is no expression.
  bool only_targets = true;
  s.body.for_each_member([&](std::string_view key, Node) {
    only_targets = only_targets && (key == "targetList" || key == "limitOption" || key == "op");
  });
  Node targets = s.body["targetList"];
  if (!only_targets || targets.size() != 1) return std::nullopt;
  Node target = targets.at(0).as("ResTarget");
  if (target.has("name") || target.has("indirection")) return std::nullopt;
  std::optional<Canon> c = Reader(text, options).read(target["val"]);
  if (!c) return std::nullopt;
  return print(*c, kOr);
}

}  // namespace migrac
