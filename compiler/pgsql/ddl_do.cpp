// DO blocks (see ddl_reader.h): the body read with PostgreSQL's PL/pgSQL
// parser, and the SQL statements in it (plain statements, and EXECUTE of a
// constant string) read as top-level ones.
//
// What runs under a condition is decided once, here (docs/language.md):
// - the first branch of an IF is followed as if its condition held. When the
//   IF has no other branch, tests for existence (EXISTS, the catalogs,
//   to_regclass) and its branch only creates (CREATE TYPE/TABLE/INDEX, ALTER
//   TABLE ... ADD), it is the idempotent-create idiom and needs no note:
//   the object exists afterwards either way. Otherwise each statement it
//   follows gets a Guessed note;
// - the body of a loop is followed once, with a Guessed note;
// - ELSIF and ELSE branches, CASE branches and EXCEPTION handlers are not
//   followed: a statement there that changes schema gets an Unfollowed note.
//   The statements of a block with handlers are followed (the handler of
//   `EXCEPTION WHEN dupl_column THEN NULL` is the idempotent idiom);
// - EXECUTE of anything but a constant string, FOR ... IN EXECUTE, and a
//   body PL/pgSQL cannot read are opaque: objects they may touch are unknown.

#include <algorithm>
#include <cctype>

#include "compiler/pgsql/ddl_reader.h"
#include "compiler/pgsql/parse.h"
#include "compiler/pgsql/plpgsql.h"

namespace migrac::pgsql {

namespace {

constexpr int kMaxDepth = 8;  // DO inside EXECUTE inside DO ...

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The text of a PLpgSQL_expr member.
std::string expr_query(Node stmt, std::string_view key) {
  return std::string(stmt[key]["PLpgSQL_expr"].str("query"));
}

// The value of `expr` if it is one constant string ('...', $q$...$q$, E'...').
std::optional<std::string> constant_string(const std::string& expr) {
  ParsedSql p = parse("SELECT " + expr);
  if (p.error || p.statements.size() != 1 || p.statements[0].kind != "SelectStmt") return {};
  Node select = p.statements[0].body;
  if (select["targetList"].size() != 1) return {};
  Node value = select["targetList"].front()["ResTarget"]["val"]["A_Const"];
  if (!value.has("sval") || select.has("fromClause")) return {};
  return std::string(value["sval"].str("sval"));
}

// Whether one SQL statement only creates (what the idempotent idiom guards).
bool only_creates(Node stmt) {
  std::string_view kind = stmt.kind();
  Node s = stmt.body();
  if (kind == "CreateEnumStmt" || kind == "CreateStmt" || kind == "IndexStmt" ||
      kind == "CompositeTypeStmt" || kind == "CreateDomainStmt" || kind == "CreateRangeStmt" ||
      kind == "CreateSeqStmt" || kind == "CreateExtensionStmt" || kind == "ViewStmt" ||
      kind == "CreateFunctionStmt" || kind == "CreateTrigStmt")
    return true;
  if (kind == "AlterEnumStmt") return !s.has("oldVal");
  if (kind != "AlterTableStmt") return false;
  for (Node cmd : s["cmds"]) {
    std::string_view sub = cmd["AlterTableCmd"].str("subtype");
    if (sub != "AT_AddColumn" && sub != "AT_AddConstraint" && sub != "AT_AddIndex") return false;
  }
  return true;
}

// Reads the statements of a DO block's body with ReadModes (see above).
class DoWalker {
 public:
  DoWalker(std::string_view body, std::uint32_t body_base, std::uint32_t fallback_begin,
           std::uint32_t fallback_end, const model::Schema& schema, const EditSink& apply,
           const UnfollowedSink& notes, int depth)
      : body_(body),
        body_base_(body_base),
        fb_begin_(fallback_begin),
        fb_end_(fallback_end),
        schema_(schema),
        apply_(apply),
        notes_(notes),
        depth_(depth) {}

  void statements(Node list, const ReadMode& mode) {
    for (Node stmt : list) statement(stmt, mode);
  }

 private:
  void statement(Node wrapper, const ReadMode& mode) {
    std::string_view kind = wrapper.kind();
    Node s = wrapper.body();
    if (kind == "PLpgSQL_stmt_execsql") {
      sql(expr_query(s, "sqlstmt"), s.integer("lineno"), mode);
    } else if (kind == "PLpgSQL_stmt_dynexecute") {
      std::string query = expr_query(s, "query");
      if (std::optional<std::string> text = constant_string(query)) {
        sql(*text, s.integer("lineno"), mode, query);
      } else {
        opaque("EXECUTE of a built string", s.integer("lineno"), query, mode);
      }
    } else if (kind == "PLpgSQL_stmt_dynfors") {
      opaque("FOR ... IN EXECUTE", s.integer("lineno"), expr_query(s, "query"), mode);
    } else if (kind == "PLpgSQL_stmt_block") {
      statements(s["body"], mode);
      for (Node e : s["exceptions"]["PLpgSQL_exception_block"]["exc_list"])
        statements(e["PLpgSQL_exception"]["action"],
                   skipping(mode, "in an EXCEPTION handler of a DO block"));
    } else if (kind == "PLpgSQL_stmt_if") {
      if_statement(s, mode);
    } else if (kind == "PLpgSQL_stmt_case") {
      for (Node w : s["case_when_list"])
        statements(w["PLpgSQL_case_when"]["stmts"],
                   skipping(mode, "in a CASE branch of a DO block"));
      statements(s["else_stmts"], skipping(mode, "in a CASE branch of a DO block"));
    } else if (kind == "PLpgSQL_stmt_loop" || kind == "PLpgSQL_stmt_while" ||
               kind == "PLpgSQL_stmt_fori" || kind == "PLpgSQL_stmt_fors" ||
               kind == "PLpgSQL_stmt_forc" || kind == "PLpgSQL_stmt_foreach_a") {
      statements(s["body"], guessing(mode, "the loop around it ran it once"));
    }
    // Assignments, RAISE, PERFORM, RETURN, GET DIAGNOSTICS, ... change no schema.
  }

  void if_statement(Node s, const ReadMode& mode) {
    bool other_branches = !s["elsif_list"].empty() || !s["else_body"].empty();
    std::string cond = lower(expr_query(s, "cond"));
    bool tests_existence = cond.find("exists") != std::string::npos ||
                           cond.find("pg_") != std::string::npos ||
                           cond.find("information_schema") != std::string::npos ||
                           cond.find("to_reg") != std::string::npos;
    bool idiom = !other_branches && tests_existence && branch_only_creates(s["then_body"]);
    statements(s["then_body"], idiom ? mode : guessing(mode, "the IF condition around it held"));
    for (Node e : s["elsif_list"])
      statements(e["PLpgSQL_if_elsif"]["stmts"],
                 skipping(mode, "in an ELSIF branch of a DO block"));
    statements(s["else_body"], skipping(mode, "in an ELSE branch of a DO block"));
  }

  bool branch_only_creates(Node list) const {
    bool any = false;
    for (Node wrapper : list) {
      std::string_view kind = wrapper.kind();
      Node s = wrapper.body();
      std::string query;
      if (kind == "PLpgSQL_stmt_execsql") {
        query = expr_query(s, "sqlstmt");
      } else if (kind == "PLpgSQL_stmt_dynexecute") {
        std::optional<std::string> text = constant_string(expr_query(s, "query"));
        if (!text) return false;
        query = *text;
      } else if (kind == "PLpgSQL_stmt_raise" || kind == "PLpgSQL_stmt_perform") {
        continue;
      } else {
        return false;
      }
      ParsedSql p = parse(query);
      if (p.error) return false;
      for (const Statement& st : p.statements) {
        if (!only_creates(st.node)) return false;
        any = true;
      }
    }
    return any;
  }

  static ReadMode guessing(const ReadMode& mode, std::string assumption) {
    ReadMode m = mode;
    if (m.guess.empty()) m.guess = std::move(assumption);
    return m;
  }
  static ReadMode skipping(const ReadMode& mode, std::string where) {
    ReadMode m = mode;
    if (m.skipped.empty()) m.skipped = std::move(where);
    return m;
  }

  // Where `text` is written on line `lineno` of the body (or after it), in
  // the text notes point into; the DO statement itself when it cannot be found.
  std::pair<std::uint32_t, std::uint32_t> locate(std::int64_t lineno, std::string_view text) const {
    if (body_base_ == kUnknown || text.empty()) return {fb_begin_, fb_end_};
    std::size_t line_start = 0;
    for (std::int64_t l = 1; l < lineno && line_start < body_.size(); ++l) {
      std::size_t nl = body_.find('\n', line_start);
      if (nl == std::string_view::npos) break;
      line_start = nl + 1;
    }
    std::size_t at = body_.find(text, line_start);
    if (at == std::string_view::npos) at = body_.find(text);
    if (at == std::string_view::npos) return {fb_begin_, fb_end_};
    auto begin = static_cast<std::uint32_t>(body_base_ + at);
    return {begin, static_cast<std::uint32_t>(begin + text.size())};
  }

  // Reads `sql` (a statement of the body, or an EXECUTE's constant string
  // written as `written`) with `mode`.
  void sql(const std::string& text, std::int64_t lineno, const ReadMode& mode,
           const std::string& written = {}) {
    auto [begin, end] = locate(lineno, written.empty() ? std::string_view(text) : written);
    bool found = body_base_ != kUnknown && !(begin == fb_begin_ && end == fb_end_);
    // Notes point into the statement's own text where it is written
    // verbatim, else at the whole statement (or DO block) it stands in.
    std::uint32_t base = begin;
    if (found && !written.empty()) {
      auto [b, e] = locate(lineno, text);
      found = !(b == fb_begin_ && e == fb_end_);
      base = found ? b : begin;
    }
    ReadMode m = mode;
    m.depth = depth_ + 1;
    if (!found) m.fixed_end = end;
    if (m.depth > kMaxDepth) return;
    DdlReader reader(text, schema_, apply_, notes_, base, m);
    if (!reader.read_all() && notes_) {
      Unfollowed n;
      n.what = "a statement of a DO block PostgreSQL cannot parse";
      n.opaque = true;
      n.begin = begin;
      n.end = end;
      notes_(n);
    }
  }

  void opaque(const char* what, std::int64_t lineno, const std::string& written,
              const ReadMode& mode) {
    if (!notes_) return;
    auto [begin, end] = locate(lineno, written);
    Unfollowed n;
    n.what = what;
    n.opaque = true;
    n.context = mode.skipped;
    n.begin = begin;
    n.end = end;
    notes_(n);
  }

 public:
  static constexpr std::uint32_t kUnknown = 0xFFFFFFFFu;

 private:
  std::string_view body_;
  std::uint32_t body_base_;
  std::uint32_t fb_begin_, fb_end_;
  const model::Schema& schema_;
  const EditSink& apply_;
  const UnfollowedSink& notes_;
  int depth_;
};

}  // namespace

void DdlReader::do_block(Node s) {
  std::string body;
  std::string language = "plpgsql";
  for (Node arg : s["args"]) {
    Node d = arg["DefElem"];
    if (d.str("defname") == "as") body = std::string(d["arg"]["String"].str("sval"));
    if (d.str("defname") == "language") language = lower(d["arg"]["String"].str("sval"));
  }
  if (language != "plpgsql") {
    Unfollowed& n = note(UnfollowedKind::Unfollowed, "DO");
    n.context = "in LANGUAGE " + language;
    n.opaque = true;
    return;
  }
  ParsedPlpgsql parsed = parse_plpgsql(body);
  if (!parsed.error.empty()) {
    Unfollowed& n = note(UnfollowedKind::Unfollowed, "DO");
    n.context = "whose body PL/pgSQL cannot read (" + parsed.error + ")";
    n.opaque = true;
    return;
  }
  // Where the body is written (a dollar-quoted body is verbatim).
  std::uint32_t body_base = DoWalker::kUnknown;
  std::size_t local = begin_ - base_;
  std::size_t at = body.empty() ? std::string_view::npos : sql_.find(body, local);
  if (at != std::string_view::npos) body_base = static_cast<std::uint32_t>(base_ + at);
  // The notes of the DO statement itself go first, then the body's in order.
  DoWalker walker(body, body_base, begin_, end_, schema_, apply_, notes_, mode_.depth);
  walker.statements(parsed.action["PLpgSQL_stmt_block"]["body"], mode_);
  for (Node e :
       parsed.action["PLpgSQL_stmt_block"]["exceptions"]["PLpgSQL_exception_block"]["exc_list"]) {
    ReadMode m = mode_;
    if (m.skipped.empty()) m.skipped = "in an EXCEPTION handler of a DO block";
    walker.statements(e["PLpgSQL_exception"]["action"], m);
  }
}

}  // namespace migrac::pgsql
