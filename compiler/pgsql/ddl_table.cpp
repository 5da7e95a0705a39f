// CREATE TABLE and ALTER TABLE, with column and constraint definitions (see
// ddl_reader.h).

#include <algorithm>

#include "compiler/pgsql/ddl_reader.h"
#include "compiler/pgsql/names.h"

namespace migrac::pgsql {

namespace {

// A foreign key action code ("a", the default, is no action).
ast::RefAction ref_action(std::string_view code) {
  if (code == "r") return ast::RefAction::Restrict;
  if (code == "c") return ast::RefAction::Cascade;
  if (code == "n") return ast::RefAction::SetNull;
  if (code == "d") return ast::RefAction::SetDefault;
  return ast::RefAction::NoAction;
}

}  // namespace

void DdlReader::add_constraint(model::Table& t, Node c, const std::string& column) const {
  std::string_view type = c.str("contype");
  model::Constraint k;
  k.name = std::string(c.str("conname"));
  std::vector<std::string> keys = c.has("keys")       ? string_list(c["keys"])
                                  : c.has("fk_attrs") ? string_list(c["fk_attrs"])
                                                      : std::vector<std::string>{};
  if (keys.empty() && !column.empty()) keys = {column};
  model::Column* col = column.empty() ? nullptr : t.column(column);
  if (type == "CONSTR_NOTNULL") {
    if (col) col->not_null = true;
    return;
  }
  if (type == "CONSTR_NULL") {
    if (col) col->not_null = false;
    return;
  }
  if (type == "CONSTR_IDENTITY") {
    if (col) col->identity = col->not_null = true;
    return;
  }
  if (type == "CONSTR_GENERATED") {  // GENERATED ALWAYS AS (expr) STORED
    if (col && c.has("raw_expr")) col->generated = raw_expr(paren_body(sql_, c.location()));
    return;
  }
  if (type == "CONSTR_DEFAULT") {
    if (col && c.has("raw_expr"))
      col->default_value = raw_expr(cut_expr(sql_, first_location(c["raw_expr"]), true));
    return;
  }
  if (type == "CONSTR_PRIMARY") {
    k.kind = ast::ConstraintKind::PrimaryKey;
    k.columns = keys;
    if (k.name.empty()) k.name = primary_key_name(t.name);
    for (const std::string& key : keys)
      if (model::Column* kc = t.column(key)) kc->not_null = true;
  } else if (type == "CONSTR_UNIQUE") {
    k.kind = ast::ConstraintKind::Unique;
    k.columns = keys;
    if (k.name.empty()) k.name = constraint_name(t, keys, "key");
  } else if (type == "CONSTR_FOREIGN") {
    k.kind = ast::ConstraintKind::ForeignKey;
    k.columns = keys;
    k.ref_table = std::string(c["pktable"].str("relname"));
    k.ref_columns = string_list(c["pk_attrs"]);
    if (k.ref_columns.empty())
      if (const model::Table* target = k.ref_table == t.name ? &t : schema_.table(k.ref_table))
        if (const model::Constraint* pk = target->primary_key()) k.ref_columns = pk->columns;
    k.on_delete = ref_action(c.str("fk_del_action"));
    k.on_update = ref_action(c.str("fk_upd_action"));
    if (k.name.empty()) k.name = constraint_name(t, keys, "fkey");
  } else if (type == "CONSTR_CHECK") {
    k.kind = ast::ConstraintKind::Check;
    if (!c.has("raw_expr")) return;
    column_refs(c["raw_expr"], k.columns);
    k.check = raw_expr(paren_body(sql_, c.location()));
    if (k.name.empty())
      k.name = constraint_name(t, k.columns.size() == 1 ? k.columns : std::vector<std::string>{},
                               "check");
  } else {
    return;
  }
  t.constraints.push_back(std::move(k));
}

bool DdlReader::add_column(model::Table& t, Node def) const {
  model::Column col;
  col.name = std::string(def.str("colname"));
  if (col.name.empty() || t.column(col.name)) return false;
  bool identity = false;
  col.type = type_of(def["typeName"], identity);
  col.identity = identity;
  col.not_null = identity;
  t.columns.push_back(col);
  for (Node c : def["constraints"])
    if (c.has("Constraint")) add_constraint(t, c["Constraint"], col.name);
  return true;
}

void DdlReader::create_table(Node s) {
  std::string name(s["relation"].str("relname"));
  if (name.empty() || schema_.table(name)) return;
  model::Table t;
  t.name = name;
  for (Node e : s["tableElts"])
    if (e.has("ColumnDef")) add_column(t, e["ColumnDef"]);
  for (Node e : s["tableElts"])
    if (e.has("Constraint")) add_constraint(t, e["Constraint"], {});
  emit(model::AddTable{std::move(t)});
  // Columns that come from elsewhere: the table holds the written ones only.
  std::string from;
  bool like = false;
  for (Node e : s["tableElts"])
    if (e.has("TableLikeClause")) like = true;
  if (s.has("partbound")) from = "CREATE TABLE ... PARTITION OF";
  else if (s.has("inhRelations")) from = "CREATE TABLE ... INHERITS";
  else if (s.has("ofTypename")) from = "CREATE TABLE ... OF";
  else if (like) from = "CREATE TABLE ... (LIKE ...)";
  if (from.empty()) return;
  Unfollowed& n = note(UnfollowedKind::Unfollowed, from);
  n.tables = {name};
  n.object = "the columns of table '" + name + "'";
}

void DdlReader::alter_table(Node s) {
  std::string name(s["relation"].str("relname"));
  std::string_view objtype = s.str("objtype");
  if (!objtype.empty() && objtype != "OBJECT_TABLE") {
    // ALTER INDEX / VIEW / SEQUENCE ...: only an index's options, and
    // objects the model does not hold.
    return;
  }
  std::vector<std::string> unfollowed;  // subcommands not followed, as words
  auto not_followed = [&](std::string words) {
    if (std::find(unfollowed.begin(), unfollowed.end(), words) == unfollowed.end())
      unfollowed.push_back(std::move(words));
  };
  for (Node cmd_node : s["cmds"]) {
    // Read after each subcommand: the earlier ones are applied.
    const model::Table* t = schema_.table(name);
    Node cmd = cmd_node["AlterTableCmd"];
    std::string_view sub = cmd.str("subtype");
    if (changes_no_model(sub)) continue;
    if (!t) {
      // A table the model does not have (a view's, or one the model lost).
      if (!s.flag("missing_ok")) not_followed(alter_table_words(sub));
      continue;
    }
    std::string col(cmd.str("name"));
    const model::Column* c = t->column(col);
    bool column_sub = sub == "AT_AlterColumnType" || sub == "AT_SetNotNull" ||
                      sub == "AT_DropNotNull" || sub == "AT_ColumnDefault";
    if (column_sub && !c) {
      // A column the database has and the model does not.
      not_followed(alter_table_words(sub) + " of column '" + col + "'");
      continue;
    }
    bool followed = sub == "AT_AddColumn" || sub == "AT_DropColumn" || column_sub ||
                    sub == "AT_AddConstraint" || sub == "AT_DropConstraint";
    if (!followed) {
      not_followed(alter_table_words(sub));
      continue;
    }
    if (sub == "AT_AddColumn" && cmd.has("def")) {
      // Built on a draft of the table, as the checker builds `add column`.
      model::Table draft = *t;
      std::size_t constraints_before = draft.constraints.size();
      Node def = cmd["def"]["ColumnDef"];
      if (!add_column(draft, def)) continue;
      std::vector<model::Constraint> added(draft.constraints.begin() +
                                               static_cast<long>(constraints_before),
                                           draft.constraints.end());
      emit(model::AddColumn{name, *draft.column(std::string(def.str("colname"))),
                            std::move(added)});
    } else if (sub == "AT_DropColumn" && c) {
      emit(model::DropColumn{name, *c});
    } else if (sub == "AT_AlterColumnType" && c) {
      bool identity = false;
      ast::TypeRef to = type_of(cmd["def"]["ColumnDef"]["typeName"], identity);
      emit(model::AlterColumnType{name, col, c->type, to, std::nullopt});
    } else if (sub == "AT_SetNotNull" && c) {
      emit(model::SetNotNull{name, col});
    } else if (sub == "AT_DropNotNull" && c) {
      emit(model::DropNotNull{name, col});
    } else if (sub == "AT_ColumnDefault" && c) {
      std::optional<ast::Expr> to;
      if (cmd.has("def")) to = raw_expr(cut_expr(sql_, first_location(cmd["def"]), false));
      emit(model::SetDefault{name, col, c->default_value, std::move(to)});
    } else if (sub == "AT_AddConstraint" && cmd.has("def")) {
      model::Table draft = *t;
      std::size_t constraints_before = draft.constraints.size();
      add_constraint(draft, cmd["def"]["Constraint"], {});
      if (draft.constraints.size() == constraints_before) {
        not_followed(alter_table_words(sub));  // an exclusion constraint, USING INDEX
        continue;
      }
      emit(model::AddConstraint{name, draft.constraints.back(), false});
    } else if (sub == "AT_DropConstraint") {
      if (const model::Constraint* k = t->constraint(col)) emit(model::DropConstraint{name, *k});
    }
  }
  for (const std::string& words : unfollowed)
    note(UnfollowedKind::Unfollowed, words).tables = {name};
}

}  // namespace migrac::pgsql
