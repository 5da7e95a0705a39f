// The statements the raw-DDL reader does not follow: which change no schema,
// which create objects the model does not hold, and which may change tables
// in ways it cannot know (see ddl.h).

#include <array>
#include <cctype>

#include "compiler/pgsql/ddl_reader.h"

namespace migrac::pgsql {

namespace {

// Statement kinds that change no schema: data, grants, comments, settings,
// maintenance, roles, and calls (a function called is not read; docs/language.md).
constexpr std::array<std::string_view, 40> kNoSchema{
    "SelectStmt",         "InsertStmt",        "UpdateStmt",      "DeleteStmt",
    "MergeStmt",          "GrantStmt",         "GrantRoleStmt",   "AlterDefaultPrivilegesStmt",
    "CommentStmt",        "SecLabelStmt",      "VariableSetStmt", "VariableShowStmt",
    "TransactionStmt",    "TruncateStmt",      "VacuumStmt",      "ClusterStmt",
    "ReindexStmt",        "LockStmt",          "CopyStmt",        "ExplainStmt",
    "NotifyStmt",         "ListenStmt",        "UnlistenStmt",    "DiscardStmt",
    "CheckPointStmt",     "AlterSeqStmt",      "CreateRoleStmt",  "AlterRoleStmt",
    "AlterRoleSetStmt",   "DropRoleStmt",      "AlterOwnerStmt",  "CallStmt",
    "RefreshMatViewStmt", "AlterFunctionStmt", "PrepareStmt",     "ExecuteStmt",
    "DeallocateStmt",     "AlterSystemStmt",   "CreatedbStmt",    "DropdbStmt"};

// ALTER TABLE subcommands that change nothing the model holds (storage,
// statistics, owner, triggers and rules enabled, row security, validation).
constexpr std::array<std::string_view, 35> kNoModelSubcommands{
    "AT_SetStatistics",      "AT_SetStorage",         "AT_SetCompression",
    "AT_SetOptions",         "AT_ResetOptions",       "AT_SetRelOptions",
    "AT_ResetRelOptions",    "AT_ReplaceRelOptions",  "AT_ChangeOwner",
    "AT_ClusterOn",          "AT_DropCluster",        "AT_SetLogged",
    "AT_SetUnLogged",        "AT_EnableTrig",         "AT_EnableAlwaysTrig",
    "AT_EnableReplicaTrig",  "AT_DisableTrig",        "AT_EnableTrigAll",
    "AT_DisableTrigAll",     "AT_EnableTrigUser",     "AT_DisableTrigUser",
    "AT_EnableRule",         "AT_EnableAlwaysRule",   "AT_EnableReplicaRule",
    "AT_DisableRule",        "AT_EnableRowSecurity",  "AT_DisableRowSecurity",
    "AT_ForceRowSecurity",   "AT_NoForceRowSecurity", "AT_ReplicaIdentity",
    "AT_ValidateConstraint", "AT_SetTableSpace",      "AT_GenericOptions",
    "AT_SetAccessMethod",    "AT_SetIdentity"};

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view kind) {
  for (std::string_view k : list)
    if (k == kind) return true;
  return false;
}

// "AlterDomainStmt" -> "ALTER DOMAIN".
std::string camel_words(std::string_view kind) {
  if (kind.size() > 4 && kind.substr(kind.size() - 4) == "Stmt") kind.remove_suffix(4);
  std::string out;
  for (std::size_t i = 0; i < kind.size(); ++i) {
    char c = kind[i];
    if (i > 0 && std::isupper(static_cast<unsigned char>(c))) out += ' ';
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string quoted(std::string_view what, const std::string& name) {
  return std::string(what) + " '" + name + "'";
}

// "OBJECT_MATVIEW" -> "materialized view", for messages.
std::string object_word(std::string_view type) {
  if (type == "OBJECT_MATVIEW") return "materialized view";
  if (type == "OBJECT_FOREIGN_TABLE") return "foreign table";
  std::string w(type.substr(type.find('_') == std::string_view::npos ? 0 : type.find('_') + 1));
  for (char& c : w)
    c = c == '_' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return w;
}

// ALTER TABLE's subcommand as SQL words, for messages.
std::string subcommand_words(std::string_view sub) {
  if (sub == "AT_AddIdentity") return "ADD GENERATED AS IDENTITY";
  if (sub == "AT_DropIdentity") return "DROP IDENTITY";
  if (sub == "AT_AlterConstraint") return "ALTER CONSTRAINT";
  if (sub == "AT_AddInherit") return "INHERIT";
  if (sub == "AT_DropInherit") return "NO INHERIT";
  if (sub == "AT_AttachPartition") return "ATTACH PARTITION";
  if (sub == "AT_DetachPartition") return "DETACH PARTITION";
  if (sub == "AT_DropExpression") return "DROP EXPRESSION";
  if (sub == "AT_AddOf") return "OF";
  if (sub == "AT_DropOf") return "NOT OF";
  if (sub == "AT_AddIndexConstraint") return "ADD CONSTRAINT ... USING INDEX";
  std::string_view s = sub.substr(0, 3) == "AT_" ? sub.substr(3) : sub;
  return camel_words(s);
}

}  // namespace

bool changes_no_schema(std::string_view kind) { return listed(kNoSchema, kind); }

bool changes_no_model(std::string_view alter_table_subcommand) {
  return listed(kNoModelSubcommands, alter_table_subcommand);
}

std::string alter_table_words(std::string_view subcommand) {
  return "ALTER TABLE ... " + subcommand_words(subcommand);
}

bool is_followed_kind(std::string_view kind) {
  return kind == "CreateStmt" || kind == "AlterTableStmt" || kind == "RenameStmt" ||
         kind == "IndexStmt" || kind == "DropStmt" || kind == "CreateEnumStmt" ||
         kind == "AlterEnumStmt";
}

std::string statement_words(std::string_view kind, Node s) {
  if (kind == "CreateStmt") return "CREATE TABLE";
  if (kind == "IndexStmt") return "CREATE INDEX";
  if (kind == "RenameStmt")
    return "ALTER " + camel_words(object_word(s.str("renameType"))) + " ... RENAME";
  if (kind == "CreateEnumStmt") return "CREATE TYPE ... AS ENUM";
  if (kind == "AlterEnumStmt") return "ALTER TYPE";
  if (kind == "DropStmt") {
    std::string w = object_word(s.str("removeType"));
    for (char& c : w) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return "DROP " + w;
  }
  if (kind == "AlterTableStmt") {
    std::string_view type = s.str("objtype");
    if (type.empty() || type == "OBJECT_TABLE") return "ALTER TABLE";
    std::string w = object_word(type);
    for (char& c : w) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return "ALTER " + w;
  }
  if (kind == "ViewStmt") return "CREATE VIEW";
  if (kind == "CreateTableAsStmt")
    return s.str("objtype") == "OBJECT_MATVIEW" ? "CREATE MATERIALIZED VIEW"
                                                : "CREATE TABLE ... AS";
  if (kind == "CreateFunctionStmt")
    return s.flag("is_procedure") ? "CREATE PROCEDURE" : "CREATE FUNCTION";
  if (kind == "CreateTrigStmt") return "CREATE TRIGGER";
  if (kind == "RuleStmt") return "CREATE RULE";
  if (kind == "CompositeTypeStmt") return "CREATE TYPE ... AS (...)";
  if (kind == "CreateRangeStmt") return "CREATE TYPE ... AS RANGE";
  if (kind == "CreateSeqStmt") return "CREATE SEQUENCE";
  if (kind == "AlterObjectSchemaStmt") return "ALTER ... SET SCHEMA";
  if (kind == "DefineStmt") return "CREATE " + camel_words(object_word(s.str("kind")));
  if (kind == "DoStmt") return "DO";
  return camel_words(kind);
}

std::vector<std::string> named_tables(Node s) {
  std::vector<std::string> out;
  walk(s, [&](Node n) {
    if (n.has("relname")) add_unique(out, std::string(n.str("relname")));
  });
  // DROP TABLE names its tables as lists of strings.
  if (s.str("removeType") == "OBJECT_TABLE")
    for (Node obj : s["objects"]) {
      std::vector<std::string> n = string_list(obj["List"]["items"]);
      if (!n.empty()) add_unique(out, n.back());
    }
  return out;
}

void DdlReader::skipped_note(std::string_view kind, Node s) {
  Unfollowed& n = note(UnfollowedKind::Unfollowed, statement_words(kind, s));
  n.context = mode_.skipped;
  n.tables = named_tables(s);
  if (kind == "CreateEnumStmt" || kind == "AlterEnumStmt") {
    std::vector<std::string> t = string_list(s["typeName"]);
    if (!t.empty()) n.object = quoted("type", t.back());
  }
}

void DdlReader::other(std::string_view kind, Node s) {
  std::string words = statement_words(kind, s);
  auto unmodeled = [&](std::string object) -> Unfollowed& {
    Unfollowed& n = note(UnfollowedKind::Unmodeled, words);
    n.object = std::move(object);
    return n;
  };
  if (kind == "ViewStmt") {
    Unfollowed& n = unmodeled(quoted("view", std::string(s["view"].str("relname"))));
    n.tables = named_tables(s["query"]);
    return;
  }
  if (kind == "CreateTableAsStmt" || (kind == "SelectStmt" && s.has("intoClause"))) {
    Node rel = kind == "SelectStmt" ? s["intoClause"]["rel"] : s["into"]["rel"];
    std::string name(rel.str("relname"));
    if (kind == "CreateTableAsStmt" && s.str("objtype") == "OBJECT_MATVIEW") {
      unmodeled(quoted("materialized view", name)).tables = named_tables(s["query"]);
      return;
    }
    // The table exists, with columns the model cannot know.
    if (name.empty()) return;
    if (!schema_.table(name)) {
      model::Table t;
      t.name = name;
      emit(model::AddTable{std::move(t)});
    }
    Unfollowed& n = note(UnfollowedKind::Unfollowed,
                         kind == "SelectStmt" ? "SELECT ... INTO" : words);
    n.tables = {name};
    n.object = "the columns of table '" + name + "'";
    return;
  }
  if (kind == "CreateFunctionStmt") {
    unmodeled(quoted(s.flag("is_procedure") ? "procedure" : "function", last_name(s["funcname"])));
    return;
  }
  if (kind == "CreateTrigStmt") {
    unmodeled(quoted("trigger", std::string(s.str("trigname")))).tables = {
        std::string(s["relation"].str("relname"))};
    return;
  }
  if (kind == "RuleStmt") {
    unmodeled(quoted("rule", std::string(s.str("rulename")))).tables = {
        std::string(s["relation"].str("relname"))};
    return;
  }
  if (kind == "CompositeTypeStmt" || kind == "CreateRangeStmt" ||
      (kind == "DefineStmt" && s.str("kind") == "OBJECT_TYPE")) {
    std::string name = kind == "CompositeTypeStmt" ? std::string(s["typevar"].str("relname"))
                       : kind == "CreateRangeStmt" ? last_name(s["typeName"])
                                                   : last_name(s["defnames"]);
    unmodeled(quoted("type", name)).type = name;
    return;
  }
  if (kind == "CreateDomainStmt") {
    std::string name = last_name(s["domainname"]);
    Unfollowed& n = unmodeled(quoted("domain", name));
    n.type = name;
    return;
  }
  if (kind == "CreateExtensionStmt") {
    unmodeled(quoted("extension", std::string(s.str("extname")))).type = "*";
    return;
  }
  if (kind == "CreateSeqStmt") {
    unmodeled(quoted("sequence", std::string(s["sequence"].str("relname"))));
    return;
  }
  if (kind == "CreateSchemaStmt") {
    unmodeled(quoted("schema", std::string(s.str("schemaname"))));
    return;
  }
  if (kind == "CreatePolicyStmt") {
    unmodeled(quoted("policy", std::string(s.str("policy_name")))).tables = {
        std::string(s["table"].str("relname"))};
    return;
  }
  if (kind == "CreateForeignTableStmt") {
    unmodeled(quoted("foreign table", std::string(s["base"]["relation"].str("relname"))));
    return;
  }
  if (kind == "CreateStatsStmt" || kind == "CreateEventTrigStmt" || kind == "CreateCastStmt" ||
      kind == "CreateOpClassStmt" || kind == "CreateConversionStmt" || kind == "DefineStmt" ||
      kind == "CreatePLangStmt" || kind == "CreateFdwStmt" || kind == "CreateForeignServerStmt" ||
      kind == "CreateUserMappingStmt" || kind == "CreatePublicationStmt" ||
      kind == "CreateSubscriptionStmt" || kind == "CreateTransformStmt" || kind == "CreateAmStmt" ||
      kind == "AlterPolicyStmt" || kind == "AlterExtensionStmt" || kind == "AlterPublicationStmt" ||
      kind == "AlterSubscriptionStmt" || kind == "AlterEventTrigStmt" || kind == "AlterStatsStmt" ||
      kind == "CreateTableSpaceStmt" || kind == "ImportForeignSchemaStmt" ||
      kind == "AlterExtensionContentsStmt") {
    return;  // objects the model has no kind for, on no table of it
  }
  // Anything else may change what it names in a way the model cannot know.
  Unfollowed& n = note(UnfollowedKind::Unfollowed, words);
  n.tables = named_tables(s);
  if (kind == "AlterDomainStmt" || kind == "AlterTypeStmt" || kind == "AlterEnumStmt") {
    std::vector<std::string> t = string_list(s["typeName"]);
    if (!t.empty()) n.object = quoted("type", t.back());
  }
  if (n.tables.empty() && n.object.empty()) n.opaque = true;
}

}  // namespace migrac::pgsql
