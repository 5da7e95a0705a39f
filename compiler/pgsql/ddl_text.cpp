// Expression text cut from a raw statement, and the columns a parse subtree
// reads (see ddl_reader.h).

#include <algorithm>
#include <cctype>

#include "compiler/pgsql/ddl_reader.h"
#include "compiler/source/sql_scan.h"

namespace migrac::pgsql {

namespace {

using source::SqlScanner;
using source::SqlToken;
using source::SqlTokenKind;

// The keywords that end a column default: the next constraint of the column.
bool is_stop_word(std::string_view word) {
  std::string w;
  for (char c : word) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return w == "not" || w == "null" || w == "primary" || w == "unique" || w == "references" ||
         w == "check" || w == "constraint" || w == "generated" || w == "collate";
}

}  // namespace

ast::Expr raw_expr(std::string text) {
  ast::Expr e;
  e.kind = ast::ExprKind::RawSql;
  e.text = std::move(text);
  return e;
}

std::string paren_body(std::string_view sql, long from) {
  if (from < 0 || static_cast<std::size_t>(from) >= sql.size()) return {};
  SqlScanner s(sql, static_cast<std::size_t>(from));
  while (!s.done() && !s.peek().is_punct('(', sql)) s.next();
  if (s.done()) return {};
  std::size_t open = s.next().end;
  int depth = 1;
  while (!s.done()) {
    SqlToken t = s.next();
    if (t.is_punct('(', sql)) ++depth;
    if (t.is_punct(')', sql) && --depth == 0) return std::string(sql.substr(open, t.begin - open));
  }
  return {};
}

std::string cut_expr(std::string_view sql, long begin_at, bool stop_words) {
  if (begin_at < 0 || static_cast<std::size_t>(begin_at) >= sql.size()) return {};
  auto begin = static_cast<std::size_t>(begin_at);
  std::size_t end = begin;
  int depth = 0;
  bool after_space = false;
  for (SqlScanner s(sql, begin); !s.done();) {
    SqlToken t = s.next();
    if (t.is_blank()) {
      after_space = t.kind == SqlTokenKind::Space;
      continue;
    }
    if (t.is_punct('(', sql)) ++depth;
    if (t.is_punct(')', sql) && depth-- == 0) break;
    if (depth == 0 && (t.is_punct(',', sql) || t.is_punct(';', sql))) break;
    if (stop_words && depth == 0 && after_space && t.kind == SqlTokenKind::Word &&
        is_stop_word(t.text(sql)))
      break;
    end = t.end;
    after_space = false;
  }
  return std::string(sql.substr(begin, end - begin));
}

void add_unique(std::vector<std::string>& list, const std::string& name) {
  if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
}

void column_refs(Node node, std::vector<std::string>& out) {
  if (node.is_object()) {
    if (node.has("ColumnRef")) {
      std::vector<std::string> fields = string_list(node["ColumnRef"]["fields"]);
      if (!fields.empty() && !fields.back().empty()) add_unique(out, fields.back());
      return;
    }
    node.for_each_member([&](std::string_view, Node value) { column_refs(value, out); });
  } else if (node.is_array()) {
    for (Node v : node) column_refs(v, out);
  }
}

}  // namespace migrac::pgsql
