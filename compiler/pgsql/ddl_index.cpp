// CREATE INDEX (see ddl_reader.h).

#include "compiler/pgsql/ddl_reader.h"
#include "compiler/pgsql/names.h"

namespace migrac::pgsql {

void DdlReader::create_index(Node s) {
  const model::Table* t = schema_.table(std::string(s["relation"].str("relname")));
  if (!t) return;
  model::Index index;
  index.table = t->name;
  index.unique = s.flag("unique");
  std::vector<std::string> label;  // the parts of PostgreSQL's name for it
  for (Node p : s["indexParams"]) {
    Node elem = p["IndexElem"];
    if (elem.has("name")) {
      ast::Expr e;
      e.kind = ast::ExprKind::Column;
      e.text = std::string(elem.str("name"));
      index.elements.push_back(e);
      add_unique(index.columns, e.text);
      label.push_back(e.text);
    } else if (elem.has("expr")) {
      Node expr = elem["expr"];
      index.elements.push_back(raw_expr(cut_expr(sql_, first_location(expr), false)));
      column_refs(expr, index.columns);
      std::string fn = last_name(expr["FuncCall"]["funcname"]);
      label.push_back(fn.empty() ? "expr" : fn);
    }
  }
  if (s.has("whereClause")) {
    index.where = raw_expr(cut_expr(sql_, first_location(s["whereClause"]), false));
    column_refs(s["whereClause"], index.columns);
  }
  index.name = std::string(s.str("idxname"));
  if (index.name.empty()) index.name = index_name(schema_, t->name, label);
  if (schema_.index_owner.count(index.name)) return;
  emit(model::CreateIndex{std::move(index)});
}

}  // namespace migrac::pgsql
