// Names and column types.

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <string_view>

#include "compiler/ast/type_names.h"
#include "compiler/syntax/transform.h"

namespace migrac::syntax {

namespace {

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

ast::TypeRef transform_type(Builder& b, P::TypeRefContext* ctx, bool* serial) {
  ast::TypeRef type;
  type.range = b.range(ctx);
  type.array = !ctx->arraySuffix().empty();
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

  P::TypeNameContext* type_name = ctx->typeName();
  ast::Ident name = transform_identifier(b, type_name->identifier());
  if (P::TypeNameWordContext* second = type_name->typeNameWord())
    name.name += second->K_PRECISION() != nullptr ? " precision" : " varying";
  const ast::TypeWord* word = name.quoted ? nullptr : ast::find_type_word(name.name);
  if (word != nullptr) {
    type.kind = word->kind;
    type.name = std::string(word->postgres);
  } else if (name.name.find(' ') != std::string::npos) {
    b.report(DiagKind::SyntaxError, b.range(type_name), fmt::format("unknown type '{}'", name.name),
             "write 'double precision', 'character varying(n)' or a type of one word");
    type.kind = ast::TypeKind::Text;  // reported: one error for the type
  } else {
    type.kind = ast::TypeKind::Enum;
    type.name = name.name;
  }
  if (word != nullptr && word->serial) {
    if (serial != nullptr && !type.array) {
      *serial = true;
    } else {
      b.report(DiagKind::SyntaxError, b.range(type_name),
               fmt::format("'{}' is a shorthand of a column definition, not a type", name.name),
               fmt::format("write '{}'", ast::canonical_type_word(type.kind, {})));
    }
  }

  if (P::TimeZoneContext* zone = ctx->timeZone()) {
    bool with = zone->K_WITH() != nullptr;
    if (type.kind == ast::TypeKind::Timestamp || type.kind == ast::TypeKind::Timestamptz) {
      if (type.kind == ast::TypeKind::Timestamptz && !with) {
        b.report(DiagKind::SyntaxError, b.range(zone),
                 "'timestamptz' is already 'timestamp with time zone'", "write 'timestamp'");
      }
      type.kind = with ? ast::TypeKind::Timestamptz : ast::TypeKind::Timestamp;
    } else if (type.kind == ast::TypeKind::Time && word != nullptr) {
      if (with) {
        type.kind = ast::TypeKind::Postgres;
        type.name = "timetz";
      }
    } else {
      b.report(DiagKind::SyntaxError, b.range(zone),
               fmt::format("'{}' takes no time zone clause: only 'time' and 'timestamp' do",
                           b.text(type_name)));
    }
  }

  std::vector<antlr4::tree::TerminalNode*> args = ctx->NUMBER();
  if (args.empty()) return type;
  int max_args = word != nullptr ? word->max_args : 0;
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
