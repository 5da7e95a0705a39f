// print_migration: the file's layout. The header (`after`, then the settings),
// a blank line, the operations with `no transaction { }` blocks where their
// operations are, the `down { }` block last, two spaces of indentation in a
// block or a create table list. Comments read from a file are printed where
// they were attached, and blank lines between statements are kept (one at
// most); generated text separates statements by one blank line.

#include <fmt/format.h>

#include "compiler/print/print.h"
#include "compiler/print/text.h"
#include "compiler/source/convention.h"

namespace migrac::print {

namespace {

constexpr std::size_t kIndent = 2;

// The text being written, line by line.
class Layout {
 public:
  Layout(const ast::Migration& m, const Comments& c) : m_(m), c_(c) {}

  std::string run() {
    for (const std::string& line : c_.header) comment_line(0, line);
    bool header = !c_.header.empty();
    if (!m_.parents.empty()) {
      std::string ids;
      for (const ast::Ident& p : m_.parents)
        ids += (ids.empty() ? "" : ", ") + mig_after_id(p.name);
      const Attached* a = attached({Anchor::Element, m_.parents[0].range.begin.offset});
      header_item(a, "after " + ids + ";");
      header = true;
    }
    for (const ast::Setting& s : m_.settings) {
      header_item(attached({Anchor::Element, s.range.begin.offset}), setting_text(s));
      header = true;
    }
    force_blank_ = header;
    operations(m_.up, 0, true);
    if (m_.down) {
      statement_start(attached({Anchor::DownStart, 0}), {}, 0);
      finish_line(0, "down {", attached({Anchor::DownStart, 0}));
      opened_ = true;
      operations(*m_.down, kIndent, false);
      block_end(attached({Anchor::DownEnd, 0}), 0);
    }
    if (!c_.footer.empty()) {
      for (std::size_t i = 0; i < c_.footer.size(); ++i) {
        if (c_.footer[i].blank_before || (i == 0 && force_blank_)) blank();
        line(0, c_.footer[i].text);
      }
    }
    if (out_.empty()) return "\n";
    return out_;
  }

 private:
  const Attached* attached(Place p) const {
    if (!c_.from_source) return nullptr;
    auto it = c_.attached.find(p);
    return it == c_.attached.end() ? nullptr : &it->second;
  }

  static std::string setting_text(const ast::Setting& s) {
    std::string value;
    switch (s.kind) {
      case ast::SettingKind::LockTimeout:
      case ast::SettingKind::StatementTimeout: value = duration_text(s.duration_ms); break;
      case ast::SettingKind::Online: value = s.flag ? "true" : "false"; break;
      case ast::SettingKind::Transaction:
      case ast::SettingKind::Unknown: value = s.word; break;
    }
    return fmt::format("set {} = {};", ident_text(s.name), value);
  }

  void line(std::size_t indent, const std::string& text) {
    out_ += std::string(indent, ' ') + text + "\n";
    last_blank_ = false;
    opened_ = false;
  }
  void comment_line(std::size_t indent, const std::string& text) { line(indent, "--" + text); }
  void blank() {
    if (out_.empty() || last_blank_ || opened_) return;
    out_ += "\n";
    last_blank_ = true;
  }

  // The last line of an element, with its trailing comments.
  void finish_line(std::size_t indent, const std::string& text, const Attached* a) {
    if (a == nullptr || a->trailing.empty()) {
      line(indent, text);
    } else {
      line(indent, text + "  " + a->trailing[0]);
      for (std::size_t i = 1; i < a->trailing.size(); ++i) line(indent, a->trailing[i]);
    }
  }

  // What comes before a statement-level element: the blank line before it
  // (kept from the source; always in generated text), the generated comment
  // lines, the comments attached to it.
  void statement_start(const Attached* a, const std::vector<std::string>& generated,
                       std::size_t indent) {
    bool want = c_.from_source ? a != nullptr && (a->before.empty() ? a->blank_before
                                                                    : a->before[0].blank_before)
                               : true;
    if (want || force_blank_) blank();
    force_blank_ = false;
    for (const std::string& g : generated) comment_line(indent, g);
    if (a == nullptr) return;
    for (std::size_t i = 0; i < a->before.size(); ++i) {
      if (i > 0 && a->before[i].blank_before) blank();
      line(indent, a->before[i].text);
    }
    if (!a->before.empty() && a->blank_before) blank();
  }

  // `after` or a setting: blank lines only as in the source.
  void header_item(const Attached* a, const std::string& text) {
    if (a != nullptr) {
      if (a->before.empty() ? a->blank_before : a->before[0].blank_before) blank();
      for (std::size_t i = 0; i < a->before.size(); ++i) {
        if (i > 0 && a->before[i].blank_before) blank();
        line(0, a->before[i].text);
      }
      if (!a->before.empty() && a->blank_before) blank();
    }
    finish_line(0, text, a);
  }

  // Comments before an element of a list or the end of a block: no blank lines.
  void list_comments(const Attached* a, std::size_t indent) {
    if (a == nullptr) return;
    for (const SourceComment& c : a->before) line(indent, c.text);
  }

  void block_end(const Attached* a, std::size_t indent) {
    list_comments(a, indent + kIndent);
    finish_line(indent, "}", a);
  }

  // The operations of up (top) or down, `no transaction` runs as blocks.
  void operations(const std::vector<ast::Operation>& ops, std::size_t indent, bool top) {
    for (std::size_t i = 0; i < ops.size();) {
      int block = ops[i].no_transaction_block;
      if (block < 0) {
        operation(ops[i], top ? i : kNoIndex, indent);
        ++i;
        continue;
      }
      auto n = static_cast<std::uint32_t>(block);
      const Attached* start = attached({Anchor::BlockStart, n});
      statement_start(start, {}, indent);
      finish_line(indent, "no transaction {", start);
      opened_ = true;
      for (; i < ops.size() && ops[i].no_transaction_block == block; ++i)
        operation(ops[i], top ? i : kNoIndex, indent + kIndent);
      block_end(attached({Anchor::BlockEnd, n}), indent);
    }
  }

  static constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);

  void operation(const ast::Operation& op, std::size_t up_index, std::size_t indent) {
    const Attached* a = attached({Anchor::Element, op.range.begin.offset});
    static const std::vector<std::string> kNone;
    auto generated = c_.before_up.find(up_index);
    statement_start(a, generated == c_.before_up.end() ? kNone : generated->second, indent);
    if (const auto* table = std::get_if<ast::CreateTable>(&op.op))
      return create_table(op, *table, a, indent);
    std::vector<std::string> lines = operation_lines(op.op, indent);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) line(indent, lines[i]);
    finish_line(indent, lines.back(), a);
  }

  void create_table(const ast::Operation& op, const ast::CreateTable& table, const Attached* a,
                    std::size_t indent) {
    TableText t = table_text(table);
    finish_line(indent, t.head, a);
    std::size_t inner = indent + kIndent;
    for (std::size_t i = 0; i < t.elements.size(); ++i) {
      std::uint32_t at = i < table.columns.size()
                             ? table.columns[i].range.begin.offset
                             : table.constraints[i - table.columns.size()].range.begin.offset;
      const Attached* e = attached({Anchor::Element, at});
      list_comments(e, inner);
      finish_line(inner, t.elements[i] + (i + 1 < t.elements.size() ? "," : ""), e);
    }
    const Attached* end = attached({Anchor::ListEnd, op.range.begin.offset});
    list_comments(end, inner);
    finish_line(indent, ");", end);
  }

  const ast::Migration& m_;
  const Comments& c_;
  std::string out_;
  bool last_blank_ = false;
  bool opened_ = false;       // the last line opened a block: no blank line after it
  bool force_blank_ = false;  // a blank line before the next statement (after the header)
};

}  // namespace

std::string print_migration(const ast::Migration& migration, const Comments& comments) {
  return Layout(migration, comments).run();
}

}  // namespace migrac::print
