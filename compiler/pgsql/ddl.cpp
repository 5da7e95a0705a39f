// The raw-DDL reader: parsing and dispatch by statement kind (see ddl.h).

#include "compiler/pgsql/ddl.h"

#include "compiler/pgsql/ddl_reader.h"
#include "compiler/pgsql/parse.h"

namespace migrac::pgsql {

bool DdlReader::read_all() { return read_all(parse(sql_)); }

bool DdlReader::read_all(const ParsedSql& parsed) {
  if (parsed.error) return false;
  for (const Statement& s : parsed.statements) statement(s.node, s.begin, s.end);
  return true;
}

void DdlReader::statement(Node stmt, std::uint32_t begin, std::uint32_t end) {
  std::string_view kind = stmt.kind();
  Node s = stmt.body();
  if (changes_no_schema(kind)) return;
  begin_ = base_ + begin;
  end_ = base_ + end;
  if (mode_.fixed_end != 0) {
    begin_ = base_;
    end_ = mode_.fixed_end;
  }
  if (!mode_.skipped.empty() && is_followed_kind(kind)) {
    skipped_note(kind, s);
  } else if (!mode_.skipped.empty() && kind != "DoStmt") {
    // Edits are held back (emit); unmodeled types are still remembered.
    other(kind, s);
    for (Unfollowed& n : pending_)
      if (n.kind == UnfollowedKind::Unfollowed) n.context = mode_.skipped;
  } else {
    if (!mode_.guess.empty() && is_followed_kind(kind)) {
      note(UnfollowedKind::Guessed, statement_words(kind, s)).tables = named_tables(s);
    }
    if (kind == "CreateStmt") create_table(s);
    else if (kind == "AlterTableStmt") alter_table(s);
    else if (kind == "RenameStmt") rename(s);
    else if (kind == "IndexStmt") create_index(s);
    else if (kind == "DropStmt") drop(s);
    else if (kind == "CreateEnumStmt") create_enum(s);
    else if (kind == "AlterEnumStmt") alter_enum(s);
    else if (kind == "DoStmt") do_block(s);
    else other(kind, s);
  }
  std::vector<Unfollowed> notes = std::move(pending_);
  pending_.clear();
  if (notes_)
    for (const Unfollowed& n : notes) notes_(n);
}

Unfollowed& DdlReader::note(UnfollowedKind kind, std::string what) {
  Unfollowed& n = pending_.emplace_back();
  n.kind = kind;
  n.what = std::move(what);
  n.begin = begin_;
  n.end = end_;
  if (kind == UnfollowedKind::Guessed) n.assumption = mode_.guess;
  return n;
}

void read_ddl(std::string_view sql, const model::Schema& schema, const EditSink& apply,
              const UnfollowedSink& notes) {
  DdlReader reader(sql, schema, apply, notes);
  reader.read_all();
}

void read_ddl(std::string_view sql, const ParsedSql& parsed, const model::Schema& schema,
              const EditSink& apply, const UnfollowedSink& notes) {
  DdlReader reader(sql, schema, apply, notes);
  reader.read_all(parsed);
}

void read_ddl_statement(std::string_view sql, Node stmt, std::uint32_t begin, std::uint32_t end,
                        const model::Schema& schema, const EditSink& apply,
                        const UnfollowedSink& notes) {
  DdlReader reader(sql, schema, apply, notes);
  reader.statement(stmt, begin, end);
}

}  // namespace migrac::pgsql
