// read_comments: the comments of a .mig file, attached to the elements the
// printer prints (print.h). Each element (`after`, a setting, an operation, a
// column or constraint of a create table, its `)`, the start and end of a
// block) has the byte offset where it begins. A comment alone on its line goes
// before the next element (or to the footer); a comment after other text on
// its line ends the line of the last element that began before it, unless that
// element has one already (then it goes before the next element).

#include <algorithm>

#include "compiler/print/print.h"
#include "compiler/print/scan.h"

namespace migrac::print {

namespace {

// An element of the file and where it begins.
struct Element {
  Place place;
  std::uint32_t begin = 0;
};

// The elements of one migration, in no particular order.
class Elements {
 public:
  explicit Elements(const std::vector<Piece>& pieces) : pieces_(pieces) {}

  std::vector<Element> of(const ast::Migration& m) {
    if (!m.parents.empty()) {
      std::uint32_t at = m.parents[0].range.begin.offset;
      std::uint32_t begin = at;
      for (const Piece& p : pieces_) {
        if (p.begin >= at) break;
        if (p.kind == PieceKind::Word && p.text == "after") begin = p.begin;
      }
      out_.push_back({{Anchor::Element, at}, begin});
    }
    for (const ast::Setting& s : m.settings) add(Anchor::Element, s.range.begin.offset);
    operations(m.up);
    if (m.down) operations(*m.down);
    blocks();
    return out_;
  }

 private:
  void add(Anchor anchor, std::uint32_t at, std::uint32_t begin) {
    out_.push_back({{anchor, at}, begin});
  }
  void add(Anchor anchor, std::uint32_t at) { add(anchor, at, at); }

  void operations(const std::vector<ast::Operation>& ops) {
    for (const ast::Operation& op : ops) {
      std::uint32_t at = op.range.begin.offset;
      add(Anchor::Element, at);
      const auto* table = std::get_if<ast::CreateTable>(&op.op);
      if (table == nullptr) continue;
      for (const ast::ColumnDef& c : table->columns) add(Anchor::Element, c.range.begin.offset);
      for (const ast::TableConstraint& c : table->constraints)
        add(Anchor::Element, c.range.begin.offset);
      // The `)` that closes the list: the last one before the `;`.
      std::uint32_t close = at;
      for (const Piece& p : pieces_) {
        if (p.begin >= op.range.end.offset) break;
        if (p.begin > at && p.kind == PieceKind::Punct && p.text == ")") close = p.begin;
      }
      add(Anchor::ListEnd, at, close);
    }
  }

  // `no transaction {` (numbered in order, as the parser numbers them), `down {`, `}`.
  void blocks() {
    std::vector<Place> open;
    std::uint32_t next = 0;
    const Piece* before = nullptr;
    const Piece* before_that = nullptr;
    for (const Piece& p : pieces_) {
      if (p.kind == PieceKind::Comment) continue;
      if (p.kind == PieceKind::Punct && p.text == "{" && before != nullptr) {
        if (before->text == "down") {
          add(Anchor::DownStart, 0, before->begin);
          open.push_back({Anchor::DownEnd, 0});
        } else {
          std::uint32_t begin = before_that != nullptr ? before_that->begin : before->begin;
          add(Anchor::BlockStart, next, begin);
          open.push_back({Anchor::BlockEnd, next++});
        }
      } else if (p.kind == PieceKind::Punct && p.text == "}" && !open.empty()) {
        add(open.back().anchor, open.back().at, p.begin);
        open.pop_back();
      }
      before_that = before;
      before = &p;
    }
  }

  const std::vector<Piece>& pieces_;
  std::vector<Element> out_;
};

// Whether text[from, to) holds a blank line (two line breaks).
bool blank_between(std::string_view text, std::uint32_t from, std::uint32_t to) {
  int breaks = 0;
  for (std::uint32_t i = from; i < to && i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')))
      ++breaks;
  }
  return breaks >= 2;
}

// Whether only blanks precede `at` on its line.
bool starts_line(std::string_view text, std::uint32_t at) {
  for (std::uint32_t i = at; i > 0; --i) {
    char c = text[i - 1];
    if (c == '\n' || c == '\r') return true;
    if (c != ' ' && c != '\t' && c != '\f') return false;
  }
  return true;
}

}  // namespace

Comments read_comments(std::string_view text, const ast::Migration& migration) {
  Comments out;
  out.from_source = true;
  std::vector<Piece> pieces = scan_pieces(text);
  std::vector<Element> elements = Elements(pieces).of(migration);
  std::stable_sort(elements.begin(), elements.end(),
                   [](const Element& a, const Element& b) { return a.begin < b.begin; });

  // The end of the piece before offset `at` (0 at the start of the file).
  auto previous_end = [&](std::uint32_t at) {
    auto it = std::lower_bound(pieces.begin(), pieces.end(), at,
                               [](const Piece& p, std::uint32_t v) { return p.begin < v; });
    return it == pieces.begin() ? 0u : std::prev(it)->end;
  };

  for (const Element& e : elements)
    out.attached[e.place].blank_before = blank_between(text, previous_end(e.begin), e.begin);

  for (const Piece& p : pieces) {
    if (p.kind != PieceKind::Comment) continue;
    auto next = std::upper_bound(elements.begin(), elements.end(), p.begin,
                                 [](std::uint32_t v, const Element& e) { return v < e.begin; });
    // One comment ends an element's line; more (a multi-line element) go before the next.
    if (!starts_line(text, p.begin) && next != elements.begin()) {
      Attached& last = out.attached[std::prev(next)->place];
      if (last.trailing.empty()) {
        last.trailing.push_back(p.text);
        continue;
      }
    }
    SourceComment c{p.text, blank_between(text, previous_end(p.begin), p.begin)};
    if (next == elements.end()) {
      out.footer.push_back(std::move(c));
    } else {
      out.attached[next->place].before.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace migrac::print
