// PostgreSQL's catalog queries (see catalog_rows.h): pg_catalog, not
// information_schema, each over the whole schema at once, so that reading a
// schema is a handful of round trips whatever its size. What an extension
// owns (pg_depend deptype 'e') and the history table are left out here.

#include <fmt/format.h>

#include "compiler/dialect/postgres/catalog_rows.h"

namespace migrac::postgres {

// True for an object that is no member of an extension: `catalog` is the
// catalog the object is a row of, `oid` its oid.
std::string not_extension_member(std::string_view catalog, std::string_view oid) {
  return fmt::format(
      "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '{}'::regclass "
      "AND e.objid = {} AND e.deptype = 'e')",
      catalog, oid);
}

// The relations of the schema that are the user's: not the history table,
// not an extension's.
std::string users_relation(const CatalogScope& scope, std::string_view alias) {
  return fmt::format("{0}.relnamespace = {1} AND {0}.oid <> {2} AND {3}", alias, scope.schema_oid,
                     scope.history_oid,
                     not_extension_member("pg_class", fmt::format("{}.oid", alias)));
}

std::string owned_sequence(std::string_view alias) {
  return fmt::format(
      "EXISTS (SELECT 1 FROM pg_depend o WHERE o.classid = 'pg_class'::regclass "
      "AND o.objid = {}.oid AND o.refclassid = 'pg_class'::regclass AND o.refobjsubid > 0 "
      "AND o.deptype IN ('a', 'i'))",
      alias);
}

namespace {

// A CTE `t` (oid, relname) of the tables the model holds.
std::string tables_cte(const CatalogScope& scope) {
  return fmt::format(
      "WITH t AS (SELECT c.oid, c.relname FROM pg_class c "
      "WHERE c.relkind = 'r' AND NOT c.relispartition AND {})\n",
      users_relation(scope, "c"));
}

// The names of the attributes `numbers` (an int2[] in key order) of relation `rel`,
// as a text array in the same order.
std::string attribute_names(std::string_view numbers, std::string_view rel) {
  return fmt::format(
      "array(SELECT a.attname FROM unnest({0}) WITH ORDINALITY AS u(num, ord) "
      "JOIN pg_attribute a ON a.attrelid = {1} AND a.attnum = u.num ORDER BY u.ord)::text",
      numbers, rel);
}

}  // namespace

std::string sql_string(std::string_view text) {
  std::string out = "E'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out += c;
    out += c;
  }
  return out + "'";
}

std::string scope_query(std::string_view schema, std::string_view history_schema,
                        std::string_view history_name) {
  std::string wanted = schema.empty() ? "current_schema()" : sql_string(schema);
  std::string history = history_schema.empty() ? "n.nspname" : sql_string(history_schema);
  return fmt::format(
      "SELECT n.oid, n.nspname, (SELECT c.oid FROM pg_class c JOIN pg_namespace hn ON hn.oid = "
      "c.relnamespace WHERE hn.nspname = {} AND c.relname = {}) "
      "FROM pg_namespace n WHERE n.nspname = {}",
      history, sql_string(history_name), wanted);
}

std::string tables_query(const CatalogScope& scope) {
  return tables_cte(scope) + "SELECT t.oid, t.relname FROM t ORDER BY t.relname";
}

std::string columns_query(const CatalogScope& scope) {
  // A default reads no column, so it is deparsed without its table (relid
  // 0), which spares opening every table; a generated column's expression
  // reads columns and is deparsed with its table. CASE keeps the relid-0
  // deparse from ever seeing one: a plain AND may be evaluated in any order.
  return tables_cte(scope) +
         fmt::format(
             "SELECT a.attrelid, a.attname, format_type(a.atttypid, "
             "a.atttypmod), "
             "CASE WHEN ty.typtype = 'e' AND ty.typnamespace = {0} THEN ty.typname "
             "ELSE (SELECT e.typname FROM pg_type e WHERE e.oid = ty.typelem AND "
             "e.typtype = 'e' AND e.typnamespace = {0}) END, "
             "a.attnotnull, a.attidentity, a.attgenerated, "
             "CASE WHEN a.attgenerated = '' THEN pg_get_expr(d.adbin, 0, true) "
             "ELSE pg_get_expr(d.adbin, a.attrelid, true) END, "
             "CASE WHEN a.attgenerated = '' AND d.adbin IS NOT NULL THEN EXISTS (SELECT 1 FROM "
             "pg_depend s "
             "JOIN pg_class sc ON sc.oid = s.objid AND sc.relkind = 'S' "
             "WHERE s.classid = 'pg_class'::regclass "
             "AND s.refclassid = 'pg_class'::regclass "
             "AND s.refobjid = a.attrelid AND s.refobjsubid = a.attnum "
             "AND s.deptype = 'a' AND pg_get_expr(d.adbin, 0) = "
             "'nextval(' || quote_literal(sc.oid::regclass::text) || "
             "'::regclass)') ELSE false END, "
             "co.collname "
             "FROM t JOIN pg_attribute a ON a.attrelid = t.oid "
             "JOIN pg_type ty ON ty.oid = a.atttypid "
             "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = "
             "a.attnum "
             "LEFT JOIN pg_collation co ON co.oid = a.attcollation "
             "AND a.attcollation <> ty.typcollation "
             "WHERE a.attnum > 0 AND NOT a.attisdropped "
             "ORDER BY a.attrelid, a.attnum",
             scope.schema_oid);
}

std::string constraints_query(const CatalogScope& scope) {
  return tables_cte(scope) +
         fmt::format(
             "SELECT k.conrelid, k.conname, k.contype, k.condeferrable, k.condeferred, "
             "k.convalidated, {0}, fr.relname, fr.relnamespace = {1}, fn.nspname, {2}, "
             "k.confdeltype, k.confupdtype, k.confmatchtype, "
             "CASE WHEN k.contype = 'c' THEN pg_get_expr(k.conbin, k.conrelid, true) END, "
             "x.indnullsnotdistinct, CASE WHEN x.indnatts > x.indnkeyatts THEN "
             "array(SELECT a.attname FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS u(num, ord) "
             "JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = u.num "
             "WHERE u.ord > x.indnkeyatts ORDER BY u.ord)::text END "
             "FROM pg_constraint k JOIN t ON t.oid = k.conrelid "
             "LEFT JOIN pg_index x ON x.indexrelid = k.conindid AND k.contype IN ('p', 'u') "
             "LEFT JOIN pg_class fr ON fr.oid = k.confrelid "
             "LEFT JOIN pg_namespace fn ON fn.oid = fr.relnamespace "
             "WHERE k.contype IN ('p', 'u', 'f', 'c', 'x') AND k.conparentid = 0 "
             "ORDER BY k.conrelid, CASE k.contype WHEN 'p' THEN 0 WHEN 'u' THEN 1 "
             "WHEN 'c' THEN 2 WHEN 'f' THEN 3 ELSE 4 END, k.oid",
             attribute_names("k.conkey", "k.conrelid"), scope.schema_oid,
             attribute_names("k.confkey", "k.confrelid"));
}

std::string indexes_query(const CatalogScope& scope) {
  // nd: the operator classes that are not their type's default, looked up
  // once (a lookup per element is planned as a scan of pg_opclass each).
  std::string cte = tables_cte(scope);
  cte.insert(std::string_view("WITH ").size(),
             "nd AS MATERIALIZED (SELECT array_agg(oid) AS oids FROM pg_opclass "
             "WHERE NOT opcdefault), ");
  return cte +
         "SELECT ic.relname, i.indrelid, i.indisunique, i.indisvalid, am.amname, i.indnkeyatts, "
         "i.indnullsnotdistinct, pg_get_expr(i.indpred, i.indrelid, true), "
         "el.names::text, el.defs::text, el.opts::text, el.classes::text, "
         "array(SELECT a.attname FROM pg_depend d JOIN pg_attribute a ON a.attrelid = d.refobjid "
         "AND a.attnum = d.refobjsubid WHERE d.classid = 'pg_class'::regclass "
         "AND d.objid = i.indexrelid AND d.refclassid = 'pg_class'::regclass "
         "AND d.refobjid = i.indrelid AND d.refobjsubid > 0 ORDER BY a.attnum)::text "
         "FROM pg_index i JOIN t ON t.oid = i.indrelid CROSS JOIN nd "
         "JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam "
         "CROSS JOIN LATERAL (SELECT array_agg((SELECT a.attname FROM pg_attribute a "
         "WHERE a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum > 0) ORDER BY k.n) "
         "AS names, array_agg(CASE WHEN k.attnum = 0 THEN pg_get_indexdef(i.indexrelid, "
         "k.n::int, true) END ORDER BY k.n) AS defs, array_agg(k.opt ORDER BY k.n) AS opts, "
         "array_agg(CASE WHEN k.cls = ANY (nd.oids) THEN (SELECT oc.opcname FROM pg_opclass oc "
         "WHERE oc.oid = k.cls) END ORDER BY k.n) AS classes "
         "FROM unnest(i.indkey::int2[], i.indoption::int2[], i.indclass::oid[]) "
         "WITH ORDINALITY AS k(attnum, opt, cls, n)) el "
         "WHERE NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid "
         "AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x')) "
         "ORDER BY i.indexrelid";
}

std::string enums_query(const CatalogScope& scope) {
  return fmt::format(
      "SELECT ty.typname, e.enumlabel FROM pg_type ty "
      "LEFT JOIN pg_enum e ON e.enumtypid = ty.oid "
      "WHERE ty.typtype = 'e' AND ty.typnamespace = {} AND {} "
      "ORDER BY ty.typname, e.enumsortorder",
      scope.schema_oid, not_extension_member("pg_type", "ty.oid"));
}

std::string unmodeled_query(const CatalogScope& scope) {
  const std::string& s = scope.schema_oid;
  std::string rel = users_relation(scope, "c");
  std::vector<std::string> parts;
  // Relations other than the tables the model holds, and what the model does
  // not hold of those tables.
  parts.push_back(fmt::format(
      "SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' "
      "WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' "
      "ELSE 'sequence' END, c.relname::text, "
      "CASE WHEN c.relkind = 'p' THEN 'partition by ' || pg_get_partkeydef(c.oid) END "
      "FROM pg_class c WHERE {} AND NOT c.relispartition AND (c.relkind IN ('v', 'm', 'f', 'p') "
      "OR (c.relkind = 'S' AND NOT {}))",
      rel, owned_sequence("c")));
  parts.push_back(fmt::format(
      "SELECT 'partition', c.relname::text, 'partition of ' || p.relname "
      "FROM pg_class c JOIN pg_inherits i ON i.inhrelid = c.oid JOIN pg_class p ON p.oid = "
      "i.inhparent WHERE {} AND c.relispartition AND c.relkind IN ('r', 'p', 'f')",
      rel));
  parts.push_back(fmt::format(
      "SELECT 'table', c.relname::text, 'inherits ' || p.relname "
      "FROM pg_class c JOIN pg_inherits i ON i.inhrelid = c.oid JOIN pg_class p ON p.oid = "
      "i.inhparent WHERE {} AND NOT c.relispartition",
      rel));
  parts.push_back(
      fmt::format("SELECT 'table', c.relname::text, 'unlogged' FROM pg_class c "
                  "WHERE {} AND c.relkind = 'r' AND c.relpersistence = 'u'",
                  rel));
  parts.push_back(
      fmt::format("SELECT 'row level security', c.relname::text, NULL FROM pg_class c "
                  "WHERE {} AND c.relrowsecurity",
                  rel));
  parts.push_back(fmt::format(
      "SELECT 'grant', c.relname::text, NULL FROM pg_class c "
      "WHERE {} AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND c.relacl IS NOT NULL",
      rel));
  parts.push_back(fmt::format(
      "SELECT 'comment', c.relname || CASE WHEN d.objsubid > 0 THEN '.' || a.attname ELSE '' "
      "END, NULL FROM pg_description d JOIN pg_class c ON c.oid = d.objoid "
      "LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid "
      "WHERE d.classoid = 'pg_class'::regclass AND {}",
      rel));
  parts.push_back(
      fmt::format("SELECT 'trigger', c.relname || '.' || g.tgname, NULL FROM pg_trigger g "
                  "JOIN pg_class c ON c.oid = g.tgrelid WHERE {} AND NOT g.tgisinternal "
                  "AND g.tgparentid = 0",
                  rel));
  parts.push_back(
      fmt::format("SELECT 'policy', c.relname || '.' || p.polname, NULL FROM pg_policy p "
                  "JOIN pg_class c ON c.oid = p.polrelid WHERE {}",
                  rel));
  parts.push_back(
      fmt::format("SELECT 'rule', c.relname || '.' || r.rulename, NULL FROM pg_rewrite r "
                  "JOIN pg_class c ON c.oid = r.ev_class WHERE {} AND r.rulename <> '_RETURN'",
                  rel));
  // Functions but those PostgreSQL makes for a type (a range's constructors).
  parts.push_back(
      fmt::format("SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' "
                  "WHEN 'w' THEN 'window function' ELSE 'function' END, "
                  "p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', NULL "
                  "FROM pg_proc p WHERE p.pronamespace = {} AND {} "
                  "AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_proc'::regclass "
                  "AND i.objid = p.oid AND i.deptype = 'i')",
                  s, not_extension_member("pg_proc", "p.oid")));
  // Types other than enums and those PostgreSQL makes for others (a table's
  // row type, an array type, a range's multirange: each depends internally on
  // what it was made for).
  parts.push_back(fmt::format(
      "SELECT CASE ty.typtype WHEN 'c' THEN 'composite type' WHEN 'd' THEN 'domain' "
      "WHEN 'r' THEN 'range type' ELSE 'type' END, ty.typname::text, NULL FROM pg_type ty "
      "WHERE ty.typnamespace = {} AND ty.typtype IN ('b', 'c', 'd', 'r') AND {} "
      "AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_type'::regclass "
      "AND i.objid = ty.oid AND i.deptype = 'i')",
      s, not_extension_member("pg_type", "ty.oid")));
  parts.push_back(fmt::format(
      "SELECT 'extension', x.extname::text, NULL FROM pg_extension x WHERE x.extnamespace = {}",
      s));
  parts.push_back(
      fmt::format("SELECT 'statistics', x.stxname::text, NULL FROM pg_statistic_ext x "
                  "WHERE x.stxnamespace = {} AND {}",
                  s, not_extension_member("pg_statistic_ext", "x.oid")));
  parts.push_back(
      fmt::format("SELECT 'collation', x.collname::text, NULL FROM pg_collation x "
                  "WHERE x.collnamespace = {} AND {}",
                  s, not_extension_member("pg_collation", "x.oid")));
  parts.push_back(
      fmt::format("SELECT 'operator', x.oprname || '(' || format_type(x.oprleft, NULL) || ', ' || "
                  "format_type(x.oprright, NULL) || ')', NULL FROM pg_operator x "
                  "WHERE x.oprnamespace = {} AND {}",
                  s, not_extension_member("pg_operator", "x.oid")));
  std::string sql = "SELECT kind, name, note FROM (";
  for (std::size_t i = 0; i < parts.size(); ++i) sql += (i ? "\nUNION ALL " : "") + parts[i];
  return sql + ") AS u(kind, name, note) ORDER BY 1, 2, 3";
}

}  // namespace migrac::postgres
