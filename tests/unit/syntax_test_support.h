#pragma once
// Helpers for the syntax tests: parse a text as a .mig (or raw SQL) migration
// and look at its diagnostics as "line:col: message" strings.

#include <fmt/format.h>

#include <string>
#include <vector>

#include "compiler/source/migration_file.h"
#include "compiler/syntax/parse.h"

namespace migrac::test {

// A parsed migration with its sources and diagnostics.
struct Parsed {
  SourceSet sources;
  Diagnostics diags;
  ast::Migration m;

  // "line:col: message" of every diagnostic, in order.
  std::vector<std::string> messages() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags.all()) {
      out.push_back(fmt::format("{}:{}: {}", d.range.begin.line, d.range.begin.column, d.message));
    }
    return out;
  }
  // The text a range covers.
  std::string text(const SourceRange& r) const {
    return sources[r.file].text.substr(r.begin.offset, r.end.offset - r.begin.offset);
  }
};

inline Parsed parse_mig_text(const std::string& text, const std::string& id = "0002_x") {
  Parsed p;
  int f = p.sources.add(id + ".mig", text);
  MigrationFile file{id, MigrationFormat::Mig, f, -1};
  p.m = parse_mig(p.sources, file, p.diags);
  return p;
}

inline Parsed parse_sql_text(const std::string& up, const std::string* down = nullptr,
                             const std::string& id = "0002_x") {
  Parsed p;
  int f = p.sources.add(id + ".up.sql", up);
  int d = down != nullptr ? p.sources.add(id + ".down.sql", *down) : -1;
  MigrationFile file{id, MigrationFormat::RawSql, f, d};
  p.m = parse_raw_sql(p.sources, file, p.diags);
  return p;
}

// The single operation of `p`, as alternative T.
template <class T>
const T& only_op(const Parsed& p) {
  REQUIRE(p.m.up.size() == 1);
  REQUIRE(std::holds_alternative<T>(p.m.up[0].op));
  return std::get<T>(p.m.up[0].op);
}

}  // namespace migrac::test
