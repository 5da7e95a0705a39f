// Follows the simple DDL of raw .up.sql migrations in the schema model, so
// that later .mig migrations can use what they created: CREATE/DROP TABLE,
// ALTER TABLE (add/drop/alter column, add/drop constraint), renames, CREATE/DROP
// INDEX, CREATE/ALTER/DROP TYPE ... AS ENUM. Statements come from PostgreSQL's
// own parser (libpg_query, JSON parse tree). Anything else (functions, views,
// data changes) is passed over: raw SQL is the user's to answer for, so this
// reports nothing.
//
// Objects created here get PostgreSQL's names (users_pkey, users_email_key,
// orders_user_id_fkey, users_email_idx), since that is what the raw SQL
// creates in the database. Expressions (checks, index expressions and
// predicates, defaults) are kept as opaque `sql` text cut from the statement.
#include <nlohmann/json.hpp>
#include <pg_query.h>

#include <algorithm>
#include <cctype>

#include "compiler/check/checker.h"

namespace migrac {

namespace {

using nlohmann::json;

// The sval of a {"String": {"sval": ...}} node.
std::string sval(const json& j) {
  if (j.contains("String")) return j["String"].value("sval", "");
  return {};
}

std::vector<std::string> names(const json& list) {
  std::vector<std::string> out;
  if (!list.is_array()) return out;
  for (const json& j : list) out.push_back(sval(j));
  return out;
}

// Every column a parse subtree reads (ColumnRef nodes), first appearance first.
void column_refs(const json& j, std::vector<std::string>& out) {
  if (j.is_object()) {
    if (j.contains("ColumnRef")) {
      std::vector<std::string> fields = names(j["ColumnRef"]["fields"]);
      if (!fields.empty() && !fields.back().empty()) add_unique(out, fields.back());
      return;
    }
    for (const auto& [key, value] : j.items()) column_refs(value, out);
  } else if (j.is_array()) {
    for (const json& v : j) column_refs(v, out);
  }
}

// The smallest location in a parse subtree: where its text starts (an
// operator node's own location is the operator's).
int location_of(const json& j) {
  int best = -1;
  auto take = [&](int l) {
    if (l >= 0 && (best < 0 || l < best)) best = l;
  };
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      if (key == "location" && value.is_number()) take(value.get<int>());
      else take(location_of(value));
    }
  } else if (j.is_array()) {
    for (const json& v : j) take(location_of(v));
  }
  return best;
}

// The text inside the first parentheses at or after `from` (CHECK (...)).
std::string paren_body(const std::string& sql, int from) {
  if (from < 0) return {};
  std::size_t open = sql.find('(', static_cast<std::size_t>(from));
  if (open == std::string::npos) return {};
  int depth = 0;
  for (std::size_t i = open; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'' || c == '"') {
      for (++i; i < sql.size() && sql[i] != c; ++i) {}
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0) return sql.substr(open + 1, i - open - 1);
  }
  return {};
}

// The expression text starting at `begin`: up to the first top-level ',' or
// ')' (or, with `stop_words`, a constraint keyword), quotes respected.
std::string cut_expr(const std::string& sql, int begin, bool stop_words) {
  if (begin < 0 || static_cast<std::size_t>(begin) >= sql.size()) return {};
  std::size_t i = static_cast<std::size_t>(begin);
  int depth = 0;
  for (; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'' || c == '"') {
      for (++i; i < sql.size() && sql[i] != c; ++i) {}
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')' && depth-- == 0) break;
    if (depth == 0 && (c == ',' || c == ';')) break;
    if (stop_words && depth == 0 && i > static_cast<std::size_t>(begin) &&
        std::isspace(static_cast<unsigned char>(sql[i - 1]))) {
      std::string rest;
      for (std::size_t k = i; k < sql.size() && std::isalpha(static_cast<unsigned char>(sql[k]));
           ++k)
        rest += static_cast<char>(std::tolower(static_cast<unsigned char>(sql[k])));
      if (rest == "not" || rest == "null" || rest == "primary" || rest == "unique" ||
          rest == "references" || rest == "check" || rest == "constraint" ||
          rest == "generated" || rest == "collate")
        break;
    }
  }
  std::string text = sql.substr(static_cast<std::size_t>(begin), i - static_cast<std::size_t>(begin));
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  return text;
}

ast::Expr raw_expr(std::string text) {
  ast::Expr e;
  e.kind = ast::ExprKind::RawSql;
  e.text = std::move(text);
  return e;
}

ast::RefAction ref_action(const std::string& code) {
  if (code == "r") return ast::RefAction::Restrict;
  if (code == "c") return ast::RefAction::Cascade;
  if (code == "n") return ast::RefAction::SetNull;
  if (code == "d") return ast::RefAction::SetDefault;
  return ast::RefAction::NoAction;
}

// Applies one raw statement's parse tree to the state.
class RawDdl {
 public:
  RawDdl(CheckState& st, const std::string& sql, SourceRange at) : st_(st), sql_(sql), at_(at) {}

  void apply(const json& stmt) {
    if (stmt.contains("CreateStmt")) create_table(stmt["CreateStmt"]);
    else if (stmt.contains("AlterTableStmt")) alter_table(stmt["AlterTableStmt"]);
    else if (stmt.contains("RenameStmt")) rename(stmt["RenameStmt"]);
    else if (stmt.contains("IndexStmt")) create_index(stmt["IndexStmt"]);
    else if (stmt.contains("DropStmt")) drop(stmt["DropStmt"]);
    else if (stmt.contains("CreateEnumStmt")) create_enum(stmt["CreateEnumStmt"]);
    else if (stmt.contains("AlterEnumStmt")) alter_enum(stmt["AlterEnumStmt"]);
  }

 private:
  // A PostgreSQL type as a portable one where there is one; serial types set identity.
  ast::TypeRef type_of(const json& type_name, bool& identity) const {
    ast::TypeRef t;
    std::vector<std::string> n = names(type_name["names"]);
    std::string base = n.empty() ? "text" : n.back();
    std::vector<std::int64_t> mods;
    if (type_name.contains("typmods"))
      for (const json& m : type_name["typmods"])
        if (m.contains("A_Const") && m["A_Const"].contains("ival"))
          mods.push_back(m["A_Const"]["ival"].value("ival", 0));
    using K = ast::TypeKind;
    static const std::vector<std::pair<std::string, K>> kMap{
        {"int2", K::SmallInt}, {"int4", K::Int}, {"int8", K::BigInt}, {"float4", K::Real},
        {"float8", K::Double}, {"numeric", K::Numeric}, {"bool", K::Bool}, {"text", K::Text},
        {"varchar", K::Varchar}, {"bpchar", K::Char}, {"bytea", K::Bytes}, {"date", K::Date},
        {"time", K::Time}, {"timestamp", K::Timestamp}, {"timestamptz", K::Timestamptz},
        {"interval", K::Interval}, {"uuid", K::Uuid}, {"json", K::Json}, {"jsonb", K::Jsonb},
        {"smallserial", K::SmallInt}, {"serial", K::Int}, {"bigserial", K::BigInt}};
    bool array = type_name.contains("arrayBounds");
    for (const auto& [pg, kind] : kMap) {
      if (base != pg || array) continue;
      t.kind = kind;
      if (base.find("serial") != std::string::npos) identity = true;
      if (!mods.empty()) t.length = mods[0];
      if (mods.size() > 1) t.scale = mods[1];
      return t;
    }
    if (!array && st_.schema.enum_type(base)) {
      t.kind = K::Enum;
      t.name = base;
      return t;
    }
    t.kind = K::Native;
    t.name = base + (array ? "[]" : "");
    return t;
  }

  // PostgreSQL's choice of a free constraint name: <table>_<cols>_<label>[N].
  static std::string pg_name(const model::Table& t, const std::vector<std::string>& cols,
                             const std::string& label) {
    std::string base = t.name;
    for (const std::string& c : cols) base += "_" + c;
    std::string name = base + "_" + label;
    for (int n = 1; t.constraint(name) || t.index(name); ++n)
      name = base + "_" + label + std::to_string(n);
    return name;
  }

  // Adds a Constraint node (column or table level) to `t`.
  void add_constraint(model::Table& t, const json& c, const std::string& column) {
    std::string type = c.value("contype", "");
    model::Constraint k;
    k.name = c.value("conname", "");
    std::vector<std::string> keys =
        c.contains("keys") ? names(c["keys"])
        : c.contains("fk_attrs") ? names(c["fk_attrs"])
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
    if (type == "CONSTR_DEFAULT") {
      if (col && c.contains("raw_expr"))
        col->default_value = raw_expr(cut_expr(sql_, location_of(c["raw_expr"]), true));
      return;
    }
    if (type == "CONSTR_PRIMARY") {
      k.kind = ast::ConstraintKind::PrimaryKey;
      k.columns = keys;
      if (k.name.empty()) k.name = t.name + "_pkey";
      for (const std::string& key : keys)
        if (model::Column* kc = t.column(key)) kc->not_null = true;
    } else if (type == "CONSTR_UNIQUE") {
      k.kind = ast::ConstraintKind::Unique;
      k.columns = keys;
      if (k.name.empty()) k.name = pg_name(t, keys, "key");
    } else if (type == "CONSTR_FOREIGN") {
      k.kind = ast::ConstraintKind::ForeignKey;
      k.columns = keys;
      k.ref_table = c["pktable"].value("relname", "");
      k.ref_columns = names(c.value("pk_attrs", json::array()));
      if (k.ref_columns.empty())
        if (const model::Table* target = k.ref_table == t.name ? &t : st_.schema.table(k.ref_table))
          if (const model::Constraint* pk = target->primary_key()) k.ref_columns = pk->columns;
      k.on_delete = ref_action(c.value("fk_del_action", "a"));
      k.on_update = ref_action(c.value("fk_upd_action", "a"));
      if (k.name.empty()) k.name = pg_name(t, keys, "fkey");
    } else if (type == "CONSTR_CHECK") {
      k.kind = ast::ConstraintKind::Check;
      if (!c.contains("raw_expr")) return;
      column_refs(c["raw_expr"], k.columns);
      k.check = raw_expr(paren_body(sql_, c.value("location", -1)));
      if (k.name.empty())
        k.name = pg_name(t, k.columns.size() == 1 ? k.columns : std::vector<std::string>{},
                         "check");
    } else {
      return;
    }
    if (k.kind == ast::ConstraintKind::PrimaryKey || k.kind == ast::ConstraintKind::Unique)
      st_.key_names[k.name] = t.name;
    t.constraints.push_back(std::move(k));
  }

  void add_column(model::Table& t, const json& def) {
    model::Column col;
    col.name = def.value("colname", "");
    if (col.name.empty() || t.column(col.name)) return;
    bool identity = false;
    col.type = type_of(def["typeName"], identity);
    col.identity = identity;
    col.not_null = identity;
    t.columns.push_back(col);
    if (def.contains("constraints"))
      for (const json& c : def["constraints"])
        if (c.contains("Constraint")) add_constraint(t, c["Constraint"], col.name);
  }

  void create_table(const json& s) {
    std::string name = s["relation"].value("relname", "");
    if (name.empty() || st_.schema.table(name)) return;
    model::Table t;
    t.name = name;
    if (s.contains("tableElts")) {
      for (const json& e : s["tableElts"])
        if (e.contains("ColumnDef")) add_column(t, e["ColumnDef"]);
      for (const json& e : s["tableElts"])
        if (e.contains("Constraint")) add_constraint(t, e["Constraint"], {});
    }
    st_.schema.tables.emplace(name, std::move(t));
    st_.table_at[name] = at_;
  }

  void alter_table(const json& s) {
    model::Table* t = st_.schema.table(s["relation"].value("relname", ""));
    if (!t || !s.contains("cmds")) return;
    for (const json& cmd_node : s["cmds"]) {
      const json& cmd = cmd_node["AlterTableCmd"];
      std::string sub = cmd.value("subtype", "");
      std::string col = cmd.value("name", "");
      model::Column* c = t->column(col);
      if (sub == "AT_AddColumn" && cmd.contains("def")) {
        add_column(*t, cmd["def"]["ColumnDef"]);
      } else if (sub == "AT_DropColumn" && c) {
        t->columns.erase(t->columns.begin() + (c - t->columns.data()));
      } else if (sub == "AT_AlterColumnType" && c) {
        bool identity = false;
        c->type = type_of(cmd["def"]["ColumnDef"]["typeName"], identity);
      } else if (sub == "AT_SetNotNull" && c) {
        c->not_null = true;
      } else if (sub == "AT_DropNotNull" && c) {
        c->not_null = false;
      } else if (sub == "AT_ColumnDefault" && c) {
        if (cmd.contains("def"))
          c->default_value = raw_expr(cut_expr(sql_, location_of(cmd["def"]), false));
        else
          c->default_value.reset();
      } else if (sub == "AT_AddConstraint" && cmd.contains("def")) {
        add_constraint(*t, cmd["def"]["Constraint"], {});
      } else if (sub == "AT_DropConstraint") {
        auto it = std::find_if(t->constraints.begin(), t->constraints.end(),
                               [&](const model::Constraint& k) { return k.name == col; });
        if (it == t->constraints.end()) continue;
        st_.key_names.erase(it->name);
        t->constraints.erase(it);
      }
    }
  }

  void rename(const json& s) {
    std::string type = s.value("renameType", "");
    std::string to = s.value("newname", "");
    if (type == "OBJECT_INDEX") {
      std::string from = s["relation"].value("relname", "");
      auto owner = st_.schema.index_owner.find(from);
      if (owner == st_.schema.index_owner.end()) return;
      model::Table* t = st_.schema.table(owner->second);
      st_.schema.index_owner.erase(owner);
      if (!t) return;
      for (model::Index& i : t->indexes)
        if (i.name == from) i.name = to;
      st_.schema.index_owner[to] = t->name;
      return;
    }
    model::Table* t = st_.schema.table(s["relation"].value("relname", ""));
    if (!t || to.empty()) return;
    if (type == "OBJECT_TABLE") {
      if (st_.schema.table(to)) return;
      std::string from = t->name;
      auto node = st_.schema.tables.extract(from);
      node.key() = to;
      node.mapped().name = to;
      for (model::Index& i : node.mapped().indexes) {
        i.table = to;
        st_.schema.index_owner[i.name] = to;
      }
      for (const model::Constraint& k : node.mapped().constraints)
        if (st_.key_names.count(k.name)) st_.key_names[k.name] = to;
      st_.schema.tables.insert(std::move(node));
      for (auto& [n, other] : st_.schema.tables)
        for (model::Constraint& k : other.constraints)
          if (k.ref_table == from) k.ref_table = to;
    } else if (type == "OBJECT_COLUMN") {
      std::string from = s.value("subname", "");
      model::Column* c = t->column(from);
      if (!c || t->column(to)) return;
      c->name = to;
      auto ren = [&](std::vector<std::string>& list) {
        for (std::string& x : list)
          if (x == from) x = to;
      };
      for (model::Constraint& k : t->constraints) ren(k.columns);
      for (model::Index& i : t->indexes) {
        ren(i.columns);
        for (ast::Expr& e : i.elements) rename_column_refs(e, from, to);
      }
      for (auto& [n, other] : st_.schema.tables)
        for (model::Constraint& k : other.constraints)
          if (k.ref_table == t->name) ren(k.ref_columns);
    } else if (type == "OBJECT_TABCONSTRAINT") {
      std::string from = s.value("subname", "");
      for (model::Constraint& k : t->constraints) {
        if (k.name != from) continue;
        if (st_.key_names.erase(from)) st_.key_names[to] = t->name;
        k.name = to;
      }
    }
  }

  void create_index(const json& s) {
    model::Table* t = st_.schema.table(s["relation"].value("relname", ""));
    if (!t) return;
    model::Index index;
    index.table = t->name;
    index.unique = s.value("unique", false);
    std::vector<std::string> label;
    if (s.contains("indexParams")) {
      for (const json& p : s["indexParams"]) {
        const json& elem = p["IndexElem"];
        if (elem.contains("name")) {
          ast::Expr e;
          e.kind = ast::ExprKind::Column;
          e.text = elem["name"].get<std::string>();
          index.elements.push_back(e);
          add_unique(index.columns, e.text);
          label.push_back(e.text);
        } else if (elem.contains("expr")) {
          index.elements.push_back(raw_expr(cut_expr(sql_, location_of(elem["expr"]), false)));
          column_refs(elem["expr"], index.columns);
          std::vector<std::string> fn;
          if (elem["expr"].contains("FuncCall")) fn = names(elem["expr"]["FuncCall"]["funcname"]);
          label.push_back(fn.empty() ? "expr" : fn.back());
        }
      }
    }
    if (s.contains("whereClause")) {
      index.where = raw_expr(cut_expr(sql_, location_of(s["whereClause"]), false));
      column_refs(s["whereClause"], index.columns);
    }
    index.name = s.value("idxname", "");
    if (index.name.empty()) {
      std::string base = t->name;
      for (const std::string& l : label) base += "_" + l;
      index.name = base + "_idx";
      for (int n = 1; st_.schema.index_owner.count(index.name); ++n)
        index.name = base + "_idx" + std::to_string(n);
    }
    if (st_.schema.index_owner.count(index.name)) return;
    st_.schema.index_owner[index.name] = t->name;
    st_.index_at[index.name] = at_;
    t->indexes.push_back(std::move(index));
  }

  void drop(const json& s) {
    std::string type = s.value("removeType", "");
    if (!s.contains("objects")) return;
    for (const json& obj : s["objects"]) {
      std::vector<std::string> n =
          obj.contains("List") ? names(obj["List"]["items"]) : names(json::array({obj}));
      if (obj.contains("TypeName")) n = names(obj["TypeName"]["names"]);
      if (n.empty()) continue;
      const std::string& name = n.back();
      if (type == "OBJECT_TABLE") {
        model::Table* t = st_.schema.table(name);
        if (!t) continue;
        for (const model::Index& i : t->indexes) st_.schema.index_owner.erase(i.name);
        for (const model::Constraint& k : t->constraints) st_.key_names.erase(k.name);
        st_.schema.tables.erase(name);
      } else if (type == "OBJECT_INDEX") {
        auto owner = st_.schema.index_owner.find(name);
        if (owner == st_.schema.index_owner.end()) continue;
        if (model::Table* t = st_.schema.table(owner->second))
          t->indexes.erase(std::remove_if(t->indexes.begin(), t->indexes.end(),
                                          [&](const model::Index& i) { return i.name == name; }),
                           t->indexes.end());
        st_.schema.index_owner.erase(owner);
      } else if (type == "OBJECT_TYPE") {
        st_.schema.enums.erase(name);
      }
    }
  }

  void create_enum(const json& s) {
    std::vector<std::string> n = names(s["typeName"]);
    if (n.empty() || st_.schema.enum_type(n.back())) return;
    st_.schema.enums.emplace(n.back(), model::Enum{n.back(), names(s.value("vals", json::array()))});
    st_.enum_at[n.back()] = at_;
  }

  void alter_enum(const json& s) {
    std::vector<std::string> n = names(s["typeName"]);
    if (n.empty() || !s.contains("newVal")) return;
    auto it = st_.schema.enums.find(n.back());
    if (it == st_.schema.enums.end()) return;
    std::vector<std::string>& values = it->second.values;
    std::string value = s["newVal"].get<std::string>();
    if (std::find(values.begin(), values.end(), value) != values.end()) return;
    auto pos = values.end();
    if (s.contains("newValNeighbor")) {
      pos = std::find(values.begin(), values.end(), s["newValNeighbor"].get<std::string>());
      if (pos != values.end() && s.value("newValIsAfter", true)) ++pos;
    }
    values.insert(pos, value);
  }

  CheckState& st_;
  const std::string& sql_;
  SourceRange at_;  // the statement, for "created here" notes
};

}  // namespace

void apply_raw_ddl(const ast::Migration& migration, CheckState& state) {
  for (const ast::RawStatement& statement : migration.raw_up) {
    PgQueryParseResult result = pg_query_parse(statement.text.c_str());
    if (!result.error && result.parse_tree) {
      json tree = json::parse(result.parse_tree, nullptr, false);
      if (tree.is_object() && tree.contains("stmts"))
        for (const json& s : tree["stmts"])
          if (s.contains("stmt")) RawDdl(state, statement.text, statement.range).apply(s["stmt"]);
    }
    pg_query_free_parse_result(result);
  }
}

}  // namespace migrac
