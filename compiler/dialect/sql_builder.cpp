#include "compiler/dialect/sql_builder.h"

#include <algorithm>

#include <fmt/format.h>

namespace migrac {

namespace {

// Binding strength of an expression, lowest first. Every comparison-like
// predicate (=, IS, LIKE, IN, BETWEEN) shares one level and takes only
// arithmetic or simpler operands without parentheses, which reads the same in
// every dialect whatever its finer precedence rules.
enum Precedence : int {
  kRaw = 0,  // an opaque `sql $$...$$` expression: parenthesized wherever nested
  kOr = 1,
  kAnd = 2,
  kNot = 3,
  kPredicate = 4,
  kConcat = 5,
  kAdditive = 6,
  kMultiplicative = 7,
  kUnary = 8,
  kPrimary = 9,
};

// A binary operator: its SQL spelling and binding strength.
struct BinaryOp {
  std::string_view sql;
  int precedence;
};

BinaryOp binary_op(std::string_view op) {
  if (op == "or") return {"OR", kOr};
  if (op == "and") return {"AND", kAnd};
  if (op == "!=" || op == "<>") return {"<>", kPredicate};
  if (op == "=" || op == "<" || op == "<=" || op == ">" || op == ">=") return {op, kPredicate};
  if (op == "||") return {"||", kConcat};
  if (op == "+" || op == "-") return {op, kAdditive};
  if (op == "*" || op == "/" || op == "%") return {op, kMultiplicative};
  return {op, kPredicate};  // an operator this builder does not know: bind loosely
}

int precedence_of(const ast::Expr& e) {
  switch (e.kind) {
    case ast::ExprKind::Number:
      return !e.text.empty() && (e.text[0] == '-' || e.text[0] == '+') ? kUnary : kPrimary;
    case ast::ExprKind::String:
    case ast::ExprKind::Bool:
    case ast::ExprKind::Null:
    case ast::ExprKind::Column:
    case ast::ExprKind::Call:
    case ast::ExprKind::Case:
    case ast::ExprKind::Cast:
    case ast::ExprKind::Paren: return kPrimary;
    case ast::ExprKind::Unary: return e.text == "not" ? kNot : kUnary;
    case ast::ExprKind::Binary: return binary_op(e.text).precedence;
    case ast::ExprKind::IsNull:
    case ast::ExprKind::Like:
    case ast::ExprKind::In:
    case ast::ExprKind::Between: return kPredicate;
    case ast::ExprKind::RawSql: return kRaw;
  }
  return kRaw;
}

bool is_bare_char(char c, bool first, bool upper_ok) {
  if (c == '_' || (c >= 'a' && c <= 'z')) return true;
  if (upper_ok && c >= 'A' && c <= 'Z') return true;
  return !first && c >= '0' && c <= '9';
}

std::string replace_all(std::string_view text, std::string_view from, std::string_view to) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    std::size_t hit = text.find(from, pos);
    if (hit == std::string_view::npos) break;
    out.append(text.substr(pos, hit - pos));
    out.append(to);
    pos = hit + from.size();
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace

std::string_view ref_action_sql(ast::RefAction action) {
  switch (action) {
    case ast::RefAction::NoAction: return "NO ACTION";
    case ast::RefAction::Restrict: return "RESTRICT";
    case ast::RefAction::Cascade: return "CASCADE";
    case ast::RefAction::SetNull: return "SET NULL";
    case ast::RefAction::SetDefault: return "SET DEFAULT";
  }
  return "NO ACTION";
}

std::string SqlBuilder::ident(std::string_view name) const {
  bool bare = !name.empty();
  for (std::size_t i = 0; bare && i < name.size(); ++i) {
    bare = is_bare_char(name[i], i == 0, s_.bare_upper_ok);
  }
  if (bare) {
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    bare = !std::binary_search(s_.reserved.begin(), s_.reserved.end(), std::string_view(lower));
  }
  if (bare) return std::string(name);
  std::string escaped = replace_all(name, s_.quote_close, fmt::format("{0}{0}", s_.quote_close));
  return fmt::format("{}{}{}", s_.quote_open, escaped, s_.quote_close);
}

std::string SqlBuilder::idents(const std::vector<std::string>& names) const {
  std::string out;
  for (const std::string& n : names) {
    if (!out.empty()) out += ", ";
    out += ident(n);
  }
  return out;
}

std::string SqlBuilder::string_literal(std::string_view value) const {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'') out += '\'';
    if (c == '\\' && s_.backslash_escapes) out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

std::string SqlBuilder::type(const ast::TypeRef& t) const {
  if (t.array) {
    // Only a dialect with arrays gets here (see Capabilities::arrays).
    ast::TypeRef element = t;
    element.array = false;
    return type(element) + "[]";
  }
  if (t.kind == ast::TypeKind::Native || t.kind == ast::TypeKind::Postgres) return t.name;
  if (t.kind == ast::TypeKind::Enum && s_.enum_is_named_type) return ident(t.name);
  const TypeSpelling& sp = s_.types[static_cast<std::size_t>(t.kind)];
  if (t.length && t.scale && !sp.with_length_scale.empty()) {
    return fmt::format(fmt::runtime(sp.with_length_scale), *t.length, *t.scale);
  }
  if (t.length && !sp.with_length.empty()) {
    return fmt::format(fmt::runtime(sp.with_length), *t.length);
  }
  return std::string(sp.bare);
}

const FunctionSpelling* SqlBuilder::function(std::string_view name) const {
  for (const FunctionSpelling& f : s_.functions) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::string SqlBuilder::render_call(const ast::Expr& e) const {
  std::string name = e.text;
  if (const FunctionSpelling* f = function(e.text)) {
    if (f->keyword && e.args.empty()) return std::string(f->replacement);
    name = f->replacement;
  }
  std::string args;
  for (const ast::Expr& a : e.args) {
    if (!args.empty()) args += ", ";
    args += render(a, kOr);
  }
  return fmt::format("{}({})", name, args);
}

std::string SqlBuilder::render(const ast::Expr& e, int min_precedence) const {
  std::string out;
  int prec = precedence_of(e);
  switch (e.kind) {
    case ast::ExprKind::String: out = string_literal(e.text); break;
    case ast::ExprKind::Number: out = e.text; break;
    case ast::ExprKind::Bool:
      out = std::string(e.text == "true" ? s_.true_literal : s_.false_literal);
      break;
    case ast::ExprKind::Null: out = "NULL"; break;
    case ast::ExprKind::Column: out = ident(e.text); break;
    case ast::ExprKind::Call: out = render_call(e); break;
    case ast::ExprKind::Unary: {
      if (e.text == "not") {
        // `NOT a = b` means NOT (a = b) everywhere, but reads ambiguously: say it.
        out = "NOT " + render(e.args[0], kPredicate + 1);
        break;
      }
      std::string operand = render(e.args[0], kUnary);
      // `- -1` must never become `--1`, which is a comment.
      if (!operand.empty() && (operand[0] == '-' || operand[0] == '+'))
        operand = "(" + operand + ")";
      out = e.text + operand;
      break;
    }
    case ast::ExprKind::Binary: {
      BinaryOp op = binary_op(e.text);
      if (op.precedence == kConcat && !s_.concat_function.empty()) {
        out = fmt::format("{}({}, {})", s_.concat_function, render(e.args[0], kOr),
                          render(e.args[1], kOr));
        prec = kPrimary;
        break;
      }
      // Predicates do not chain; the others associate to the left.
      int left_min = op.precedence == kPredicate ? op.precedence + 1 : op.precedence;
      out = fmt::format("{} {} {}", render(e.args[0], left_min), op.sql,
                        render(e.args[1], op.precedence + 1));
      break;
    }
    case ast::ExprKind::IsNull:
      out = fmt::format("{} IS {}NULL", render(e.args[0], kPredicate + 1), e.negated ? "NOT " : "");
      break;
    case ast::ExprKind::Like:
      out = fmt::format("{} {}LIKE {}", render(e.args[0], kPredicate + 1), e.negated ? "NOT " : "",
                        render(e.args[1], kPredicate + 1));
      break;
    case ast::ExprKind::In: {
      std::string items;
      for (std::size_t i = 1; i < e.args.size(); ++i) {
        if (!items.empty()) items += ", ";
        items += render(e.args[i], kOr);
      }
      out = fmt::format("{} {}IN ({})", render(e.args[0], kPredicate + 1), e.negated ? "NOT " : "",
                        items);
      break;
    }
    case ast::ExprKind::Between:
      out = fmt::format("{} {}BETWEEN {} AND {}", render(e.args[0], kPredicate + 1),
                        e.negated ? "NOT " : "", render(e.args[1], kPredicate + 1),
                        render(e.args[2], kPredicate + 1));
      break;
    case ast::ExprKind::Case: {
      out = "CASE";
      std::size_t pairs_end = e.has_else ? e.args.size() - 1 : e.args.size();
      for (std::size_t i = 0; i + 2 <= pairs_end; i += 2) {
        out += fmt::format(" WHEN {} THEN {}", render(e.args[i], kOr), render(e.args[i + 1], kOr));
      }
      if (e.has_else) out += " ELSE " + render(e.args.back(), kOr);
      out += " END";
      break;
    }
    case ast::ExprKind::Cast:
      out = fmt::format("CAST({} AS {})", render(e.args[0], kOr),
                        e.type ? type(*e.type) : std::string("text"));
      break;
    case ast::ExprKind::Paren: out = "(" + render(e.args[0], kRaw) + ")"; break;
    case ast::ExprKind::RawSql: out = e.text; break;
  }
  if (prec < min_precedence) return "(" + out + ")";
  return out;
}

std::string SqlBuilder::expr(const ast::Expr& e, ExprContext context) const {
  switch (context) {
    case ExprContext::Top: return render(e, kRaw);
    case ExprContext::Default: return render(e, kConcat);
    case ExprContext::Operand: return render(e, kNot);
  }
  return render(e, kRaw);
}

std::string SqlBuilder::distinct_from(const ast::Expr& a, const ast::Expr& b) const {
  return fmt::format(fmt::runtime(s_.distinct_from), render(a, kPredicate + 1),
                     render(b, kPredicate + 1));
}

std::string SqlBuilder::index_element(const ast::Expr& e) const {
  if (e.kind == ast::ExprKind::Column || e.kind == ast::ExprKind::Paren) return render(e, kRaw);
  if (e.kind == ast::ExprKind::Call) {
    const FunctionSpelling* f = function(e.text);
    if (f == nullptr || !f->keyword) return render(e, kRaw);
  }
  return "(" + render(e, kRaw) + ")";
}

std::string SqlBuilder::column_def(const model::Column& c) const {
  std::string out = fmt::format("{} {}", ident(c.name), type(c.type));
  if (c.generated) out += " GENERATED ALWAYS AS (" + expr(*c.generated) + ") STORED";
  if (c.not_null) out += " NOT NULL";
  if (c.default_value) out += " DEFAULT " + expr(*c.default_value, ExprContext::Default);
  if (c.identity && !s_.identity_clause.empty()) out += fmt::format(" {}", s_.identity_clause);
  return out;
}

std::string SqlBuilder::constraint_body(const model::Constraint& c) const {
  switch (c.kind) {
    case ast::ConstraintKind::PrimaryKey: return fmt::format("PRIMARY KEY ({})", idents(c.columns));
    case ast::ConstraintKind::Unique: return fmt::format("UNIQUE ({})", idents(c.columns));
    case ast::ConstraintKind::ForeignKey: {
      std::string out = fmt::format("FOREIGN KEY ({}) REFERENCES {} ({})", idents(c.columns),
                                    ident(c.ref_table), idents(c.ref_columns));
      if (c.on_delete != ast::RefAction::NoAction) {
        out += fmt::format(" ON DELETE {}", ref_action_sql(c.on_delete));
      }
      if (c.on_update != ast::RefAction::NoAction) {
        out += fmt::format(" ON UPDATE {}", ref_action_sql(c.on_update));
      }
      return out;
    }
    case ast::ConstraintKind::Check:
      return fmt::format("CHECK ({})", c.check ? expr(*c.check) : std::string("TRUE"));
  }
  return {};
}

std::string SqlBuilder::constraint_def(const model::Constraint& c) const {
  return fmt::format("CONSTRAINT {} {}", ident(c.name), constraint_body(c));
}

}  // namespace migrac
