#pragma once
// The raw-DDL reader's working parts (private to compiler/pgsql): one
// handler per statement kind (ddl_table.cpp, ddl_rename.cpp, ddl_index.cpp,
// ddl_drop.cpp, ddl_enum.cpp), DO blocks (ddl_do.cpp), the statements it
// does not follow (ddl_other.cpp), PostgreSQL's types (ddl_types.cpp) and the
// expression text cut from the statement (ddl_text.cpp).

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/model/apply.h"
#include "compiler/model/schema.h"
#include "compiler/pgsql/ddl.h"
#include "compiler/pgsql/node.h"

namespace migrac::pgsql {

// How a reader takes the statements it reads: as written, as a guess (the
// branch of an IF taken as if its condition held), or not at all (a branch
// not taken, an EXCEPTION handler), each with the words a note gives.
struct ReadMode {
  std::string guess;    // non-empty: follow, with a Guessed note giving this assumption
  std::string skipped;  // non-empty: do not follow; an Unfollowed note says where it is
  int depth = 0;        // DO blocks and EXECUTE strings read inside each other
  // Non-zero when the text is not written verbatim where notes point (an
  // escaped string): every note covers [base, fixed_end) instead.
  std::uint32_t fixed_end = 0;
};

// Reads the statements of one raw SQL text into edits and notes (see ddl.h).
class DdlReader {
 public:
  // `base` is the offset of `sql` in the text that notes point into.
  DdlReader(std::string_view sql, const model::Schema& schema, const EditSink& apply,
            const UnfollowedSink& notes, std::uint32_t base = 0, ReadMode mode = {})
      : sql_(sql),
        schema_(schema),
        apply_(apply),
        notes_(notes),
        base_(base),
        mode_(std::move(mode)) {}

  // Reads every statement of the text; false if PostgreSQL cannot parse it.
  bool read_all();
  // The same, with the text already parsed (`parsed` is parse of the text).
  bool read_all(const ParsedSql& parsed);
  // One statement's wrapper node ({"CreateStmt": {...}}), written at
  // [begin, end) of the text.
  void statement(Node stmt, std::uint32_t begin, std::uint32_t end);

 private:
  // --- tables (ddl_table.cpp)
  void create_table(Node s);
  void alter_table(Node s);
  // Adds a column definition (and its inline constraints) to `t`; false when
  // it has no name or `t` has the column already.
  bool add_column(model::Table& t, Node def) const;
  // Adds a Constraint node to `t`: a table constraint (`column` empty) or one
  // of column `column` (not null, default, identity change the column).
  void add_constraint(model::Table& t, Node c, const std::string& column) const;

  // --- the other statements
  void rename(Node s);        // ddl_rename.cpp
  void create_index(Node s);  // ddl_index.cpp
  void drop(Node s);          // ddl_drop.cpp
  void create_enum(Node s);   // ddl_enum.cpp
  void alter_enum(Node s);
  void do_block(Node s);  // ddl_do.cpp

  // --- what it does not follow (ddl_other.cpp)
  // A statement of a kind the reader has no handler for: a note, or nothing
  // for a statement that changes no schema.
  void other(std::string_view kind, Node s);
  // A note on the statement being read, sent after its edits.
  Unfollowed& note(UnfollowedKind kind, std::string what);
  // A note that the statement being read is not followed at all (ReadMode::skipped).
  void skipped_note(std::string_view kind, Node s);

  // --- PostgreSQL's types (ddl_types.cpp)
  // A TypeName as a portable type where there is one; serial types set `identity`.
  ast::TypeRef type_of(Node type_name, bool& identity) const;

  void emit(model::Edit edit) const {
    if (mode_.skipped.empty()) apply_(edit);
  }

  std::string_view sql_;         // the statement text the tree's locations point into
  const model::Schema& schema_;  // the schema before the edit being read
  const EditSink& apply_;
  const UnfollowedSink& notes_;
  std::uint32_t base_ = 0;
  ReadMode mode_;
  std::uint32_t begin_ = 0, end_ = 0;  // the statement being read, in the text notes point into
  std::vector<Unfollowed> pending_;    // its notes
};

// --- statement kinds (ddl_other.cpp)

// Whether a statement kind changes no schema (data, grants, comments, settings).
bool changes_no_schema(std::string_view kind);
// Whether an ALTER TABLE subcommand changes nothing the model holds (storage,
// owner, triggers enabled, validation).
bool changes_no_model(std::string_view alter_table_subcommand);
// "ALTER TABLE ... ADD GENERATED AS IDENTITY", for notes.
std::string alter_table_words(std::string_view subcommand);
// Whether the reader follows statements of this kind (a handler in DdlReader::statement).
bool is_followed_kind(std::string_view kind);
// The statement kind as SQL words: "CREATE VIEW", "ALTER TABLE".
std::string statement_words(std::string_view kind, Node s);
// The tables a statement names (every RangeVar), first appearance first.
std::vector<std::string> named_tables(Node s);

// --- expression text (ddl_text.cpp)

// An opaque `sql` expression holding `text`.
ast::Expr raw_expr(std::string text);
// The text inside the first parentheses at or after `from` (CHECK (...)).
std::string paren_body(std::string_view sql, long from);
// The expression text starting at `begin`: up to the first ',' or ';' or
// unmatched ')' at its own level (with `stop_words`, also a constraint
// keyword after a blank: `default 0 not null`), without trailing blanks and
// comments.
std::string cut_expr(std::string_view sql, long begin, bool stop_words);
// Every column a parse subtree reads (ColumnRef nodes), first appearance
// first, appended to `out` without repeats.
void column_refs(Node node, std::vector<std::string>& out);
// Appends `name` to `list` unless it is already there.
void add_unique(std::vector<std::string>& list, const std::string& name);

}  // namespace migrac::pgsql
