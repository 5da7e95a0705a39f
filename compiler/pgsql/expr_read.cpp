#include "compiler/pgsql/expr_read.h"

#include <cctype>
#include <string>
#include <vector>

#include "compiler/pgsql/parse.h"

namespace migrac::pgsql {

namespace {

using Opt = std::optional<ast::Expr>;

ast::Expr leaf(ast::ExprKind kind, std::string text) {
  ast::Expr e;
  e.kind = kind;
  e.text = std::move(text);
  return e;
}

ast::Expr with_args(ast::ExprKind kind, std::string text, std::vector<ast::Expr> args) {
  ast::Expr e = leaf(kind, std::move(text));
  e.args = std::move(args);
  return e;
}

bool is_language_operator(std::string_view op) {
  static const std::string_view kOps[] = {
      "=", "<>", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "||"};
  for (std::string_view o : kOps) {
    if (o == op) return true;
  }
  return false;
}

// Type names whose cast of a string constant (or of a column, for text) a
// catalog adds on its own.
bool is_string_type(std::string_view name) {
  return name == "text" || name == "varchar" || name == "bpchar" || name == "char" ||
         name == "name";
}

bool is_numeric_type(std::string_view name) {
  return name == "numeric" || name == "int2" || name == "int4" || name == "int8" ||
         name == "float4" || name == "float8";
}

// `-1`, `2.5`: a number as the language writes one.
bool is_number(std::string_view t) {
  std::size_t i = t.size() > 1 && t[0] == '-' ? 1 : 0;
  bool digits = false, dot = false;
  for (; i < t.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(t[i]))) digits = true;
    else if (t[i] == '.' && !dot) dot = true;
    else return false;
  }
  return digits;
}

// Reads a parse tree of `SELECT <expr>`; `text` is that text (for negative
// integer constants, which libpg_query 15's JSON leaves without a value).
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  Opt read(Node wrapper) const {
    std::string_view k = wrapper.kind();
    Node b = wrapper.body();
    if (k == "A_Const") return read_const(b);
    if (k == "ColumnRef") return read_column(b);
    if (k == "TypeCast") return read_cast(b);
    if (k == "FuncCall") return read_call(b);
    if (k == "A_Expr") return read_a_expr(b);
    if (k == "BoolExpr") return read_bool(b);
    if (k == "NullTest") {
      Opt arg = read(b["arg"]);
      if (!arg) return std::nullopt;
      ast::Expr e = with_args(ast::ExprKind::IsNull, "", {std::move(*arg)});
      e.negated = b.str("nulltesttype") == "IS_NOT_NULL";
      return e;
    }
    if (k == "CoalesceExpr") return call("coalesce", b["args"]);
    if (k == "CaseExpr") return read_case(b);
    return std::nullopt;
  }

 private:
  Opt read_const(Node b) const {
    if (b.flag("isnull")) return leaf(ast::ExprKind::Null, "");
    if (b.has("sval")) return leaf(ast::ExprKind::String, std::string(b["sval"].str("sval")));
    if (b.has("fval")) return leaf(ast::ExprKind::Number, std::string(b["fval"].str("fval")));
    if (b.has("boolval"))
      return leaf(ast::ExprKind::Bool, b["boolval"].flag("boolval") ? "true" : "false");
    if (b.has("ival")) {
      Node v = b["ival"];
      if (v.has("ival")) return leaf(ast::ExprKind::Number, std::to_string(v.integer("ival", 0)));
      return integer_at(b.location());
    }
    return std::nullopt;
  }

  // The integer literal written at `location`: `0`, `-1`.
  Opt integer_at(long location) const {
    if (location < 0 || static_cast<std::size_t>(location) >= text_.size()) return std::nullopt;
    std::size_t i = static_cast<std::size_t>(location);
    std::string value;
    if (text_[i] == '-') {
      value = "-";
      ++i;
    }
    std::size_t start = i;
    while (i < text_.size() && std::isdigit(static_cast<unsigned char>(text_[i]))) ++i;
    if (i == start) return std::nullopt;
    return leaf(ast::ExprKind::Number, value + std::string(text_.substr(start, i - start)));
  }

  Opt read_column(Node b) const {
    Node fields = b["fields"];
    if (fields.size() != 1 || fields.at(0).kind() == "A_Star") return std::nullopt;
    return leaf(ast::ExprKind::Column, std::string(string_value(fields.at(0))));
  }

  Opt read_cast(Node b) const {
    Opt arg = read(b["arg"]);
    if (!arg) return std::nullopt;
    Node type = b["typeName"];
    if (!type["arrayBounds"].missing()) return std::nullopt;
    Node names = type["names"];
    std::string name = last_name(names);
    bool user_type = names.size() == 1 && !is_string_type(name) && !is_numeric_type(name);
    switch (arg->kind) {
      case ast::ExprKind::String:
        if (is_string_type(name) || user_type) return arg;
        // A negative default is kept as '-1'::integer.
        if (is_numeric_type(name) && is_number(arg->text))
          return leaf(ast::ExprKind::Number, arg->text);
        return std::nullopt;
      case ast::ExprKind::Number:
        if (is_numeric_type(name)) return arg;
        return std::nullopt;
      case ast::ExprKind::Bool:
        if (name == "bool") return arg;
        return std::nullopt;
      case ast::ExprKind::Column:
        if (name == "text") return arg;
        return std::nullopt;
      default: return std::nullopt;
    }
  }

  Opt call(std::string name, Node args_node) const {
    std::vector<ast::Expr> args;
    for (Node a : args_node) {
      Opt e = read(a);
      if (!e) return std::nullopt;
      args.push_back(std::move(*e));
    }
    return with_args(ast::ExprKind::Call, std::move(name), std::move(args));
  }

  Opt read_call(Node b) const {
    if (b.has("agg_order") || b.has("over") || b.has("agg_filter") || b.flag("agg_within_group") ||
        b.flag("func_variadic") || b.flag("agg_star") || b.flag("agg_distinct")) {
      return std::nullopt;
    }
    Node parts = b["funcname"];
    std::string_view first = parts.size() == 2 ? string_value(parts.at(0)) : "";
    if (parts.size() > 2 || (parts.size() == 2 && first != "pg_catalog")) return std::nullopt;
    std::string name(string_value(parts.back()));
    for (char c : name) {
      if (!(std::islower(static_cast<unsigned char>(c)) || c == '_' ||
            std::isdigit(static_cast<unsigned char>(c)))) {
        return std::nullopt;
      }
    }
    return call(std::move(name), b["args"]);
  }

  Opt binary(std::string op, Node left, Node right) const {
    Opt l = read(left);
    Opt r = read(right);
    if (!l || !r) return std::nullopt;
    std::vector<ast::Expr> args;
    args.push_back(std::move(*l));
    args.push_back(std::move(*r));
    return with_args(ast::ExprKind::Binary, std::move(op), std::move(args));
  }

  Opt in_list(Node subject, Node items, bool negated) const {
    Opt s = read(subject);
    if (!s) return std::nullopt;
    std::vector<ast::Expr> args;
    args.push_back(std::move(*s));
    for (Node item : items) {
      Opt e = read(item);
      if (!e) return std::nullopt;
      args.push_back(std::move(*e));
    }
    ast::Expr e = with_args(ast::ExprKind::In, "", std::move(args));
    e.negated = negated;
    return e;
  }

  Opt read_a_expr(Node b) const {
    std::string_view kind = b.str("kind");
    std::string op = last_name(b["name"]);
    if (kind == "AEXPR_LIKE" || (kind == "AEXPR_OP" && (op == "~~" || op == "!~~"))) {
      Opt e = binary("", b["lexpr"], b["rexpr"]);
      if (!e || (op != "~~" && op != "!~~")) return std::nullopt;
      e->kind = ast::ExprKind::Like;
      e->negated = op == "!~~";
      return e;
    }
    if (kind == "AEXPR_OP") {
      if (!is_language_operator(op)) return std::nullopt;
      if (b["lexpr"].missing()) {
        if (op != "-" && op != "+") return std::nullopt;
        Opt arg = read(b["rexpr"]);
        if (!arg) return std::nullopt;
        return with_args(ast::ExprKind::Unary, op, {std::move(*arg)});
      }
      return binary(op, b["lexpr"], b["rexpr"]);
    }
    if (kind == "AEXPR_IN") return in_list(b["lexpr"], b["rexpr"]["List"]["items"], op == "<>");
    if (kind == "AEXPR_OP_ANY" || kind == "AEXPR_OP_ALL") {
      // `x = ANY (ARRAY[a, b])` is `x in (a, b)`; `x <> ALL (ARRAY[...])` is not in.
      bool any = kind == "AEXPR_OP_ANY";
      Node array = b["rexpr"].as("A_ArrayExpr");
      if (array.missing() || !((any && op == "=") || (!any && op == "<>"))) return std::nullopt;
      return in_list(b["lexpr"], array["elements"], !any);
    }
    if (kind == "AEXPR_BETWEEN" || kind == "AEXPR_NOT_BETWEEN") {
      Node bounds = b["rexpr"]["List"]["items"];
      Opt subject = read(b["lexpr"]);
      Opt low = read(bounds.at(0));
      Opt high = read(bounds.at(1));
      if (!subject || !low || !high) return std::nullopt;
      ast::Expr e = with_args(ast::ExprKind::Between, "",
                              {std::move(*subject), std::move(*low), std::move(*high)});
      e.negated = kind == "AEXPR_NOT_BETWEEN";
      return e;
    }
    return std::nullopt;
  }

  Opt read_bool(Node b) const {
    std::string_view op = b.str("boolop");
    std::vector<ast::Expr> parts;
    for (Node a : b["args"]) {
      Opt e = read(a);
      if (!e) return std::nullopt;
      parts.push_back(std::move(*e));
    }
    if (op == "NOT_EXPR") {
      if (parts.size() != 1) return std::nullopt;
      return with_args(ast::ExprKind::Unary, "not", std::move(parts));
    }
    if (parts.size() < 2 || (op != "AND_EXPR" && op != "OR_EXPR")) return std::nullopt;
    std::string word = op == "AND_EXPR" ? "and" : "or";
    ast::Expr out = std::move(parts[0]);
    for (std::size_t i = 1; i < parts.size(); ++i) {
      std::vector<ast::Expr> args;
      args.push_back(std::move(out));
      args.push_back(std::move(parts[i]));
      out = with_args(ast::ExprKind::Binary, word, std::move(args));
    }
    return out;
  }

  Opt read_case(Node b) const {
    if (!b["arg"].missing()) return std::nullopt;  // CASE x WHEN ...: the language has none
    std::vector<ast::Expr> args;
    for (Node w : b["args"]) {
      Node when = w.as("CaseWhen");
      Opt cond = read(when["expr"]);
      Opt result = read(when["result"]);
      if (!cond || !result) return std::nullopt;
      args.push_back(std::move(*cond));
      args.push_back(std::move(*result));
    }
    bool has_else = !b["defresult"].missing();
    if (has_else) {
      Opt e = read(b["defresult"]);
      if (!e) return std::nullopt;
      args.push_back(std::move(*e));
    }
    ast::Expr e = with_args(ast::ExprKind::Case, "", std::move(args));
    e.has_else = has_else;
    return e;
  }

  std::string_view text_;
};

}  // namespace

std::optional<ast::Expr> read_expression(std::string_view sql) {
  std::string text = "SELECT " + std::string(sql);
  ParsedSql parsed = parse(text);
  if (parsed.error || parsed.statements.size() != 1) return std::nullopt;
  Node select = parsed.statements[0].body;
  Node targets = select["targetList"];
  if (targets.size() != 1 || select.has("fromClause") || select.has("whereClause"))
    return std::nullopt;
  return Reader(text).read(targets.at(0).as("ResTarget")["val"]);
}

}  // namespace migrac::pgsql
