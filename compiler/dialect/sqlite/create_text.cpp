// The CREATE TABLE and CREATE INDEX text that sqlite_schema.sql keeps, read
// for what the pragmas do not give: constraint names, CHECK expressions,
// AUTOINCREMENT, collations, generated columns, table options, index
// expressions and predicates. SQLite has accepted the text, so the reader
// follows its grammar without judging it, and passes over what it does not
// know.

#include <algorithm>
#include <cctype>

#include "compiler/dialect/sqlite/catalog_text.h"

namespace migrac::sqlite {

namespace {

// Tokens [begin, end) of one statement, read left to right.
class Cursor {
 public:
  Cursor(std::string_view sql, const std::vector<Token>& tokens, std::size_t begin, std::size_t end)
      : sql_(sql), t_(tokens), i_(begin), end_(end) {}

  bool done() const { return i_ >= end_; }
  std::size_t pos() const { return i_; }
  const Token* peek(std::size_t ahead = 0) const {
    return i_ + ahead < end_ ? &t_[i_ + ahead] : nullptr;
  }
  void skip(std::size_t n = 1) { i_ = std::min(i_ + n, end_); }

  // Consumes the word `upper` (or the punctuation `p`) if it is next.
  bool word(std::string_view upper) {
    if (!peek() || !peek()->is_word(upper)) return false;
    skip();
    return true;
  }
  bool punct(std::string_view p) {
    if (!peek() || !peek()->is(p)) return false;
    skip();
    return true;
  }
  bool words(std::string_view a, std::string_view b) {
    if (!peek(1) || !peek()->is_word(a) || !peek(1)->is_word(b)) return false;
    skip(2);
    return true;
  }

  // A name (bare, quoted, or a string SQLite takes as one); empty if none.
  std::string name() {
    const Token* t = peek();
    if (!t || (!t->is_name() && t->kind != TokenKind::String)) return {};
    skip();
    return t->text;
  }

  // A possibly schema-qualified name: the last part.
  std::string qualified_name() {
    std::string n = name();
    while (punct(".")) n = name();
    return n;
  }

  // At '(': the index of its matching ')' (or the end), without moving.
  std::size_t matching_close() const {
    int depth = 0;
    for (std::size_t j = i_; j < end_; ++j) {
      if (t_[j].is("(")) ++depth;
      if (t_[j].is(")") && --depth == 0) return j;
    }
    return end_;
  }

  // At '(': the text inside the parentheses; moves past the ')'.
  std::string paren_text() {
    std::size_t close = matching_close();
    std::string text;
    if (i_ + 1 < close) text = std::string(span(i_ + 1, close));
    i_ = std::min(close + 1, end_);
    return text;
  }

  // The text of tokens [a, b).
  std::string_view span(std::size_t a, std::size_t b) const {
    if (a >= b) return {};
    return sql_.substr(t_[a].begin, t_[b - 1].end - t_[a].begin);
  }

  // The ranges of the comma-separated items inside the parentheses at the
  // cursor (which must be at '('); moves past the ')'.
  std::vector<std::pair<std::size_t, std::size_t>> paren_items() {
    std::vector<std::pair<std::size_t, std::size_t>> items;
    std::size_t close = matching_close();
    std::size_t start = i_ + 1;
    int depth = 0;
    for (std::size_t j = i_ + 1; j < close; ++j) {
      if (t_[j].is("(")) ++depth;
      if (t_[j].is(")")) --depth;
      if (depth == 0 && t_[j].is(",")) {
        items.emplace_back(start, j);
        start = j + 1;
      }
    }
    if (start < close) items.emplace_back(start, close);
    i_ = std::min(close + 1, end_);
    return items;
  }

  const Token& at(std::size_t j) const { return t_[j]; }

 private:
  std::string_view sql_;
  const std::vector<Token>& t_;
  std::size_t i_;
  std::size_t end_;
};

// Words that end a column's type and start its constraints.
bool starts_column_constraint(const Token& t) {
  for (std::string_view w : {"CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT",
                             "COLLATE", "REFERENCES", "GENERATED", "AS"})
    if (t.is_word(w)) return true;
  return false;
}

bool starts_table_constraint(const Token& t) {
  for (std::string_view w : {"CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"})
    if (t.is_word(w)) return true;
  return false;
}

// `ON CONFLICT word`, if next.
bool conflict_clause(Cursor& c) {
  if (!c.peek(1) || !c.peek()->is_word("ON") || !c.peek(1)->is_word("CONFLICT")) return false;
  c.skip(3);
  return true;
}

// The names of an indexed-column list `(a, b COLLATE x DESC)`; sets
// `ordered` when one has more than its name.
std::vector<std::string> indexed_columns(Cursor& c, bool& ordered) {
  std::vector<std::string> names;
  if (!c.peek() || !c.peek()->is("(")) return names;
  for (auto [a, b] : c.paren_items()) {
    if (a >= b) continue;
    names.push_back(c.at(a).text);
    if (b - a > 1) ordered = true;
  }
  return names;
}

// After REFERENCES: the target and its columns, then the actions, MATCH and
// deferrability (the actions are read from pragma_foreign_key_list).
void foreign_key_clause(Cursor& c, TextConstraint& k) {
  k.kind = ast::ConstraintKind::ForeignKey;
  k.ref_table = c.qualified_name();
  if (c.peek() && c.peek()->is("(")) {
    for (auto [a, b] : c.paren_items())
      if (a < b) k.ref_columns.push_back(c.at(a).text);
  }
  while (!c.done()) {
    if (c.word("ON")) {
      c.skip();  // DELETE / UPDATE
      if (!c.word("SET")) c.word("NO");
      c.skip();  // NULL, DEFAULT, ACTION, CASCADE or RESTRICT
    } else if (c.word("MATCH")) {
      c.skip();
    } else if (c.words("NOT", "DEFERRABLE")) {
      if (c.word("INITIALLY")) c.skip();
    } else if (c.word("DEFERRABLE")) {
      k.deferrable = true;
      if (c.word("INITIALLY")) c.skip();
    } else {
      return;
    }
  }
}

// A column definition (the cursor holds its tokens only).
void column_definition(Cursor& c, TableText& table) {
  TextColumn col;
  col.name = c.name();
  while (!c.done() && !starts_column_constraint(*c.peek())) {
    if (c.peek()->is("(")) c.paren_text();
    else c.skip();
  }
  std::string pending;  // a CONSTRAINT name for the next constraint
  auto push = [&](TextConstraint k) {
    k.name = pending;
    k.column = col.name;
    if (k.kind != ast::ConstraintKind::Check) k.columns = {col.name};
    table.constraints.push_back(std::move(k));
    pending.clear();
  };
  while (!c.done()) {
    if (c.word("CONSTRAINT")) {
      pending = c.name();
    } else if (c.words("PRIMARY", "KEY")) {
      TextConstraint k;
      k.kind = ast::ConstraintKind::PrimaryKey;
      if (c.word("DESC")) k.ordered = true;
      else c.word("ASC");
      k.conflict = conflict_clause(c);
      k.autoincrement = c.word("AUTOINCREMENT");
      push(std::move(k));
    } else if (c.words("NOT", "NULL") || c.word("NULL")) {
      conflict_clause(c);
      pending.clear();
    } else if (c.word("UNIQUE")) {
      TextConstraint k;
      k.kind = ast::ConstraintKind::Unique;
      k.conflict = conflict_clause(c);
      push(std::move(k));
    } else if (c.word("CHECK")) {
      TextConstraint k;
      k.kind = ast::ConstraintKind::Check;
      if (c.peek() && c.peek()->is("(")) k.check = c.paren_text();
      push(std::move(k));
    } else if (c.word("DEFAULT")) {
      if (c.peek() && c.peek()->is("(")) {
        c.paren_text();
      } else {
        if (!c.punct("-")) c.punct("+");  // a signed number
        c.skip();
      }
      pending.clear();
    } else if (c.word("COLLATE")) {
      col.collation = c.name();
      pending.clear();
    } else if (c.word("REFERENCES")) {
      TextConstraint k;
      foreign_key_clause(c, k);
      push(std::move(k));
    } else if (c.word("GENERATED") || c.word("AS")) {
      c.word("ALWAYS");
      c.word("AS");
      if (c.peek() && c.peek()->is("(")) col.generated_expr = c.paren_text();
      col.generated = c.word("STORED") ? "stored" : "virtual";
      c.word("VIRTUAL");
      pending.clear();
    } else {
      c.skip();
    }
  }
  table.columns.push_back(std::move(col));
}

// A table constraint (the cursor holds its tokens only).
void table_constraint(Cursor& c, TableText& table) {
  TextConstraint k;
  if (c.word("CONSTRAINT")) k.name = c.name();
  if (c.words("PRIMARY", "KEY")) {
    k.kind = ast::ConstraintKind::PrimaryKey;
    k.columns = indexed_columns(c, k.ordered);
    k.conflict = conflict_clause(c);
  } else if (c.word("UNIQUE")) {
    k.kind = ast::ConstraintKind::Unique;
    k.columns = indexed_columns(c, k.ordered);
    k.conflict = conflict_clause(c);
  } else if (c.word("CHECK")) {
    k.kind = ast::ConstraintKind::Check;
    if (c.peek() && c.peek()->is("(")) k.check = c.paren_text();
  } else if (c.words("FOREIGN", "KEY")) {
    bool ignored = false;
    k.columns = indexed_columns(c, ignored);
    if (!c.word("REFERENCES")) return;
    foreign_key_clause(c, k);
  } else {
    return;
  }
  table.constraints.push_back(std::move(k));
}

// Moves past `CREATE [TEMP|TEMPORARY] [UNIQUE] <kind> [IF NOT EXISTS]`;
// false when the text does not start so. Sets `unique` for UNIQUE.
bool create_prefix(Cursor& c, std::string_view kind, bool* unique) {
  if (!c.word("CREATE")) return false;
  if (!c.word("TEMP")) c.word("TEMPORARY");
  if (unique) *unique = c.word("UNIQUE");
  if (!c.word(kind)) return false;
  if (c.peek(2) && c.peek()->is_word("IF") && c.peek(1)->is_word("NOT") &&
      c.peek(2)->is_word("EXISTS"))
    c.skip(3);
  return true;
}

}  // namespace

std::optional<TableText> read_create_table(std::string_view sql) {
  std::vector<Token> tokens = tokenize(sql);
  Cursor c(sql, tokens, 0, tokens.size());
  if (!create_prefix(c, "TABLE", nullptr)) return std::nullopt;
  TableText table;
  table.name = c.qualified_name();
  if (c.word("AS")) {
    table.as_select = true;
    return table;
  }
  if (!c.peek() || !c.peek()->is("(")) return std::nullopt;
  for (auto [a, b] : c.paren_items()) {
    if (a >= b) continue;
    Cursor element(sql, tokens, a, b);
    if (starts_table_constraint(tokens[a])) table_constraint(element, table);
    else column_definition(element, table);
  }
  while (!c.done()) {
    if (c.words("WITHOUT", "ROWID")) table.without_rowid = true;
    else if (c.word("STRICT")) table.strict = true;
    else c.skip();
  }
  return table;
}

std::optional<IndexText> read_create_index(std::string_view sql) {
  std::vector<Token> tokens = tokenize(sql);
  Cursor c(sql, tokens, 0, tokens.size());
  IndexText index;
  if (!create_prefix(c, "INDEX", &index.unique)) return std::nullopt;
  index.name = c.qualified_name();
  if (!c.word("ON")) return std::nullopt;
  index.table = c.name();
  if (!c.peek() || !c.peek()->is("(")) return std::nullopt;
  for (auto [a, b] : c.paren_items()) {
    // Without the trailing ASC/DESC and COLLATE name, at the element's own level.
    while (b > a && (tokens[b - 1].is_word("ASC") || tokens[b - 1].is_word("DESC"))) {
      index.ordered = true;
      --b;
    }
    if (b >= a + 2 && tokens[b - 2].is_word("COLLATE")) {
      index.ordered = true;
      b -= 2;
    }
    index.elements.emplace_back(c.span(a, b));
  }
  if (c.word("WHERE")) {
    std::size_t from = c.pos();
    std::size_t to = tokens.size();
    while (to > from && tokens[to - 1].is(";")) --to;
    if (from < to) index.where = std::string(c.span(from, to));
  }
  return index;
}

std::vector<std::string> columns_in(std::string_view expr_text,
                                    const std::vector<std::string>& columns) {
  std::vector<std::string> out;
  std::vector<Token> tokens = tokenize(expr_text);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (!t.is_name()) continue;
    if (i + 1 < tokens.size() && tokens[i + 1].is("(")) continue;  // a call
    if (i + 1 < tokens.size() && tokens[i + 1].is(".")) continue;  // a table's name
    std::string folded = lower(t.text);
    for (const std::string& col : columns) {
      if (lower(col) != folded) continue;
      if (std::find(out.begin(), out.end(), col) == out.end()) out.push_back(col);
      break;
    }
  }
  return out;
}

std::optional<std::vector<std::string>> enum_values(std::string_view check_text,
                                                    std::string_view column) {
  std::vector<Token> t = tokenize(check_text);
  if (t.size() < 5 || !t[0].is_name() || lower(t[0].text) != lower(column) || !t[1].is_word("IN") ||
      !t[2].is("(") || !t.back().is(")"))
    return std::nullopt;
  std::vector<std::string> values;
  for (std::size_t i = 3; i + 1 < t.size(); i += 2) {
    if (t[i].kind != TokenKind::String) return std::nullopt;
    bool last = i + 2 == t.size();
    if (!last && !t[i + 1].is(",")) return std::nullopt;
    values.push_back(t[i].text);
  }
  return values;
}

}  // namespace migrac::sqlite
