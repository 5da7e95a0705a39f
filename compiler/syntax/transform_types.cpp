// Names and column types.

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <string_view>

#include "compiler/syntax/transform.h"

namespace migrac::syntax {

namespace {

// A portable type name and whether it takes (n) or (p, s).
struct BuiltinType {
  std::string_view name;
  ast::TypeKind kind;
  int max_args;  // 0: none; 1: (n); 2: (p[, s])
};

constexpr std::array<BuiltinType, 20> kBuiltinTypes{{
    {"smallint", ast::TypeKind::SmallInt, 0},   {"int", ast::TypeKind::Int, 0},
    {"bigint", ast::TypeKind::BigInt, 0},       {"real", ast::TypeKind::Real, 0},
    {"double", ast::TypeKind::Double, 0},       {"decimal", ast::TypeKind::Decimal, 2},
    {"numeric", ast::TypeKind::Numeric, 2},     {"bool", ast::TypeKind::Bool, 0},
    {"text", ast::TypeKind::Text, 0},           {"varchar", ast::TypeKind::Varchar, 1},
    {"char", ast::TypeKind::Char, 1},           {"bytes", ast::TypeKind::Bytes, 0},
    {"date", ast::TypeKind::Date, 0},           {"time", ast::TypeKind::Time, 0},
    {"timestamp", ast::TypeKind::Timestamp, 0}, {"timestamptz", ast::TypeKind::Timestamptz, 0},
    {"interval", ast::TypeKind::Interval, 0},   {"uuid", ast::TypeKind::Uuid, 0},
    {"json", ast::TypeKind::Json, 0},           {"jsonb", ast::TypeKind::Jsonb, 0},
}};

const BuiltinType* find_builtin(std::string_view name) {
  for (const BuiltinType& t : kBuiltinTypes) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

std::optional<std::int64_t> parse_whole(std::string_view s) {
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

ast::Ident transform_identifier(Builder& b, P::IdentifierContext* ctx) {
  ast::Ident id;
  id.range = b.range(ctx);
  std::string_view text = b.text(ctx);
  if (ctx->QUOTED_IDENT() == nullptr) {
    id.name = lower(text);
    return id;
  }
  id.quoted = true;
  std::string_view inner = text.size() >= 2 ? text.substr(1, text.size() - 2) : std::string_view{};
  for (std::size_t i = 0; i < inner.size(); ++i) {
    id.name += inner[i];
    if (inner[i] == '"' && i + 1 < inner.size() && inner[i + 1] == '"') ++i;
  }
  if (id.name.empty()) b.report(DiagKind::SyntaxError, id.range, "a quoted name cannot be empty");
  return id;
}

ast::TypeRef transform_type(Builder& b, P::TypeRefContext* ctx) {
  ast::TypeRef type;
  type.range = b.range(ctx);
  if (ctx->K_NATIVE() != nullptr) {
    type.kind = ast::TypeKind::Native;
    if (ctx->QUOTED_IDENT() != nullptr) {
      std::string_view t = b.text(ctx->QUOTED_IDENT());
      std::string_view inner = t.size() >= 2 ? t.substr(1, t.size() - 2) : std::string_view{};
      for (std::size_t i = 0; i < inner.size(); ++i) {
        type.name += inner[i];
        if (inner[i] == '"' && i + 1 < inner.size() && inner[i + 1] == '"') ++i;
      }
    } else {
      type.name = unquote_string(b.text(ctx->STRING()));
      b.report(DiagKind::SyntaxError, b.range(ctx->STRING()),
               "a native type is written in double quotes",
               fmt::format("write 'native \"{}\"'", type.name));
    }
    if (type.name.empty())
      b.report(DiagKind::SyntaxError, type.range, "a native type cannot be empty");
    return type;
  }

  ast::Ident name = transform_identifier(b, ctx->typeName()->identifier());
  const BuiltinType* builtin = name.quoted ? nullptr : find_builtin(name.name);
  if (builtin != nullptr) {
    type.kind = builtin->kind;
  } else {
    type.kind = ast::TypeKind::Enum;
    type.name = name.name;
  }

  std::vector<antlr4::tree::TerminalNode*> args = ctx->NUMBER();
  if (args.empty()) return type;
  int max_args = builtin != nullptr ? builtin->max_args : 0;
  if (static_cast<int>(args.size()) > max_args) {
    std::string what = max_args == 0 ? "takes no arguments"
                                     : (max_args == 1 ? "takes one argument, its length"
                                                      : "takes at most two arguments");
    b.report(DiagKind::InvalidTypeArguments,
             b.range(ctx->LPAREN()->getSymbol(), ctx->RPAREN()->getSymbol()),
             fmt::format("type '{}' {}", name.name, what));
    return type;
  }
  std::vector<std::int64_t> values;
  for (antlr4::tree::TerminalNode* n : args) {
    std::optional<std::int64_t> v = parse_whole(b.text(n));
    if (!v || *v > 2147483647) {
      b.report(DiagKind::InvalidNumber, b.range(n),
               fmt::format("'{}' is not a valid argument of type '{}': a whole number is needed",
                           b.text(n), name.name));
      return type;
    }
    values.push_back(*v);
  }
  type.length = values[0];
  if (values.size() > 1) type.scale = values[1];
  return type;
}

}  // namespace migrac::syntax
