#include "compiler/dialect/sql_functions.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace migrac {

namespace {

// Functions known to be IMMUTABLE or STABLE, sorted. Anything else is treated
// as volatile, which errs on the side of saying "rewrites".
constexpr std::array<std::string_view, 89> kNonVolatile = {
    "abs",
    "age",
    "array_append",
    "array_cat",
    "array_length",
    "array_position",
    "array_remove",
    "array_to_string",
    "ascii",
    "btrim",
    "cardinality",
    "ceil",
    "ceiling",
    "char_length",
    "character_length",
    "chr",
    "coalesce",
    "concat",
    "concat_ws",
    "current_date",
    "current_time",
    "current_timestamp",
    "date_bin",
    "date_part",
    "date_trunc",
    "decode",
    "encode",
    "exp",
    "extract",
    "floor",
    "format",
    "greatest",
    "initcap",
    "json_build_array",
    "json_build_object",
    "json_extract_path_text",
    "jsonb_build_array",
    "jsonb_build_object",
    "jsonb_extract_path_text",
    "jsonb_set",
    "least",
    "left",
    "length",
    "ln",
    "localtime",
    "localtimestamp",
    "log",
    "lower",
    "lpad",
    "ltrim",
    "make_date",
    "make_interval",
    "md5",
    "mod",
    "now",
    "nullif",
    "num_nonnulls",
    "num_nulls",
    "octet_length",
    "position",
    "power",
    "regexp_replace",
    "repeat",
    "replace",
    "reverse",
    "right",
    "round",
    "rpad",
    "rtrim",
    "sign",
    "split_part",
    "sqrt",
    "starts_with",
    "statement_timestamp",
    "strpos",
    "substr",
    "substring",
    "timezone",
    "to_char",
    "to_date",
    "to_hex",
    "to_json",
    "to_jsonb",
    "to_timestamp",
    "transaction_timestamp",
    "translate",
    "trim",
    "trunc",
    "upper",
};

// Non-volatile functions whose value still moves between transactions, sorted.
constexpr std::array<std::string_view, 9> kTimeVarying = {
    "age",
    "current_date",
    "current_time",
    "current_timestamp",
    "localtime",
    "localtimestamp",
    "now",
    "statement_timestamp",
    "transaction_timestamp",
};

static_assert(std::is_sorted(kNonVolatile.begin(), kNonVolatile.end()));
static_assert(std::is_sorted(kTimeVarying.begin(), kTimeVarying.end()));

bool contains(const auto& sorted, std::string_view name) {
  return std::binary_search(sorted.begin(), sorted.end(), name);
}

// True when any call in `e` satisfies `pred`, or `e` holds raw SQL.
template <typename Pred>
bool any_call(const ast::Expr& e, Pred pred) {
  if (e.kind == ast::ExprKind::RawSql) return true;
  if (e.kind == ast::ExprKind::Call && pred(e.text)) return true;
  return std::any_of(e.args.begin(), e.args.end(),
                     [&](const ast::Expr& a) { return any_call(a, pred); });
}

}  // namespace

bool expr_is_volatile(const ast::Expr& e) {
  return any_call(e, [](std::string_view name) { return !contains(kNonVolatile, name); });
}

bool expr_varies_between_transactions(const ast::Expr& e) {
  return any_call(e, [](std::string_view name) {
    return !contains(kNonVolatile, name) || contains(kTimeVarying, name);
  });
}

bool backfill_varies(const model::Backfill& backfill) {
  return std::any_of(backfill.assignments.begin(), backfill.assignments.end(),
                     [](const ast::Assignment& a) {
                       return expr_varies_between_transactions(a.value);
                     });
}

}  // namespace migrac
