#pragma once
// Helpers for the autogenerate tests: schemas made by checking small .mig
// texts, the generated operations as short lines ("add column users.nick"),
// and the round trip: the generated migration after the head checks cleanly
// and gives the target schema, compared as autogenerate compares.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "compiler/autogen/autogen.h"
#include "compiler/check/check.h"
#include "compiler/dialect/normalize.h"
#include "compiler/plan/plan.h"
#include "compiler/syntax/parse.h"

namespace migrac::test {

// A history of .mig texts, each after the one before, checked.
struct History {
  SourceSet sources;
  std::vector<ast::Migration> migrations;
  Diagnostics diags;
  CheckedHistory checked;

  explicit History(const std::string& text) { add("0001_start", text); }

  void add(const std::string& id, const std::string& text) {
    std::string body = migrations.empty() ? text : "after " + migrations.back().id + ";\n" + text;
    MigrationFile f;
    f.id = id;
    f.file = sources.add(id + ".mig", body);
    migrations.push_back(parse_mig(sources, f, diags));
  }
  // A migration of operations (no file) after the last one.
  void add(const std::string& id, std::vector<ast::Operation> ops) {
    ast::Migration m;
    m.id = id;
    m.parents.push_back(ast::Ident{migrations.back().id, false, {}});
    m.up = std::move(ops);
    migrations.push_back(std::move(m));
  }
  const model::Schema& check() {
    RevisionGraph graph = build_graph(migrations, diags);
    checked = check_history(migrations, graph, sources, CheckOptions{}, diags);
    return checked.final_schema;
  }
  // "E0405 message" per diagnostic.
  std::vector<std::string> errors() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags.all())
      if (d.severity == Severity::Error)
        out.push_back(std::string(diag_info(d.kind).code) + " " + d.message);
    return out;
  }
};

// The schema of one .mig text (which must check cleanly).
inline model::Schema schema_of(const std::string& text) {
  History h(text);
  model::Schema s = h.check();
  INFO(text);
  REQUIRE(h.errors() == std::vector<std::string>{});
  return s;
}

inline std::string ident_text(const ast::Ident& i) { return i.name; }

// One line naming an operation and its object: "create table users",
// "add column users.nick", "alter enum mood add value 'ok' after 'sad'".
inline std::string line_of(const ast::Operation& op) {
  struct Line {
    std::string operator()(const ast::CreateTable& o) { return "create table " + o.table.name; }
    std::string operator()(const ast::DropTable& o) { return "drop table " + o.table.name; }
    std::string operator()(const ast::RenameTable& o) {
      return "rename table " + o.from.name + " to " + o.to.name;
    }
    std::string operator()(const ast::AddColumn& o) {
      return "add column " + o.table.name + "." + o.column.name.name;
    }
    std::string operator()(const ast::DropColumn& o) {
      return "drop column " + o.table.name + "." + o.column.name;
    }
    std::string operator()(const ast::RenameColumn& o) {
      return "rename column " + o.table.name + "." + o.from.name + " to " + o.to.name;
    }
    std::string operator()(const ast::AlterColumnType& o) {
      return "alter column " + o.table.name + "." + o.column.name + " type";
    }
    std::string operator()(const ast::AlterColumnNotNull& o) {
      return "alter column " + o.table.name + "." + o.column.name +
             (o.set ? " set not null" : " drop not null");
    }
    std::string operator()(const ast::AlterColumnDefault& o) {
      return "alter column " + o.table.name + "." + o.column.name +
             (o.value ? " set default" : " drop default");
    }
    std::string operator()(const ast::AddConstraint& o) {
      std::string name = o.constraint.name ? " " + o.constraint.name->name : std::string();
      return "add constraint" + name + " on " + o.table.name;
    }
    std::string operator()(const ast::DropConstraint& o) {
      return "drop constraint " + o.name.name + " on " + o.table.name;
    }
    std::string operator()(const ast::CreateIndex& o) {
      std::string name = o.name ? " " + o.name->name : std::string();
      return std::string(o.unique ? "create unique index" : "create index") + name + " on " +
             o.table.name;
    }
    std::string operator()(const ast::DropIndex& o) { return "drop index " + o.name.name; }
    std::string operator()(const ast::CreateEnum& o) { return "create enum " + o.name.name; }
    std::string operator()(const ast::AlterEnumAddValue& o) {
      std::string out = "alter enum " + o.name.name + " add value '" + o.value.value + "'";
      if (o.neighbor) out += (o.before ? " before '" : " after '") + o.neighbor->value + "'";
      return out;
    }
    std::string operator()(const ast::DropEnum& o) { return "drop enum " + o.name.name; }
    std::string operator()(const ast::Backfill& o) { return "backfill " + o.table.name; }
    std::string operator()(const ast::Sql&) { return "sql"; }
  };
  return std::visit(Line{}, op.op);
}

inline std::vector<std::string> lines_of(const autogen::Generated& g) {
  std::vector<std::string> out;
  for (const ast::Operation& op : g.up) out.push_back(line_of(op));
  return out;
}

// The position of `line` in `lines` (fails the test when it is not there).
inline std::size_t position(const std::vector<std::string>& lines, const std::string& line) {
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (lines[i] == line) return i;
  FAIL_CHECK("no operation '" + line + "'");
  return lines.size();
}

// Generates from `from_text` to `to_text`, then checks the generated
// migration after `from_text`'s and compares the schema after it with the
// target: no errors, no differences.
struct RoundTrip {
  autogen::Generated generated;
  std::vector<std::string> lines;
  std::vector<std::string> check_errors;
  std::vector<std::string> differences;

  RoundTrip(const std::string& from_text, const std::string& to_text,
            const autogen::Hints& hints = {}, Dialect dialect = Dialect::Postgres) {
    model::Normalizer n = normalizer(dialect);
    History from(from_text);
    const model::Schema& before = from.check();
    INFO(from_text);
    REQUIRE(from.errors() == std::vector<std::string>{});
    model::Schema after = schema_of(to_text);
    generated = autogen::generate(before, after, hints, n);
    lines = lines_of(generated);
    from.add("0002_sync", generated.up);
    const model::Schema& result = from.check();
    check_errors = from.errors();
    // The migration plans for the dialect too (its own errors are reported there).
    std::size_t last = from.migrations.size() - 1;
    long at = from.checked.position.at(last);
    if (check_errors.empty() && at >= 0) {
      std::unique_ptr<Emitter> emitter = make_emitter(dialect);
      plan_migration(from.migrations[last], from.checked.checked[static_cast<std::size_t>(at)],
                     *emitter, from.sources, PlanOptions{}, from.diags);
      check_errors = from.errors();
    }
    for (const model::Difference& d : model::compare(result, after, n))
      differences.push_back(model::describe(d));
  }

  // The round trip is clean: the migration checks and gives the target.
  void require_clean() const {
    std::string ops;
    for (const std::string& l : lines) ops += l + "\n";
    INFO("operations:\n" << ops);
    CHECK(generated.errors.empty());
    CHECK(check_errors == std::vector<std::string>{});
    CHECK(differences == std::vector<std::string>{});
  }

  template <class T>
  const T& op(const std::string& line) const {
    std::size_t i = position(lines, line);
    REQUIRE(i < generated.up.size());
    REQUIRE(std::holds_alternative<T>(generated.up[i].op));
    return std::get<T>(generated.up[i].op);
  }
};

}  // namespace migrac::test
