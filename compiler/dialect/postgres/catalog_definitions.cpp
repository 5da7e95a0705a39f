// What PostgreSQL can give of the objects the model does not hold: the SQL
// that makes each again (pg_get_viewdef, pg_get_functiondef,
// pg_get_triggerdef, ...), for a baseline that reproduces the database.
// Names are those of the unmodeled list (catalog_queries.cpp), so that what
// has a definition and what is only listed can be told apart.

#include <functional>
#include <map>
#include <set>

#include <fmt/format.h>

#include "compiler/dialect/catalog.h"
#include "compiler/dialect/postgres/catalog_rows.h"

namespace migrac::postgres {

namespace {

// Ranks: made in this order, before the tables (true) or after them.
enum Rank {
  kExtension = 0,
  kType = 1,
  kSequence = 2,
  kFunction = 3,
  kTableOption = 10,
  kView = 11,
  kTrigger = 12,
  kSecurity = 13,
  kPolicy = 14,
  kRule = 15,
  kComment = 16,
};

std::string select(std::string_view kind, std::string_view name, std::string_view sql, Rank rank,
                   std::string_view from) {
  return fmt::format("SELECT {}, {}, {}, {}, {} {}", kind, name, sql,
                     rank < kTableOption ? "true" : "false", static_cast<int>(rank), from);
}

// pg_get_viewdef's text without its final ';'.
std::string view_body(std::string_view oid) {
  return fmt::format("rtrim(rtrim(pg_get_viewdef({}), E' \\n'), ';')", oid);
}

}  // namespace

std::string definitions_query(const CatalogScope& scope) {
  const std::string& s = scope.schema_oid;
  std::string rel = users_relation(scope, "c");
  std::string internal_type =
      "EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_type'::regclass "
      "AND i.objid = ty.oid AND i.deptype = 'i')";
  std::vector<std::string> parts;
  parts.push_back(select("'extension'", "x.extname::text",
                         "'CREATE EXTENSION IF NOT EXISTS ' || quote_ident(x.extname) || ';'",
                         kExtension,
                         fmt::format("FROM pg_extension x WHERE x.extnamespace = {}", s)));
  parts.push_back(select(
      "'composite type'", "ty.typname::text",
      "'CREATE TYPE ' || quote_ident(ty.typname) || ' AS (' || coalesce((SELECT "
      "string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod), ', ' "
      "ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = ty.typrelid AND a.attnum > 0 "
      "AND NOT a.attisdropped), '') || ');'",
      kType,
      fmt::format("FROM pg_type ty WHERE ty.typnamespace = {} AND ty.typtype = 'c' AND {} AND "
                  "NOT {}",
                  s, not_extension_member("pg_type", "ty.oid"), internal_type)));
  parts.push_back(select(
      "'domain'", "ty.typname::text",
      "'CREATE DOMAIN ' || quote_ident(ty.typname) || ' AS ' || "
      "format_type(ty.typbasetype, ty.typtypmod) || coalesce(' DEFAULT ' || ty.typdefault, '') "
      "|| CASE WHEN ty.typnotnull THEN ' NOT NULL' ELSE '' END || coalesce((SELECT "
      "string_agg(' CONSTRAINT ' || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid), "
      "'' ORDER BY k.oid) FROM pg_constraint k WHERE k.contypid = ty.oid AND k.contype = 'c'), "
      "'') || ';'",
      kType,
      fmt::format("FROM pg_type ty WHERE ty.typnamespace = {} AND ty.typtype = 'd' AND {}", s,
                  not_extension_member("pg_type", "ty.oid"))));
  parts.push_back(select(
      "'sequence'", "c.relname::text",
      "'CREATE SEQUENCE ' || quote_ident(c.relname) || ' AS ' || format_type(q.seqtypid, NULL) || "
      "' INCREMENT BY ' || q.seqincrement || ' MINVALUE ' || q.seqmin || ' MAXVALUE ' || "
      "q.seqmax || ' START WITH ' || q.seqstart || ' CACHE ' || q.seqcache || CASE WHEN "
      "q.seqcycle THEN ' CYCLE' ELSE '' END || ';'",
      kSequence,
      fmt::format("FROM pg_class c JOIN pg_sequence q ON q.seqrelid = c.oid WHERE {} AND "
                  "c.relkind = 'S' AND NOT {}",
                  rel, owned_sequence("c"))));
  // pg_get_functiondef gives no aggregates; SQL functions' bodies are read
  // when made unless check_function_bodies is off (the baseline's block
  // turns it off for its transaction, as pg_dump does).
  parts.push_back(select(
      "CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'w' THEN 'window function' ELSE "
      "'function' END",
      "p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'",
      "rtrim(pg_get_functiondef(p.oid), E'\\n') || ';'", kFunction,
      fmt::format("FROM pg_proc p WHERE p.pronamespace = {} AND p.prokind IN ('f', 'p', 'w') AND "
                  "{} AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = "
                  "'pg_proc'::regclass AND i.objid = p.oid AND i.deptype = 'i')",
                  s, not_extension_member("pg_proc", "p.oid"))));
  parts.push_back(select("'table'", "c.relname::text",
                         "'ALTER TABLE ' || quote_ident(c.relname) || ' SET UNLOGGED;'",
                         kTableOption,
                         fmt::format("FROM pg_class c WHERE {} AND c.relkind = 'r' AND "
                                     "c.relpersistence = 'u' AND NOT c.relispartition",
                                     rel)));
  // A column's own sequence under another name than PostgreSQL gives a new
  // one (its table was renamed): renamed after the table is made.
  parts.push_back(select(
      "'sequence'", "s.relname::text",
      "'ALTER SEQUENCE ' || quote_ident(c.relname || '_' || a.attname || '_seq') || ' RENAME TO ' "
      "|| quote_ident(s.relname) || ';'",
      kTableOption,
      fmt::format("FROM pg_class s JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND "
                  "d.objid = s.oid AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0 "
                  "AND d.deptype IN ('a', 'i') JOIN pg_class c ON c.oid = d.refobjid JOIN "
                  "pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.refobjsubid WHERE "
                  "s.relkind = 'S' AND {} AND s.relname <> c.relname || '_' || a.attname || "
                  "'_seq' AND octet_length(c.relname || '_' || a.attname || '_seq') <= 63",
                  rel)));
  parts.push_back(
      select("'view'", "c.relname::text",
             fmt::format("'CREATE VIEW ' || quote_ident(c.relname) || coalesce(' WITH (' || "
                         "array_to_string(c.reloptions, ', ') || ')', '') || ' AS' || {} || ';'",
                         view_body("c.oid")),
             kView, fmt::format("FROM pg_class c WHERE {} AND c.relkind = 'v'", rel)));
  parts.push_back(select(
      "'materialized view'", "c.relname::text",
      fmt::format("'CREATE MATERIALIZED VIEW ' || quote_ident(c.relname) || ' AS' || {} || ';' || "
                  "coalesce((SELECT string_agg(E'\\n' || pg_get_indexdef(x.indexrelid) || ';', '' "
                  "ORDER BY x.indexrelid) FROM pg_index x WHERE x.indrelid = c.oid), '')",
                  view_body("c.oid")),
      kView, fmt::format("FROM pg_class c WHERE {} AND c.relkind = 'm'", rel)));
  parts.push_back(select("'trigger'", "c.relname || '.' || g.tgname",
                         "pg_get_triggerdef(g.oid) || ';'", kTrigger,
                         fmt::format("FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid "
                                     "WHERE {} AND NOT g.tgisinternal AND g.tgparentid = 0",
                                     rel)));
  parts.push_back(select(
      "'row level security'", "c.relname::text",
      "'ALTER TABLE ' || quote_ident(c.relname) || ' ENABLE ROW LEVEL SECURITY;' || CASE WHEN "
      "c.relforcerowsecurity THEN E'\\nALTER TABLE ' || quote_ident(c.relname) || ' FORCE ROW "
      "LEVEL SECURITY;' ELSE '' END",
      kSecurity, fmt::format("FROM pg_class c WHERE {} AND c.relrowsecurity", rel)));
  parts.push_back(select(
      "'policy'", "c.relname || '.' || p.polname",
      "'CREATE POLICY ' || quote_ident(p.polname) || ' ON ' || quote_ident(c.relname) || CASE "
      "WHEN p.polpermissive THEN '' ELSE ' AS RESTRICTIVE' END || ' FOR ' || CASE p.polcmd WHEN "
      "'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' "
      "ELSE 'ALL' END || CASE WHEN p.polroles = '{0}' THEN '' ELSE ' TO ' || (SELECT "
      "string_agg(quote_ident(r.rolname), ', ' ORDER BY r.rolname) FROM pg_roles r WHERE r.oid = "
      "ANY (p.polroles)) END || coalesce(' USING (' || pg_get_expr(p.polqual, p.polrelid) || ')', "
      "'') || coalesce(' WITH CHECK (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')', '') || "
      "';'",
      kPolicy,
      fmt::format("FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid WHERE {}", rel)));
  parts.push_back(select("'rule'", "c.relname || '.' || r.rulename", "pg_get_ruledef(r.oid)", kRule,
                         fmt::format("FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class "
                                     "WHERE {} AND r.rulename <> '_RETURN'",
                                     rel)));
  parts.push_back(select(
      "'comment'", "c.relname || CASE WHEN d.objsubid > 0 THEN '.' || a.attname ELSE '' END",
      "'COMMENT ON ' || CASE WHEN d.objsubid > 0 THEN 'COLUMN ' || quote_ident(c.relname) || '.' "
      "|| quote_ident(a.attname) ELSE CASE c.relkind WHEN 'v' THEN 'VIEW ' WHEN 'm' THEN "
      "'MATERIALIZED VIEW ' WHEN 'S' THEN 'SEQUENCE ' WHEN 'f' THEN 'FOREIGN TABLE ' ELSE "
      "'TABLE ' END || quote_ident(c.relname) END || ' IS ' || quote_literal(d.description) || "
      "';'",
      kComment,
      fmt::format("FROM pg_description d JOIN pg_class c ON c.oid = d.objoid LEFT JOIN "
                  "pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid WHERE "
                  "d.classoid = 'pg_class'::regclass AND {}",
                  rel)));
  std::string sql = "SELECT kind, name, sql, before_tables FROM (";
  for (std::size_t i = 0; i < parts.size(); ++i) sql += (i ? "\nUNION ALL " : "") + parts[i];
  return sql + ") AS d(kind, name, sql, before_tables, rank) ORDER BY rank, name";
}

std::string view_dependencies_query(const CatalogScope& scope) {
  return fmt::format(
      "SELECT DISTINCT v.relname::text, d.relname::text FROM pg_depend dep "
      "JOIN pg_rewrite r ON dep.classid = 'pg_rewrite'::regclass AND dep.objid = r.oid "
      "JOIN pg_class v ON v.oid = r.ev_class "
      "JOIN pg_class d ON dep.refclassid = 'pg_class'::regclass AND d.oid = dep.refobjid "
      "WHERE v.relnamespace = {0} AND d.relnamespace = {0} AND d.oid <> v.oid "
      "AND v.relkind IN ('v', 'm') AND d.relkind IN ('v', 'm')",
      scope.schema_oid);
}

namespace {

bool is_view(const ObjectDefinition& d) {
  return d.kind == "view" || d.kind == "materialized view";
}

// The views (a run of `defs` sorted by name) each after the views it reads.
void order_views(std::vector<ObjectDefinition>& defs, std::size_t begin, std::size_t end,
                 const std::map<std::string, std::set<std::string>>& reads) {
  std::vector<ObjectDefinition> out;
  std::set<std::string> placed, visiting;
  std::map<std::string, std::size_t> at;
  for (std::size_t i = begin; i < end; ++i) at[defs[i].name] = i;
  std::function<void(std::size_t)> place = [&](std::size_t i) {
    const std::string& name = defs[i].name;
    if (placed.count(name) || !visiting.insert(name).second) return;
    auto it = reads.find(name);
    if (it != reads.end()) {
      for (const std::string& dep : it->second) {
        auto d = at.find(dep);
        if (d != at.end()) place(d->second);
      }
    }
    placed.insert(name);
    out.push_back(defs[i]);
  };
  for (std::size_t i = begin; i < end; ++i) place(i);
  std::move(out.begin(), out.end(), defs.begin() + static_cast<std::ptrdiff_t>(begin));
}

}  // namespace

std::vector<ObjectDefinition> read_definitions(const CatalogQuery& query,
                                               const CatalogOptions& options) {
  CatalogScope scope = read_scope(query, options);
  std::vector<ObjectDefinition> defs;
  for (const CatalogRow& row : query(definitions_query(scope))) {
    if (row.size() < 4 || !row[0] || !row[1] || !row[2]) continue;
    defs.push_back(ObjectDefinition{*row[0], *row[1], *row[2], row[3] && *row[3] == "t"});
  }
  std::map<std::string, std::set<std::string>> reads;
  for (const CatalogRow& row : query(view_dependencies_query(scope)))
    if (row.size() >= 2 && row[0] && row[1]) reads[*row[0]].insert(*row[1]);
  std::size_t begin = 0;
  while (begin < defs.size() && !is_view(defs[begin])) ++begin;
  std::size_t end = begin;
  while (end < defs.size() && is_view(defs[end])) ++end;
  order_views(defs, begin, end, reads);
  return defs;
}

}  // namespace migrac::postgres
