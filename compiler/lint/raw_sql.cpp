#include "compiler/lint/raw_sql.h"

#include <cctype>

#include <pg_query.h>

namespace migrac::lint {

namespace {

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Skips a comment, string literal, quoted identifier or dollar-quoted string
// starting at `i`; returns the offset after it, or `i` if none starts there.
std::uint32_t skip_opaque(std::string_view t, std::uint32_t i, std::uint32_t end) {
  if (i + 1 < end && t[i] == '-' && t[i + 1] == '-') {
    while (i < end && t[i] != '\n') ++i;
    return i;
  }
  if (i + 1 < end && t[i] == '/' && t[i + 1] == '*') {
    int depth = 0;
    while (i < end) {
      if (i + 1 < end && t[i] == '/' && t[i + 1] == '*') {
        ++depth;
        i += 2;
      } else if (i + 1 < end && t[i] == '*' && t[i + 1] == '/') {
        i += 2;
        if (--depth == 0) return i;
      } else {
        ++i;
      }
    }
    return i;
  }
  if (t[i] == '\'') {
    for (++i; i < end; ++i) {
      if (t[i] != '\'') continue;
      if (i + 1 < end && t[i + 1] == '\'') {
        ++i;
        continue;
      }
      return i + 1;
    }
    return end;
  }
  if (t[i] == '$' && (i == 0 || !is_word_char(t[i - 1]))) {
    std::uint32_t j = i + 1;
    while (j < end && (std::isalnum(static_cast<unsigned char>(t[j])) || t[j] == '_')) ++j;
    if (j < end && t[j] == '$') {
      std::string_view tag = t.substr(i, j - i + 1);
      std::size_t close = t.find(tag, j + 1);
      if (close == std::string_view::npos || close >= end) return end;
      return static_cast<std::uint32_t>(close + tag.size());
    }
  }
  return i;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Byte offset of the 1-based character position `cursor` (PostgreSQL counts characters).
std::uint32_t cursor_to_offset(const std::string& text, int cursor) {
  std::uint32_t offset = 0;
  for (int chars = 1; chars < cursor && offset < text.size(); ++chars) {
    ++offset;
    while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) ++offset;
  }
  return offset;
}

const Json& empty_array() {
  static const Json empty = Json::array();
  return empty;
}

}  // namespace

ParsedSql parse_sql(const std::string& text) {
  ParsedSql out;
  PgQueryParseResult result = pg_query_parse(text.c_str());
  if (result.error) {
    out.error = result.error->message;
    out.error_offset = cursor_to_offset(text, result.error->cursorpos);
    pg_query_free_parse_result(result);
    return out;
  }
  out.tree = Json::parse(result.parse_tree, nullptr, false);
  pg_query_free_parse_result(result);
  if (!out.tree.is_object() || !out.tree.contains("stmts")) return out;
  const auto size = static_cast<std::uint32_t>(text.size());
  for (const Json& raw : out.tree["stmts"]) {
    const Json& stmt = raw.contains("stmt") ? raw["stmt"] : raw;
    std::uint32_t loc = raw.value("stmt_location", 0u);
    std::uint32_t len = raw.value("stmt_len", 0u);
    std::uint32_t stop = len == 0 ? size : std::min(size, loc + len);
    SqlStatement s;
    s.type = std::string(node_type(stmt));
    s.body = &node_body(stmt);
    s.begin = skip_blank(text, loc, stop);
    std::uint32_t e = stop;
    while (e > s.begin && (is_blank(text[e - 1]) || text[e - 1] == ';')) --e;
    s.end = e;
    out.statements.push_back(std::move(s));
  }
  return out;
}

std::uint32_t skip_blank(std::string_view text, std::uint32_t begin, std::uint32_t end) {
  std::uint32_t i = begin;
  while (i < end) {
    if (is_blank(text[i])) {
      ++i;
      continue;
    }
    bool comment = (i + 1 < end) && ((text[i] == '-' && text[i + 1] == '-') ||
                                     (text[i] == '/' && text[i + 1] == '*'));
    if (!comment) break;
    i = skip_opaque(text, i, end);
  }
  return i;
}

std::vector<SqlWord> sql_words(std::string_view text, std::uint32_t begin, std::uint32_t end) {
  std::vector<SqlWord> words;
  std::uint32_t i = begin;
  while (i < end) {
    char c = text[i];
    if (is_blank(c)) {
      ++i;
      continue;
    }
    if (c == '"') {
      std::uint32_t j = i + 1;
      std::string name;
      while (j < end) {
        if (text[j] == '"') {
          if (j + 1 < end && text[j + 1] == '"') {
            name += '"';
            j += 2;
            continue;
          }
          break;
        }
        name += text[j++];
      }
      words.push_back({std::move(name), i, std::min(end, j + 1)});
      i = std::min(end, j + 1);
      continue;
    }
    std::uint32_t skipped = skip_opaque(text, i, end);
    if (skipped != i) {
      i = skipped;
      continue;
    }
    if (is_word_char(c)) {
      std::uint32_t j = i;
      std::string w;
      while (j < end && is_word_char(text[j])) {
        w += static_cast<char>(std::tolower(static_cast<unsigned char>(text[j])));
        ++j;
      }
      words.push_back({std::move(w), i, j});
      i = j;
      continue;
    }
    if (c == '(' || c == ')' || c == ',') words.push_back({std::string(1, c), i, i + 1});
    ++i;
  }
  return words;
}

std::uint32_t clause_end(std::string_view text, std::uint32_t begin, std::uint32_t end) {
  int depth = 0;
  std::uint32_t i = begin;
  std::uint32_t last = begin;
  while (i < end) {
    std::uint32_t skipped = skip_opaque(text, i, end);
    if (skipped != i) {
      if (text[i] == '\'' || text[i] == '$') last = skipped;
      i = skipped;
      continue;
    }
    char c = text[i];
    if (c == '(') ++depth;
    if (c == ')') {
      if (depth == 0) break;
      --depth;
    }
    if (c == ',' && depth == 0) break;
    if (c == ';' && depth == 0) break;
    if (!is_blank(c)) last = i + 1;
    ++i;
  }
  return last;
}

std::uint32_t type_end(std::string_view text, std::uint32_t begin, std::uint32_t end) {
  std::uint32_t i = begin;
  if (i < end && text[i] == '"') {
    ++i;
    while (i < end && text[i] != '"') ++i;
    if (i < end) ++i;
  }
  while (i < end && (is_word_char(text[i]) || text[i] == '.')) ++i;
  std::uint32_t word_end = i;
  std::uint32_t j = i;
  while (j < end && is_blank(text[j])) ++j;
  if (j < end && text[j] == '(') {
    int depth = 0;
    for (; j < end; ++j) {
      if (text[j] == '(') ++depth;
      if (text[j] == ')' && --depth == 0) return j + 1;
    }
  }
  return word_end;
}

long find_phrase(const std::vector<SqlWord>& words, const std::vector<std::string_view>& phrase,
                 std::size_t from) {
  if (phrase.empty()) return -1;
  for (std::size_t i = from; i + phrase.size() <= words.size(); ++i) {
    bool match = true;
    for (std::size_t k = 0; k < phrase.size() && match; ++k) match = words[i + k].text == phrase[k];
    if (match) return static_cast<long>(i);
  }
  return -1;
}

std::string_view field_str(const Json& node, const char* key) {
  auto it = node.find(key);
  if (it == node.end() || !it->is_string()) return {};
  return it->get_ref<const std::string&>();
}

bool field_bool(const Json& node, const char* key) {
  auto it = node.find(key);
  return it != node.end() && it->is_boolean() && it->get<bool>();
}

long node_location(const Json& node) {
  auto it = node.find("location");
  if (it == node.end() || !it->is_number_integer()) return -1;
  return it->get<long>();
}

const Json& field(const Json& node, const char* key) {
  static const Json empty = Json::object();
  auto it = node.find(key);
  if (it == node.end() || !it->is_object()) return empty;
  return *it;
}

const Json& field_list(const Json& node, const char* key) {
  auto it = node.find(key);
  if (it == node.end() || !it->is_array()) return empty_array();
  return *it;
}

std::string_view node_type(const Json& wrapper) {
  if (!wrapper.is_object() || wrapper.empty()) return {};
  return wrapper.begin().key();
}

const Json& node_body(const Json& wrapper) {
  static const Json empty = Json::object();
  if (!wrapper.is_object() || wrapper.empty()) return empty;
  return wrapper.begin().value();
}

std::string last_name(const Json& names) {
  if (!names.is_array() || names.empty()) return {};
  const Json& last = names.back();
  return std::string(field_str(node_body(last), "sval"));
}

std::string type_name(const Json& type_node) { return last_name(field_list(type_node, "names")); }

bool type_has_modifiers(const Json& type_node) {
  const Json& mods = field_list(type_node, "typmods");
  if (mods.empty()) return false;
  // `char` without a length is parsed as bpchar(1) with a modifier at location -1.
  return node_location(node_body(mods.front())) >= 0;
}

std::string relation_name(const Json& range_var) {
  std::string name(field_str(range_var, "relname"));
  std::string_view schema = field_str(range_var, "schemaname");
  return schema.empty() ? name : std::string(schema) + "." + name;
}

}  // namespace migrac::lint
