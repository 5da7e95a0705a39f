// Follows raw SQL (.up.sql statements, and the PostgreSQL bodies of `sql`
// operations) in the check state, so that later .mig migrations can use what
// it created. PostgreSQL's reader (pgsql/ddl.h) turns each statement into the
// edits the checker makes for the same .mig operations; they apply through
// apply_edit, as the checker's own, so both paths change the state alike. The
// notes of where a name was created or dropped point at the raw statement.
//
// What the reader cannot follow exactly becomes a diagnostic at the
// statement (RawNotFollowed, RawGuessed) and taint in the
// state: the tables it names (or, for an opaque statement, every table) are
// marked as changed unknowably, and the types it creates as unmodeled, so
// that later checks on them relax (taint.cpp).
#include <fmt/format.h>

#include "compiler/check/check.h"
#include "compiler/check/checker.h"
#include "compiler/pgsql/ddl.h"
#include "compiler/pgsql/parse_cache.h"

namespace migrac {

namespace {

// "table 'a'" / "tables 'a', 'b'".
std::string tables_text(const std::vector<std::string>& tables) {
  return fmt::format("{} {}", tables.size() == 1 ? "table" : "tables", quoted_list(tables));
}

// The range of [begin, end) of `text`, which is written in its file at or
// after `range`; `range` itself when the text cannot be found there.
class Positions {
 public:
  Positions(std::string_view text, SourceRange range, const SourceSet& sources)
      : range_(range), sources_(sources) {
    if (!range.valid() || static_cast<std::size_t>(range.file) >= sources.files.size()) return;
    const std::string& file = sources[range.file].text;
    std::size_t at = text.empty() ? std::string::npos : file.find(text, range.begin.offset);
    if (at != std::string::npos) base_ = at;
  }

  SourceRange at(std::uint32_t begin, std::uint32_t end) const {
    if (base_ == std::string::npos) return range_;
    return sources_.range(range_.file, static_cast<std::uint32_t>(base_ + begin),
                          static_cast<std::uint32_t>(base_ + end));
  }

 private:
  SourceRange range_;
  const SourceSet& sources_;
  std::size_t base_ = std::string::npos;
};

// Reports one note of the reader and records its taint.
class NoteReporter {
 public:
  NoteReporter(CheckState& state, Diagnostics& diags, UndoLog* undo)
      : st_(state), diags_(diags), undo_(undo) {}

  void operator()(const pgsql::Unfollowed& n, SourceRange at) {
    using K = pgsql::UnfollowedKind;
    if (n.kind == K::Unmodeled) return unmodeled(n, at);
    std::string context = n.context.empty() ? "" : " " + n.context;
    if (n.kind == K::Guessed) {
      std::string message = fmt::format("{} in a DO block is followed as if {}", n.what,
                                        n.assumption);
      if (!n.tables.empty())
        message += fmt::format(": {} may differ from the model", tables_text(n.tables));
      diags_.report(DiagKind::RawGuessed, at, std::move(message),
                    "later checks on what it changes are relaxed");
      taint_tables(n.tables, at, n.what + " followed by a guess");
      return;
    }
    std::string message = fmt::format("the schema model cannot follow {}{}", n.what, context);
    if (n.opaque) {
      message += ": objects it may touch are unknown";
    } else {
      std::vector<std::string> parts;
      if (!n.object.empty()) parts.push_back(n.object);
      if (!n.tables.empty() && n.object.find("table '") == std::string::npos)
        parts.push_back(tables_text(n.tables));
      std::string list;
      for (const std::string& p : parts) list += (list.empty() ? "" : ", ") + p;
      if (!list.empty()) message += ": it may change " + list;
    }
    diags_.report(DiagKind::RawNotFollowed, at, std::move(message),
                  n.opaque ? "later checks on every table that exists here are relaxed"
                           : "later checks on what it changes are relaxed");
    if (n.opaque) {
      std::vector<std::string> all;
      for (const auto& [name, t] : st_.schema.tables) all.push_back(name);
      taint_tables(all, at, n.what);
      Taint t{at, n.what, {}};
      undo_opaque();
      st_.opaque = std::move(t);
      set_type("*", at);
      return;
    }
    taint_tables(n.tables, at, n.what);
  }

 private:
  // Objects the model does not hold (views, functions, triggers, types)
  // change no table of it: no diagnostic (it would repeat on every run of
  // every verb); a type is recorded, so that a later column of it is
  // reported where it is used (taint.cpp).
  void unmodeled(const pgsql::Unfollowed& n, SourceRange at) {
    if (!n.type.empty()) set_type(n.type, at);
  }

  void taint_tables(const std::vector<std::string>& tables, SourceRange at,
                    const std::string& what) {
    for (const std::string& t : tables) {
      model::remember(undo_, st_.tainted, t);
      st_.tainted[t] = Taint{at, what, {}};
    }
  }

  void set_type(const std::string& name, SourceRange at) {
    model::remember(undo_, st_.unmodeled_types, name);
    st_.unmodeled_types[name] = at;
  }

  void undo_opaque() {
    if (!undo_) return;
    undo_->push_back([&st = st_, old = st_.opaque] { st.opaque = old; });
  }

  CheckState& st_;
  Diagnostics& diags_;
  UndoLog* undo_;
};

}  // namespace

void follow_raw_sql(std::string_view text, SourceRange range, CheckState& state,
                    const SourceSet& sources, Diagnostics& diags, UndoLog* undo) {
  Positions positions(text, range, sources);
  NoteReporter reporter(state, diags, undo);
  EditSites sites{range, range};
  auto apply = [&](const model::Edit& edit) { apply_edit(state, edit, sites, undo); };
  auto note = [&](const pgsql::Unfollowed& n) { reporter(n, positions.at(n.begin, n.end)); };
  std::optional<pgsql::ParsedSql> ahead;
  if (state.parsed_ahead) ahead = state.parsed_ahead->take(text);
  pgsql::ParsedSql parsed = ahead ? std::move(*ahead) : pgsql::parse(text);
  pgsql::read_ddl(text, parsed, state.schema, apply, note);
}

const ast::SqlBody* followed_sql_body(const ast::Sql& op) {
  const ast::SqlBody* pg = nullptr;
  for (const ast::SqlBody& body : op.bodies)
    if (!body.dialect || body.dialect->name == "postgres") pg = &body;
  return pg;
}

std::vector<std::string_view> raw_sql_followed(const ast::Migration& migration) {
  std::vector<std::string_view> texts;
  if (migration.format == MigrationFormat::RawSql) {
    for (const ast::RawStatement& statement : migration.raw_up) texts.push_back(statement.text);
    return texts;
  }
  auto add = [&](const std::vector<ast::Operation>& ops) {
    for (const ast::Operation& op : ops) {
      const auto* sql = std::get_if<ast::Sql>(&op.op);
      if (!sql) continue;
      if (const ast::SqlBody* pg = followed_sql_body(*sql)) texts.push_back(pg->text);
    }
  };
  add(migration.up);
  if (migration.down) add(*migration.down);
  return texts;
}

void apply_raw_ddl(const ast::Migration& migration, CheckState& state, const SourceSet& sources,
                   Diagnostics& diags) {
  for (const ast::RawStatement& statement : migration.raw_up)
    follow_raw_sql(statement.text, statement.range, state, sources, diags, nullptr);
}

}  // namespace migrac
