#include "compiler/lint/lint.h"

#include <atomic>
#include <thread>

#include "compiler/lint/context.h"
#include "compiler/lint/history.h"
#include "compiler/lint/rule.h"
#include "compiler/lint/sql_text.h"
#include "compiler/lint/suppress.h"
#include "compiler/source/headers.h"

namespace migrac::lint {

namespace {

void update_state(RawContext& ctx, const SqlStatement& stmt) {
  pgsql::Node body = stmt.body;
  if (stmt.kind == "CreateStmt") {
    ctx.created_tables.insert(relation_name(body["relation"]));
  } else if (stmt.kind == "AlterTableStmt") {
    std::string table = relation_name(body["relation"]);
    for (pgsql::Node cmd : body["cmds"]) {
      pgsql::Node def = cmd.body()["def"]["ColumnDef"];
      if (cmd.body().str("subtype") == "AT_AddColumn" && def.has("colname"))
        ctx.added_columns.insert(table + "." + std::string(def.str("colname")));
    }
  } else if (stmt.kind == "VariableSetStmt") {
    std::string_view name = body.str("name");
    bool reset = body.str("kind") != "VAR_SET_VALUE";
    if (!reset) {
      // SET x = 0 turns the timeout off again.
      pgsql::Node args = body["args"];
      if (args.size() == 1) {
        pgsql::Node c = args.front()["A_Const"];
        if (c.has("ival") && c["ival"].integer("ival", 0) == 0) reset = true;
        if (c["sval"].str("sval") == "0") reset = true;
      }
    }
    if (name == "lock_timeout") ctx.lock_timeout_set = !reset;
    if (name == "statement_timeout") ctx.statement_timeout_set = !reset;
  } else if (stmt.kind == "TransactionStmt") {
    std::string_view kind = body.str("kind");
    if (kind == "TRANS_STMT_BEGIN" || kind == "TRANS_STMT_START") {
      ctx.in_explicit_transaction = true;
      ctx.explicit_begin = ctx.statement(stmt);
    } else if (kind == "TRANS_STMT_COMMIT" || kind == "TRANS_STMT_ROLLBACK") {
      ctx.in_explicit_transaction = false;
      ctx.not_valid_added.clear();
    }
  }
}

std::vector<SourceRange> operation_ranges(const ast::Migration& m) {
  std::vector<SourceRange> units;
  for (const ast::Operation& op : m.up) units.push_back(op.range);
  if (m.down) {
    for (const ast::Operation& op : *m.down) units.push_back(op.range);
  }
  return units;
}

Diagnostics finish(const SourceSet& sources, int file, const std::vector<SourceRange>& units,
                   const Diagnostics& findings) {
  Diagnostics problems;
  std::vector<Suppression> suppressions = find_suppressions(sources, file, units, problems);
  Diagnostics out = apply_suppressions(findings, suppressions);
  report_unused(suppressions, problems);
  out.append(problems);
  out.sort();
  return out;
}

bool has_error_in(const Diagnostics& diags, int file) {
  for (const Diagnostic& d : diags.all()) {
    if (d.severity == Severity::Error && d.range.file == file) return true;
  }
  return false;
}

}  // namespace

namespace {

// The position of a syntax error at `offset` of a file: the word there.
SourceRange error_word(const SourceSet& sources, int file, std::uint32_t offset) {
  const std::string& text = sources[file].text;
  std::uint32_t end = offset;
  while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
         text[end] != ';') {
    ++end;
  }
  return sources.range(file, offset, end);
}

// Runs the statement rules over one raw SQL file; its statements' ranges go
// to `units` (for the suppressions). False when PostgreSQL cannot parse it.
bool lint_raw_file(RawContext& ctx, bool already_reported, std::vector<SourceRange>& units) {
  pgsql::ParsedSql parsed = pgsql::parse(ctx.text);
  if (parsed.error) {
    if (!already_reported) {
      ctx.report(DiagKind::LintRawSyntax, error_word(ctx.sources, ctx.file, parsed.error->offset),
                 parsed.error->message);
    }
    return false;
  }
  for (const SqlStatement& stmt : parsed.statements) {
    units.push_back(ctx.statement(stmt));
    check_data_loss(ctx, stmt);
    check_rename(ctx, stmt);
    check_columns(ctx, stmt);
    check_locking(ctx, stmt);
    check_reversibility(ctx, stmt);
    check_types(ctx, stmt);
    update_state(ctx, stmt);
    ctx.follow(ctx.text, stmt);
  }
  return true;
}

}  // namespace

Diagnostics lint_raw_migration(const SourceSet& sources, const ast::Migration& migration,
                               const RawLintOptions& options) {
  Diagnostics out;
  if (migration.file < 0) return out;
  const SourceFile& f = sources[migration.file];
  Diagnostics findings;
  RawContext up(sources, migration.file, f.text, findings);
  // The header is read again here so that the linter does not depend on how
  // the migration was parsed.
  up.transactional = !migration.no_transaction && !source::raw_no_transaction(f.text);
  up.transaction_block_checked = true;
  if (options.before) {
    up.schema = options.before->schema;
    up.uncertain_tables = options.before->uncertain_tables;
    up.opaque = options.before->opaque;
  }
  std::vector<SourceRange> units;
  if (!lint_raw_file(up, options.up_reported, units)) return findings;
  check_raw_file(up, migration);
  out = finish(sources, migration.file, units, findings);
  if (migration.down_file < 0) return out;

  // The .down.sql runs on the schema after the .up.sql, in the same kind of
  // transaction; what the .up.sql created counts as new there (the down
  // drops what the up made).
  const SourceFile& d = sources[migration.down_file];
  Diagnostics down_findings;
  RawContext down(sources, migration.down_file, d.text, down_findings);
  down.down = true;
  down.transactional = up.transactional;
  down.transaction_block_checked = true;
  down.created_tables = up.created_tables;
  if (up.schema && options.before) {
    const model::Schema& before = options.before->schema;
    for (const auto& [name, table] : up.schema->tables) {
      if (!before.table(name)) down.created_tables.insert(name);
    }
    // ADD COLUMN IF NOT EXISTS of a column that was there adds nothing.
    for (const std::string& key : up.added_columns) {
      std::size_t dot = key.rfind('.');
      const model::Table* t = before.table(key.substr(0, dot));
      if (!t || !t->column(key.substr(dot + 1))) down.added_columns.insert(key);
    }
  } else {
    down.added_columns = up.added_columns;
  }
  down.schema = std::move(up.schema);
  down.uncertain_tables = std::move(up.uncertain_tables);
  down.opaque = up.opaque;
  std::vector<SourceRange> down_units;
  if (!lint_raw_file(down, options.down_reported, down_units)) {
    out.append(down_findings);
  } else {
    check_raw_file(down, migration);
    out.append(finish(sources, migration.down_file, down_units, down_findings));
  }
  out.sort();
  return out;
}

namespace {

// Runs the statement rules of raw SQL over one SQL text of a file (`base`:
// its offset in the file). Returns false when PostgreSQL cannot parse it.
void lint_statements(RawContext& ctx, const std::string& sql) {
  pgsql::ParsedSql parsed = pgsql::parse(sql);
  if (parsed.error) {
    std::uint32_t begin = ctx.base + parsed.error->offset;
    std::uint32_t end = begin;
    while (end < ctx.text.size() && !std::isspace(static_cast<unsigned char>(ctx.text[end])) &&
           ctx.text[end] != ';') {
      ++end;
    }
    ctx.report(DiagKind::LintRawSyntax, ctx.range(begin, end), parsed.error->message);
    return;
  }
  for (SqlStatement& stmt : parsed.statements) {
    stmt.begin += ctx.base;
    stmt.end += ctx.base;
    check_data_loss(ctx, stmt);
    check_rename(ctx, stmt);
    check_columns(ctx, stmt);
    check_locking(ctx, stmt);
    check_reversibility(ctx, stmt);
    check_types(ctx, stmt);
    update_state(ctx, stmt);
  }
}

// The PostgreSQL bodies of the `sql` operations of a .mig migration, linted
// like raw SQL (migrac sets lock_timeout itself, so that rule is off).
void lint_sql_bodies(const SourceSet& sources, const ast::Migration& migration,
                     const CheckedMigration& checked, Diagnostics& out) {
  const SourceFile& f = sources[migration.file];
  for (const ast::Operation& op : migration.up) {
    const auto* sql = std::get_if<ast::Sql>(&op.op);
    if (!sql) continue;
    for (const ast::SqlBody& body : sql->bodies) {
      if (body.dialect && body.dialect->name != "postgres" && body.dialect->name != "postgresql") {
        continue;
      }
      std::size_t at = body.text.empty() ? std::string::npos
                                         : f.text.find(body.text, body.range.begin.offset);
      if (at == std::string::npos) continue;
      RawContext ctx(sources, migration.file, f.text, out);
      ctx.base = static_cast<std::uint32_t>(at);
      ctx.transactional = checked.settings.transactional && op.no_transaction_block < 0;
      ctx.lock_timeout_reported = ctx.statement_timeout_reported = true;
      for (const model::Change& c : checked.up) {
        if (const auto* t = std::get_if<model::AddTable>(&c.kind))
          ctx.created_tables.insert(t->table.name);
      }
      lint_statements(ctx, body.text);
    }
  }
}

}  // namespace

Diagnostics lint_mig_migration(const SourceSet& sources, const ast::Migration& migration,
                               const CheckedMigration& checked, const MigrationPlan* plan) {
  Diagnostics findings;
  MigContext ctx{migration, checked, plan, sources, findings};
  for (const model::Change& change : checked.up) {
    check_data_loss(ctx, change);
    check_rename(ctx, change);
    check_columns(ctx, change);
    check_locking(ctx, change);
    check_reversibility(ctx, change);
    check_types(ctx, change);
  }
  if (migration.file < 0) return findings;
  lint_sql_bodies(sources, migration, checked, findings);
  return finish(sources, migration.file, operation_ranges(migration), findings);
}

namespace {

// The schema model before each raw SQL migration of `todo`: the history
// checked again, keeping those models (its diagnostics are the compiler's,
// reported already).
CheckedHistory models_before_raw(const Project& project, const std::vector<std::size_t>& todo) {
  std::vector<bool> keep(project.migrations.size(), false);
  bool any = false;
  for (std::size_t i : todo) {
    if (project.migrations[i].format != MigrationFormat::RawSql) continue;
    keep[i] = true;
    any = true;
  }
  if (!any || !project.graph.valid) return {};
  CheckOptions options;
  options.raw_schemas = &project.cache.current;
  options.keep_before = &keep;
  Diagnostics ignored;
  return check_history(project.migrations, project.graph, project.sources, options, ignored);
}

}  // namespace

LintResult lint_project(Project& project, const LintOptions& options) {
  LintResult result;
  std::vector<bool> selected;
  Diagnostics history;
  check_history(project, project.sources, options.base, selected, history);

  // The PostgreSQL plan of the selected .mig migrations, for their lock facts.
  std::vector<MigrationPlan> plans;
  std::vector<const MigrationPlan*> plan_of(project.migrations.size(), nullptr);
  Diagnostics plan_diags;
  if (project.graph.valid && !project.history.checked.empty()) {
    std::vector<std::size_t> revs;
    for (std::size_t rev : project.graph.order) {
      if (rev < selected.size() && selected[rev] &&
          project.migrations[rev].format == MigrationFormat::Mig &&
          rev < project.history.position.size() && project.history.position[rev] >= 0) {
        revs.push_back(rev);
      }
    }
    if (!revs.empty() && !project.diags.has_errors()) {
      auto emitter = make_emitter(Dialect::Postgres);
      plans = plan_revisions(project, revs, *emitter, plan_diags);
      for (const MigrationPlan& p : plans) plan_of[p.migration] = &p;
    }
  }

  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < project.migrations.size(); ++i) {
    if (selected[i]) todo.push_back(i);
  }
  CheckedHistory models = models_before_raw(project, todo);
  std::vector<Diagnostics> per(todo.size());
  std::atomic<std::size_t> next{0};
  const Project& p = project;
  auto work = [&] {
    for (std::size_t k = next++; k < todo.size(); k = next++) {
      std::size_t i = todo[k];
      const ast::Migration& m = p.migrations[i];
      if (m.format == MigrationFormat::RawSql) {
        RawLintOptions raw;
        raw.up_reported = has_error_in(p.diags, m.file);
        raw.down_reported = m.down_file >= 0 && has_error_in(p.diags, m.down_file);
        auto before = models.before.find(i);
        if (before != models.before.end()) raw.before = &before->second;
        per[k] = lint_raw_migration(p.sources, m, raw);
        continue;
      }
      if (i >= p.history.position.size() || p.history.position[i] < 0) continue;
      const CheckedMigration& checked =
          p.history.checked[static_cast<std::size_t>(p.history.position[i])];
      per[k] = lint_mig_migration(p.sources, m, checked, plan_of[i]);
    }
  };
  unsigned threads = options.threads ? options.threads
                                     : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, (todo.size() + 31) / 32));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();

  for (const Diagnostics& d : per) result.diags.append(d);
  result.diags.append(history);
  result.diags.append(plan_diags);
  result.diags.sort();
  result.linted = todo.size();
  return result;
}

}  // namespace migrac::lint
