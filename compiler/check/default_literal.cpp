// A literal default the column's type cannot hold: `int default 'abc'`,
// `bool default 1`, `varchar(3) default 'abcd'`. Only literals are judged,
// and only where every dialect would refuse them at upgrade.
#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <string_view>

#include "compiler/check/checker.h"

namespace migrac {

namespace {

using K = ast::TypeKind;

bool is_integer_kind(K k) { return k == K::SmallInt || k == K::Int || k == K::BigInt; }

bool is_number_kind(K k) {
  return is_integer_kind(k) || k == K::Real || k == K::Double || k == K::Decimal || k == K::Numeric;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A number as PostgreSQL's input functions read one: sign, digits, a
// fraction, an exponent (integers: sign and digits only), or a special word.
bool reads_as_number(std::string_view s, bool integer) {
  s = trimmed(s);
  if (!integer) {
    std::string w = lowered(s);
    if (w == "nan" || w == "infinity" || w == "-infinity" || w == "+infinity" || w == "inf" ||
        w == "-inf" || w == "+inf")
      return true;
  }
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  if (!integer && i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (!integer && i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t exp = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++exp;
    if (exp == 0) return false;
  }
  return i == s.size();
}

// PostgreSQL's boolean input: a prefix of true, false, yes, no; on, off; 1, 0.
bool reads_as_bool(std::string_view s) {
  std::string w = lowered(trimmed(s));
  if (w.empty()) return false;
  if (w == "1" || w == "0" || w == "on" || w == "of" || w == "off") return true;
  for (std::string_view word : {"true", "false", "yes", "no"})
    if (word.substr(0, w.size()) == w) return true;
  return false;
}

// A uuid: 32 hex digits, optionally in braces, hyphens between groups of four.
bool reads_as_uuid(std::string_view s) {
  s = trimmed(s);
  if (s.size() >= 2 && s.front() == '{' && s.back() == '}') s = s.substr(1, s.size() - 2);
  int hex = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (std::isxdigit(static_cast<unsigned char>(s[i]))) {
      ++hex;
    } else if (s[i] != '-' || hex == 0 || hex % 4 != 0 || i + 1 == s.size()) {
      return false;
    }
  }
  return hex == 32;
}

// Whether the whole number `text` fits the integer kind.
bool fits(std::string_view text, K k) {
  text = trimmed(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec == std::errc::result_out_of_range) return false;
  if (ec != std::errc() || end != text.data() + text.size()) return true;  // not whole: rounded
  if (k == K::SmallInt) return v >= -32768 && v <= 32767;
  if (k == K::Int) return v >= -2147483648LL && v <= 2147483647LL;
  return true;
}

// Characters of UTF-8 text (bytes that do not continue a sequence).
std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

const char* literal_word(ast::ExprKind k) {
  switch (k) {
    case ast::ExprKind::String: return "string";
    case ast::ExprKind::Number: return "number";
    default: return "boolean";
  }
}

}  // namespace

bool Checker::check_default_literal(const ast::Expr& e, const model::Table& table,
                                    const model::Column& col) {
  const ast::TypeRef& t = col.type;
  bool literal = e.kind == ast::ExprKind::String || e.kind == ast::ExprKind::Number ||
                 e.kind == ast::ExprKind::Bool;
  if (!literal || t.kind == K::Native || t.kind == K::Postgres) return true;
  if (t.kind == K::Enum && !st_.schema.enum_type(t.name)) return true;  // reported as unknown
  std::string problem;  // why the literal cannot become a value of the type
  std::string help;
  const std::string type = type_text(t);
  if (t.array) {
    if (e.kind != ast::ExprKind::String) {
      problem = fmt::format("a {} is not an array", literal_word(e.kind));
      help = "write an array literal such as '{}'";
    }
  } else if (is_number_kind(t.kind)) {
    bool integer = is_integer_kind(t.kind);
    // A boolean is a number on SQLite and MySQL (1 and 0): not judged.
    if (e.kind == ast::ExprKind::String && !reads_as_number(e.text, integer)) {
      problem = fmt::format("'{}' is not {}", e.text, integer ? "a whole number" : "a number");
      help = "write a number such as 0, without quotes";
    } else if (integer && !fits(e.text, t.kind)) {
      problem = fmt::format("{} is out of the range of '{}'", trimmed(e.text), type);
      help = t.kind == K::BigInt ? "use 'decimal' for larger numbers"
                                 : "use 'bigint' for larger numbers";
    }
  } else if (t.kind == K::Bool) {
    if (e.kind == ast::ExprKind::Number) {
      problem = "a number is not a boolean";
      help = "write true or false";
    } else if (e.kind == ast::ExprKind::String && !reads_as_bool(e.text)) {
      problem = fmt::format("'{}' is not a boolean", e.text);
      help = "write true or false";
    }
  } else if (t.kind == K::Varchar || t.kind == K::Char) {
    // Only a length as written is judged: a type whose arguments were refused
    // (already an error) has none, and one bad type gives one error.
    std::int64_t limit = t.length.value_or(0);
    std::string_view s = e.text;
    if (t.kind == K::Char) {
      while (!s.empty() && s.back() == ' ') s.remove_suffix(1);  // char(n) drops trailing blanks
    }
    auto length = static_cast<std::int64_t>(utf8_length(s));
    if (e.kind == ast::ExprKind::String && limit > 0 && length > limit) {
      problem = fmt::format("'{}' has {} characters", e.text, length);
      help = fmt::format("shorten the default, or widen the column to {}({})",
                         t.kind == K::Char ? "char" : "varchar", length);
    }
  } else if (t.kind == K::Text) {
    // Every literal converts to text.
  } else if (e.kind != ast::ExprKind::String) {
    problem = fmt::format("a {} is not a value of type '{}'", literal_word(e.kind), type);
    help = "write the value as a string literal";
  } else if (t.kind == K::Uuid && !reads_as_uuid(e.text)) {
    problem = fmt::format("'{}' is not a uuid", e.text);
    help = "write 32 hexadecimal digits such as '00000000-0000-0000-0000-000000000000'";
  }
  if (problem.empty()) return true;
  diags_.report(DiagKind::DefaultTypeMismatch, e.range,
                fmt::format("default of column '{}.{}' cannot be converted to type '{}': {}",
                            table.name, col.name, type, problem),
                help);
  return false;
}

}  // namespace migrac
