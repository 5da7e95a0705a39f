// The canonical tree's constructors and printer (normalize_canon.h).

#include "compiler/dialect/normalize_canon.h"

#include <cctype>

namespace migrac::canon {

namespace {

bool is_plain_name(std::string_view name) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool ok = c == '_' || (c >= 'a' && c <= 'z') || (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

// A number as SQL writes it: digits, an optional fraction and exponent, an optional sign.
bool is_number_text(std::string_view t) {
  std::size_t i = 0;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
  std::size_t digits = 0;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i, ++digits;
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
    std::size_t exp = 0;
    while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i, ++exp;
    if (exp == 0) return false;
  }
  return i == t.size();
}

// A number's text without what does not change its value: a `+`, leading
// zeros, trailing zeros of a fraction (`0.00` is `0`, `-0.250` is `-0.25`).
std::string number_value(std::string_view t) {
  bool negative = false;
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
    negative = t[0] == '-';
    t.remove_prefix(1);
  }
  std::size_t exp = t.find_first_of("eE");
  std::string_view mantissa = t.substr(0, exp);
  std::string_view exponent = exp == std::string_view::npos ? std::string_view() : t.substr(exp);
  if (mantissa.find('.') != std::string_view::npos) {
    while (!mantissa.empty() && mantissa.back() == '0') mantissa.remove_suffix(1);
    if (!mantissa.empty() && mantissa.back() == '.') mantissa.remove_suffix(1);
  }
  while (mantissa.size() > 1 && mantissa[0] == '0' && mantissa[1] != '.') mantissa.remove_prefix(1);
  std::string out;
  if (mantissa.empty() || mantissa[0] == '.') out = "0";
  out.append(mantissa);
  if (out == "0" && exponent.empty()) return out;
  return (negative ? "-" : "") + out + std::string(exponent);
}

std::string joined(const std::vector<Canon>& args, std::size_t from, std::string_view sep) {
  std::string out;
  for (std::size_t i = from; i < args.size(); ++i) {
    if (i > from) out += sep;
    out += print(args[i], kOr);
  }
  return out;
}

std::string print_body(const Canon& c) {
  switch (c.form) {
    case Form::Atom: return c.head;
    case Form::Call: return c.head + "(" + joined(c.args, 0, ", ") + ")";
    case Form::Infix: {
      // Left-associative, except that predicates do not chain.
      int left_min = c.precedence == kPredicate ? c.precedence + 1 : c.precedence;
      std::string out = print(c.args[0], left_min);
      for (std::size_t i = 1; i < c.args.size(); ++i) {
        out += " " + c.head + " " + print(c.args[i], c.precedence + 1);
      }
      return out;
    }
    case Form::Prefix: {
      if (c.head == "NOT") return "NOT " + print(c.args[0], kNot);
      return c.head + print(c.args[0], c.precedence + 1);
    }
    case Form::Postfix: return print(c.args[0], kPredicate + 1) + " " + c.head;
    case Form::In:
      return print(c.args[0], kPredicate + 1) + " " + c.head + " (" + joined(c.args, 1, ", ") + ")";
    case Form::Any:
      return print(c.args[0], kPredicate + 1) + " " + c.head + " (" + print(c.args[1], kOr) + ")";
    case Form::Case: {
      std::string out = "CASE";
      std::size_t i = 0;
      if (c.has_operand) out += " " + print(c.args[i++], kOr);
      std::size_t pairs_end = c.has_else ? c.args.size() - 1 : c.args.size();
      for (; i + 2 <= pairs_end; i += 2) {
        out += " WHEN " + print(c.args[i], kOr) + " THEN " + print(c.args[i + 1], kOr);
      }
      if (c.has_else) out += " ELSE " + print(c.args.back(), kOr);
      return out + " END";
    }
    case Form::Cast: return "CAST(" + print(c.args[0], kOr) + " AS " + c.head + ")";
    case Form::Array: return "ARRAY[" + joined(c.args, 0, ", ") + "]";
  }
  return c.head;
}

}  // namespace

std::string name_key(std::string_view name) {
  if (is_plain_name(name)) return std::string(name);
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// A literal by its value text: numbers bare, anything else quoted, so that
// `'-1'::integer` and `-1` are the same.
Canon constant(std::string value) {
  Canon c;
  c.constant = true;
  if (is_number_text(value)) {
    c.head = number_value(value);
    c.precedence = c.head[0] == '-' ? kUnary : kPrimary;
    return c;
  }
  c.head = "'";
  for (char ch : value) {
    if (ch == '\'') c.head += '\'';
    c.head += ch;
  }
  c.head += "'";
  return c;
}

Canon atom(std::string head) {
  Canon c;
  c.head = std::move(head);
  return c;
}

Canon node(Form form, std::string head, std::vector<Canon> args, int precedence) {
  Canon c;
  c.form = form;
  c.head = std::move(head);
  c.args = std::move(args);
  c.precedence = precedence;
  return c;
}

// `a AND (b AND c)` is `a AND b AND c`.
Canon flattened(std::string_view op, int precedence, std::vector<Canon> parts) {
  std::vector<Canon> args;
  for (Canon& p : parts) {
    if (p.form == Form::Infix && p.head == op) {
      for (Canon& inner : p.args) args.push_back(std::move(inner));
    } else {
      args.push_back(std::move(p));
    }
  }
  return node(Form::Infix, std::string(op), std::move(args), precedence);
}

std::string print(const Canon& c, int min_precedence) {
  std::string body = print_body(c);
  if (c.precedence < min_precedence) return "(" + body + ")";
  return body;
}

}  // namespace migrac::canon
