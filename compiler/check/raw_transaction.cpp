// Raw SQL that PostgreSQL refuses inside a transaction block
// (PreventInTransactionBlock: "... cannot run inside a transaction block")
// in a raw migration that runs in one: an error at the statement, with the
// fix, instead of a failure at `upgrade`. The statements are read from
// PostgreSQL's own parse tree; only a statement that names one of the
// keywords below is parsed (the others cannot be such a statement), except in
// a file that runs outside a transaction, where BEGIN ... COMMIT is followed.
//
// Left out on purpose: what depends on the database rather than the text (a
// REINDEX of a partitioned table, DROP SUBSCRIPTION of one with a slot), and
// ALTER TYPE ... ADD VALUE, which PostgreSQL 12 and later accept in a
// transaction (only using the new value there fails).
#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

#include "compiler/check/checker.h"
#include "compiler/pgsql/parse.h"

namespace migrac {

namespace {

// Whether a DefElem list (`options`, `params`) has `name`.
bool has_option(pgsql::Node list, std::string_view name) {
  for (pgsql::Node item : list) {
    if (item.as("DefElem").str("defname") == name) return true;
  }
  return false;
}

// Whether a DefElem list sets `name` to false (`create_slot = false`).
bool option_false(pgsql::Node list, std::string_view name) {
  for (pgsql::Node item : list) {
    pgsql::Node def = item.as("DefElem");
    if (def.str("defname") != name) continue;
    pgsql::Node arg = def["arg"];
    std::string_view value = arg.as("String").str("sval");
    if (value.empty()) value = arg.as("Boolean").flag("boolval") ? "true" : "";
    return value == "false" || value == "off" || value == "0";
  }
  return false;
}

// PostgreSQL's name of what the statement is (as its error says it) when it
// cannot run inside a transaction block; empty when it can.
std::string refused_in_transaction(const pgsql::Statement& s) {
  const pgsql::Node& body = s.body;
  std::string_view kind = s.kind;
  if (kind == "IndexStmt" && body.flag("concurrent")) return "CREATE INDEX CONCURRENTLY";
  if (kind == "DropStmt" && body.str("removeType") == "OBJECT_INDEX" && body.flag("concurrent"))
    return "DROP INDEX CONCURRENTLY";
  if (kind == "ReindexStmt") {
    if (has_option(body["params"], "concurrently")) return "REINDEX CONCURRENTLY";
    if (body.str("kind") == "REINDEX_OBJECT_DATABASE") return "REINDEX DATABASE";
    if (body.str("kind") == "REINDEX_OBJECT_SYSTEM") return "REINDEX SYSTEM";
    return {};
  }
  if (kind == "VacuumStmt" && body.flag("is_vacuumcmd")) return "VACUUM";
  if (kind == "CreatedbStmt") return "CREATE DATABASE";
  if (kind == "DropdbStmt") return "DROP DATABASE";
  if (kind == "AlterDatabaseStmt" && has_option(body["options"], "tablespace"))
    return "ALTER DATABASE SET TABLESPACE";
  if (kind == "AlterSystemStmt") return "ALTER SYSTEM";
  if (kind == "ClusterStmt" && body["relation"].missing()) return "CLUSTER";
  if (kind == "CreateTableSpaceStmt") return "CREATE TABLESPACE";
  if (kind == "DropTableSpaceStmt") return "DROP TABLESPACE";
  if (kind == "DiscardStmt" && body.str("target") == "DISCARD_ALL") return "DISCARD ALL";
  if (kind == "TransactionStmt") {
    if (body.str("kind") == "TRANS_STMT_COMMIT_PREPARED") return "COMMIT PREPARED";
    if (body.str("kind") == "TRANS_STMT_ROLLBACK_PREPARED") return "ROLLBACK PREPARED";
    return {};
  }
  if (kind == "AlterTableStmt") {
    for (pgsql::Node cmd : body["cmds"]) {
      pgsql::Node c = cmd.as("AlterTableCmd");
      if (c.str("subtype") == "AT_DetachPartition" &&
          c["def"].as("PartitionCmd").flag("concurrent")) {
        return "ALTER TABLE ... DETACH CONCURRENTLY";
      }
    }
    return {};
  }
  if (kind == "CreateSubscriptionStmt" && !option_false(body["options"], "create_slot") &&
      !option_false(body["options"], "connect")) {
    return "CREATE SUBSCRIPTION ... WITH (create_slot = true)";
  }
  return {};
}

// Whether the text names a keyword of such a statement (case-insensitive);
// the cheap filter before parsing.
bool may_be_refused(std::string_view text) {
  static constexpr std::array<std::string_view, 9> kWords = {
      "concurrently", "vacuum",  "database", "system",      "cluster",
      "tablespace",   "discard", "prepared", "subscription"};
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::any_of(kWords.begin(), kWords.end(),
                     [&](std::string_view w) { return lower.find(w) != std::string::npos; });
}

// Checks the statements of one file of a raw migration.
void check_file(const std::vector<ast::RawStatement>& statements, bool transactional, bool down,
                Diagnostics& diags) {
  // An explicit BEGIN in a file that runs statement by statement opens a
  // block too, until COMMIT or ROLLBACK.
  std::optional<SourceRange> begun;
  for (const ast::RawStatement& statement : statements) {
    // A file that runs outside a transaction (rare) is parsed whole, for its BEGINs.
    if (transactional && !may_be_refused(statement.text)) continue;
    pgsql::ParsedSql parsed = pgsql::parse(statement.text);
    if (parsed.error) continue;  // reported where the file is split
    for (const pgsql::Statement& s : parsed.statements) {
      if (s.kind == "TransactionStmt" && !transactional) {
        std::string_view k = s.body.str("kind");
        if (k == "TRANS_STMT_BEGIN" || k == "TRANS_STMT_START") begun = statement.range;
        if (k == "TRANS_STMT_COMMIT" || k == "TRANS_STMT_ROLLBACK") begun.reset();
      }
      std::string what = refused_in_transaction(s);
      if (what.empty() || (!transactional && !begun)) continue;
      if (transactional) {
        diags.report(DiagKind::RawNeedsNoTransaction, statement.range,
                     fmt::format("'{}' cannot run inside a transaction block, and this migration "
                                 "runs in one",
                                 what),
                     down ? "add '-- migrac:no-transaction' at the top of the .up.sql file (it "
                            "holds for the .down.sql file too)"
                          : "add '-- migrac:no-transaction' at the top of the file");
        continue;
      }
      Diagnostic& d = diags.report(
          DiagKind::RawNeedsNoTransaction, statement.range,
          fmt::format("'{}' cannot run inside a transaction block, and this statement is "
                      "between BEGIN and COMMIT",
                      what),
          "move it after the COMMIT (the file runs outside a transaction)");
      d.note(*begun, "the transaction block begins here");
    }
  }
}

}  // namespace

void check_raw_transaction(const ast::Migration& migration, bool transactional,
                           Diagnostics& diags) {
  check_file(migration.raw_up, transactional, false, diags);
  check_file(migration.raw_down, transactional, true, diags);
}

}  // namespace migrac
