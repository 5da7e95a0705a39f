#pragma once
// The raw-DDL reader's working parts (private to compiler/pgsql): one
// handler per statement kind (ddl_table.cpp, ddl_rename.cpp, ddl_index.cpp,
// ddl_drop.cpp, ddl_enum.cpp), PostgreSQL's types (ddl_types.cpp) and the
// expression text cut from the statement (ddl_text.cpp).

#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/model/apply.h"
#include "compiler/model/schema.h"
#include "compiler/pgsql/ddl.h"
#include "compiler/pgsql/node.h"

namespace migrac::pgsql {

// Reads the statements of one raw SQL text into edits (see ddl.h).
class DdlReader {
 public:
  DdlReader(std::string_view sql, const model::Schema& schema, const EditSink& apply)
      : sql_(sql), schema_(schema), apply_(apply) {}

  // One statement's wrapper node ({"CreateStmt": {...}}).
  void statement(Node stmt);

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

  // --- PostgreSQL's types (ddl_types.cpp)
  // A TypeName as a portable type where there is one; serial types set `identity`.
  ast::TypeRef type_of(Node type_name, bool& identity) const;

  void emit(model::Edit edit) const { apply_(edit); }

  std::string_view sql_;         // the statement text the tree's locations point into
  const model::Schema& schema_;  // the schema before the edit being read
  const EditSink& apply_;
};

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
