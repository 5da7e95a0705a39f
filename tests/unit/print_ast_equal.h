#pragma once
// AST equality for the printer's tests: two migrations are the same when
// every node is, source ranges (and file indexes, checksums) aside. The first
// difference is named, as a path ("up[2].CreateTable.columns[1].type.length").
// `no transaction` blocks compare by which operations share one, not by their
// numbers (an empty block takes a number but leaves no operation).

#include <fmt/format.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"

namespace migrac::test {

// The comparison, which remembers where the first difference is.
class AstEqual {
 public:
  // Empty when `a` and `b` are the same.
  std::string operator()(const ast::Migration& a, const ast::Migration& b) {
    field(a.id == b.id, "id");
    field(a.format == b.format, "format");
    list(a.parents, b.parents, "parents");
    list(a.settings, b.settings, "settings");
    operations(a.up, b.up, "up");
    opt(a.down, b.down, "down");
    field(a.no_transaction == b.no_transaction, "no_transaction");
    return where_;
  }

 private:
  bool field(bool equal, const std::string& what) {
    if (!equal && where_.empty()) where_ = path() + what;
    return equal;
  }
  std::string path() const {
    std::string out;
    for (const std::string& p : stack_) out += p + ".";
    return out;
  }
  // Runs `f` with `what` on the path.
  template <class F>
  void in(const std::string& what, F f) {
    stack_.push_back(what);
    f();
    stack_.pop_back();
  }
  template <class T>
  void list(const std::vector<T>& a, const std::vector<T>& b, const std::string& what) {
    if (!field(a.size() == b.size(), what + ".size")) return;
    for (std::size_t i = 0; i < a.size(); ++i)
      in(fmt::format("{}[{}]", what, i), [&] { same(a[i], b[i]); });
  }
  template <class T>
  void opt(const std::optional<T>& a, const std::optional<T>& b, const std::string& what) {
    if (!field(a.has_value() == b.has_value(), what + ".has_value")) return;
    if (a) in(what, [&] { same(*a, *b); });
  }
  template <class T>
  void opt(const Boxed<T>& a, const Boxed<T>& b, const std::string& what) {
    if (!field(a.has_value() == b.has_value(), what + ".has_value")) return;
    if (a) in(what, [&] { same(*a, *b); });
  }
  void same(const std::vector<ast::Operation>& a, const std::vector<ast::Operation>& b) {
    operations(a, b, "ops");
  }

  void same(const ast::Ident& a, const ast::Ident& b) {
    field(a.name == b.name, "name");
    field(a.quoted == b.quoted, "quoted");
  }
  void same(const ast::StringLit& a, const ast::StringLit& b) {
    field(a.value == b.value, "value");
  }
  void same(const ast::TypeRef& a, const ast::TypeRef& b) {
    field(a.kind == b.kind, "kind");
    field(a.length == b.length, "length");
    field(a.scale == b.scale, "scale");
    field(a.name == b.name, "name");
    field(a.array == b.array, "array");
  }
  void same(const ast::Expr& a, const ast::Expr& b) {
    field(a.kind == b.kind, "kind");
    field(a.text == b.text, "text");
    field(a.negated == b.negated, "negated");
    field(a.has_else == b.has_else, "has_else");
    opt(a.type, b.type, "type");
    list(a.args, b.args, "args");
  }
  void same(const ast::ForeignRef& a, const ast::ForeignRef& b) {
    in("table", [&] { same(a.table, b.table); });
    list(a.columns, b.columns, "columns");
    field(a.on_delete == b.on_delete, "on_delete");
    field(a.on_update == b.on_update, "on_update");
  }
  void same(const ast::ColumnDef& a, const ast::ColumnDef& b) {
    in("name", [&] { same(a.name, b.name); });
    in("type", [&] { same(a.type, b.type); });
    field(a.not_null == b.not_null, "not_null");
    opt(a.default_value, b.default_value, "default_value");
    field(a.identity == b.identity, "identity");
    field(a.primary_key == b.primary_key, "primary_key");
    field(a.unique == b.unique, "unique");
    opt(a.references, b.references, "references");
    opt(a.check, b.check, "check");
    opt(a.generated, b.generated, "generated");
  }
  void same(const ast::TableConstraint& a, const ast::TableConstraint& b) {
    opt(a.name, b.name, "name");
    field(a.kind == b.kind, "kind");
    list(a.columns, b.columns, "columns");
    opt(a.ref, b.ref, "ref");
    opt(a.check, b.check, "check");
  }
  void same(const ast::Setting& a, const ast::Setting& b) {
    in("name", [&] { same(a.name, b.name); });
    field(a.kind == b.kind, "kind");
    field(a.duration_ms == b.duration_ms, "duration_ms");
    field(a.flag == b.flag, "flag");
    field(a.word == b.word, "word");
  }
  void same(const ast::Assignment& a, const ast::Assignment& b) {
    in("column", [&] { same(a.column, b.column); });
    in("value", [&] { same(a.value, b.value); });
  }
  void same(const ast::SqlBody& a, const ast::SqlBody& b) {
    opt(a.dialect, b.dialect, "dialect");
    field(a.text == b.text, "text");
  }

  // The operations, one kind each.
  void same(const ast::CreateTable& a, const ast::CreateTable& b) {
    in("table", [&] { same(a.table, b.table); });
    list(a.columns, b.columns, "columns");
    list(a.constraints, b.constraints, "constraints");
  }
  void same(const ast::DropTable& a, const ast::DropTable& b) { same(a.table, b.table); }
  void same(const ast::RenameTable& a, const ast::RenameTable& b) {
    in("from", [&] { same(a.from, b.from); });
    in("to", [&] { same(a.to, b.to); });
  }
  void same(const ast::AddColumn& a, const ast::AddColumn& b) {
    in("table", [&] { same(a.table, b.table); });
    in("column", [&] { same(a.column, b.column); });
  }
  void same(const ast::DropColumn& a, const ast::DropColumn& b) {
    in("table", [&] { same(a.table, b.table); });
    in("column", [&] { same(a.column, b.column); });
  }
  void same(const ast::RenameColumn& a, const ast::RenameColumn& b) {
    in("table", [&] { same(a.table, b.table); });
    in("from", [&] { same(a.from, b.from); });
    in("to", [&] { same(a.to, b.to); });
  }
  void same(const ast::AlterColumnType& a, const ast::AlterColumnType& b) {
    in("table", [&] { same(a.table, b.table); });
    in("column", [&] { same(a.column, b.column); });
    in("type", [&] { same(a.type, b.type); });
    opt(a.using_expr, b.using_expr, "using_expr");
  }
  void same(const ast::AlterColumnNotNull& a, const ast::AlterColumnNotNull& b) {
    in("table", [&] { same(a.table, b.table); });
    in("column", [&] { same(a.column, b.column); });
    field(a.set == b.set, "set");
  }
  void same(const ast::AlterColumnDefault& a, const ast::AlterColumnDefault& b) {
    in("table", [&] { same(a.table, b.table); });
    in("column", [&] { same(a.column, b.column); });
    opt(a.value, b.value, "value");
  }
  void same(const ast::AddConstraint& a, const ast::AddConstraint& b) {
    in("table", [&] { same(a.table, b.table); });
    in("constraint", [&] { same(a.constraint, b.constraint); });
  }
  void same(const ast::DropConstraint& a, const ast::DropConstraint& b) {
    in("table", [&] { same(a.table, b.table); });
    in("name", [&] { same(a.name, b.name); });
  }
  void same(const ast::CreateIndex& a, const ast::CreateIndex& b) {
    opt(a.name, b.name, "name");
    field(a.unique == b.unique, "unique");
    in("table", [&] { same(a.table, b.table); });
    list(a.elements, b.elements, "elements");
    opt(a.where, b.where, "where");
  }
  void same(const ast::DropIndex& a, const ast::DropIndex& b) { same(a.name, b.name); }
  void same(const ast::CreateEnum& a, const ast::CreateEnum& b) {
    in("name", [&] { same(a.name, b.name); });
    list(a.values, b.values, "values");
  }
  void same(const ast::AlterEnumAddValue& a, const ast::AlterEnumAddValue& b) {
    in("name", [&] { same(a.name, b.name); });
    in("value", [&] { same(a.value, b.value); });
    opt(a.neighbor, b.neighbor, "neighbor");
    field(a.before == b.before, "before");
  }
  void same(const ast::DropEnum& a, const ast::DropEnum& b) { same(a.name, b.name); }
  void same(const ast::Backfill& a, const ast::Backfill& b) {
    in("table", [&] { same(a.table, b.table); });
    list(a.assignments, b.assignments, "assignments");
    opt(a.where, b.where, "where");
    field(a.batch == b.batch, "batch");
  }
  void same(const ast::Sql& a, const ast::Sql& b) { list(a.bodies, b.bodies, "bodies"); }

  // Block numbers are compared by the order in which each first appears.
  void operations(const std::vector<ast::Operation>& a, const std::vector<ast::Operation>& b,
                  const std::string& what) {
    if (!field(a.size() == b.size(), what + ".size")) return;
    for (std::size_t i = 0; i < a.size(); ++i) {
      in(fmt::format("{}[{}]", what, i), [&] {
        if (!field(a[i].op.index() == b[i].op.index(), "kind")) return;
        std::visit(
            [&](const auto& x) {
              using T = std::decay_t<decltype(x)>;
              same(x, std::get<T>(b[i].op));
            },
            a[i].op);
        field(block(blocks_a_, a[i].no_transaction_block) ==
                  block(blocks_b_, b[i].no_transaction_block),
              "no_transaction_block");
      });
    }
  }
  static int block(std::map<int, int>& seen, int n) {
    if (n < 0) return -1;
    return seen.emplace(n, static_cast<int>(seen.size())).first->second;
  }

  std::vector<std::string> stack_;
  std::string where_;
  std::map<int, int> blocks_a_, blocks_b_;
};

}  // namespace migrac::test
