// Declared types and default texts of SQLite's catalog mapped back to the
// model: the type names the emitter writes (types.cpp) and their usual
// synonyms as portable types, and defaults as the expressions the checker
// holds where the text is one it writes (a literal, CURRENT_TIMESTAMP, a
// call of columns and literals), so that the emitter writes them back alike.

#include <algorithm>
#include <cctype>
#include <charconv>
#include <utility>

#include "compiler/dialect/sqlite/catalog_text.h"

namespace migrac::sqlite {

namespace {

// A declared type name (upper case, words joined by one blank) and whether
// it takes a length (1) or a precision and scale (2).
struct KnownType {
  std::string_view name;
  ast::TypeKind kind;
  int parameters;
};

constexpr KnownType kKnownTypes[] = {
    {"INTEGER", ast::TypeKind::Int, 0},
    {"INT", ast::TypeKind::Int, 0},
    {"INT4", ast::TypeKind::Int, 0},
    {"BIGINT", ast::TypeKind::BigInt, 0},
    {"INT8", ast::TypeKind::BigInt, 0},
    {"SMALLINT", ast::TypeKind::SmallInt, 0},
    {"INT2", ast::TypeKind::SmallInt, 0},
    {"BOOLEAN", ast::TypeKind::Bool, 0},
    {"BOOL", ast::TypeKind::Bool, 0},
    {"REAL", ast::TypeKind::Real, 0},
    {"FLOAT4", ast::TypeKind::Real, 0},
    {"DOUBLE", ast::TypeKind::Double, 0},
    {"DOUBLE PRECISION", ast::TypeKind::Double, 0},
    {"FLOAT", ast::TypeKind::Double, 0},
    {"FLOAT8", ast::TypeKind::Double, 0},
    {"DECIMAL", ast::TypeKind::Decimal, 2},
    {"NUMERIC", ast::TypeKind::Numeric, 2},
    {"TEXT", ast::TypeKind::Text, 0},
    {"VARCHAR", ast::TypeKind::Varchar, 1},
    {"CHARACTER VARYING", ast::TypeKind::Varchar, 1},
    {"CHAR", ast::TypeKind::Char, 1},
    {"CHARACTER", ast::TypeKind::Char, 1},
    {"BLOB", ast::TypeKind::Bytes, 0},
    {"BYTEA", ast::TypeKind::Bytes, 0},
    {"DATE", ast::TypeKind::Date, 0},
    {"TIME", ast::TypeKind::Time, 0},
    {"TIMESTAMP", ast::TypeKind::Timestamp, 0},
    {"DATETIME", ast::TypeKind::Timestamp, 0},
    {"TIMESTAMPTZ", ast::TypeKind::Timestamptz, 0},
    {"TIMESTAMP WITH TIME ZONE", ast::TypeKind::Timestamptz, 0},
    {"INTERVAL", ast::TypeKind::Interval, 0},
    {"UUID", ast::TypeKind::Uuid, 0},
    {"JSON", ast::TypeKind::Json, 0},
    {"JSONB", ast::TypeKind::Jsonb, 0},
};

std::string upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
  return s;
}

std::optional<std::int64_t> integer(const Token& t) {
  if (t.kind != TokenKind::Number) return std::nullopt;
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
  if (ec != std::errc() || end != t.text.data() + t.text.size()) return std::nullopt;
  return v;
}

ast::Expr make(ast::ExprKind kind, std::string text, std::vector<ast::Expr> args = {}) {
  ast::Expr e;
  e.kind = kind;
  e.text = std::move(text);
  e.args = std::move(args);
  return e;
}

ast::Expr raw(std::string_view text) { return make(ast::ExprKind::RawSql, std::string(text)); }

// Tokens [a, b) in parentheses that match each other.
bool wrapped(const std::vector<Token>& t, std::size_t a, std::size_t b) {
  if (b - a < 2 || !t[a].is("(") || !t[b - 1].is(")")) return false;
  int depth = 0;
  for (std::size_t i = a; i < b; ++i) {
    if (t[i].is("(")) ++depth;
    if (t[i].is(")")) --depth;
    if (depth == 0 && i + 1 < b) return false;
  }
  return true;
}

// Tokens [a, b) as an expression the checker writes: a literal,
// CURRENT_TIMESTAMP, a column, or a call of those; nullopt otherwise.
std::optional<ast::Expr> simple(const std::vector<Token>& t, std::size_t a, std::size_t b) {
  if (a >= b) return std::nullopt;
  if (b - a == 1) {
    const Token& only = t[a];
    switch (only.kind) {
      case TokenKind::String: return make(ast::ExprKind::String, only.text);
      case TokenKind::Number: return make(ast::ExprKind::Number, only.text);
      case TokenKind::Quoted: return make(ast::ExprKind::Column, only.text);
      case TokenKind::Word:
        if (only.is_word("NULL")) return make(ast::ExprKind::Null, "");
        if (only.is_word("TRUE")) return make(ast::ExprKind::Bool, "true");
        if (only.is_word("FALSE")) return make(ast::ExprKind::Bool, "false");
        if (only.is_word("CURRENT_TIMESTAMP")) return make(ast::ExprKind::Call, "now");
        if (only.is_word("CURRENT_DATE") || only.is_word("CURRENT_TIME")) return std::nullopt;
        return make(ast::ExprKind::Column, only.text);
      default: return std::nullopt;
    }
  }
  if (b - a == 2 && (t[a].is("-") || t[a].is("+")) && t[a + 1].kind == TokenKind::Number)
    return make(ast::ExprKind::Number, t[a].text + t[a + 1].text);
  // name ( args ): a call over the whole range.
  if (t[a].kind != TokenKind::Word || !wrapped(t, a + 1, b)) return std::nullopt;
  std::vector<ast::Expr> args;
  std::size_t start = a + 2;
  int depth = 0;
  for (std::size_t i = a + 2; i + 1 < b; ++i) {
    if (t[i].is("(")) ++depth;
    if (t[i].is(")")) --depth;
    bool last = i + 2 == b;
    if ((depth == 0 && t[i].is(",")) || last) {
      std::size_t end = t[i].is(",") ? i : i + 1;
      std::optional<ast::Expr> arg = simple(t, start, end);
      if (!arg) return std::nullopt;
      args.push_back(std::move(*arg));
      start = i + 1;
    }
  }
  return make(ast::ExprKind::Call, lower(t[a].text), std::move(args));
}

}  // namespace

ast::TypeRef declared_type(std::string_view declared) {
  ast::TypeRef type;
  type.kind = ast::TypeKind::Native;
  type.name = std::string(trim(declared));
  std::vector<Token> t = tokenize(declared);
  std::string name;
  std::size_t i = 0;
  for (; i < t.size() && t[i].kind == TokenKind::Word; ++i)
    name += (name.empty() ? "" : " ") + upper(t[i].text);
  std::vector<std::int64_t> params;
  if (i < t.size()) {
    if (!t[i].is("(") || !t.back().is(")") || i + 2 > t.size()) return type;
    for (std::size_t j = i + 1; j + 1 < t.size(); j += 2) {
      std::optional<std::int64_t> v = integer(t[j]);
      if (!v) return type;
      params.push_back(*v);
      if (j + 2 < t.size() && !t[j + 1].is(",")) return type;
    }
    if (params.empty()) return type;
  }
  for (const KnownType& k : kKnownTypes) {
    if (k.name != name) continue;
    if (static_cast<int>(params.size()) > k.parameters) return type;
    type.kind = k.kind;
    type.name.clear();
    if (!params.empty()) type.length = params[0];
    if (params.size() > 1) type.scale = params[1];
    return type;
  }
  return type;
}

ast::Expr default_value(std::string_view text) {
  text = trim(text);
  ast::Expr e = expression(text);
  if (e.kind == ast::ExprKind::Column) return raw(text);  // a name is no column in a default
  return e;
}

ast::Expr expression(std::string_view text) {
  text = trim(text);
  std::vector<Token> t = tokenize(text);
  if (!t.empty() && wrapped(t, 0, t.size()))
    return expression(text.substr(t[0].end, t.back().begin - t[0].end));
  if (std::optional<ast::Expr> e = simple(t, 0, t.size())) return *e;
  return raw(text);
}

}  // namespace migrac::sqlite
