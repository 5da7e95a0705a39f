// PostgreSQL's PL/pgSQL parser over a DO block's body (see plpgsql.h).

#include "compiler/pgsql/plpgsql.h"

#include <pg_query.h>

#include <nlohmann/json.hpp>

// libpg_query 15-4.0's pg_query_parse_plpgsql never frees the (empty)
// stderr buffer of the raw parse it runs: one byte per call, which the caller
// cannot reach. Under AddressSanitizer (tests, fuzz targets) LeakSanitizer is
// told so, as it is the library's and not ours.
#if defined(__SANITIZE_ADDRESS__)
#define MIGRAC_PGSQL_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MIGRAC_PGSQL_ASAN 1
#endif
#endif
#ifdef MIGRAC_PGSQL_ASAN
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_suppressions() { return "leak:pg_query_raw_parse\n"; }
#endif

namespace migrac::pgsql {

ParsedPlpgsql::ParsedPlpgsql() = default;
ParsedPlpgsql::~ParsedPlpgsql() = default;
ParsedPlpgsql::ParsedPlpgsql(ParsedPlpgsql&&) noexcept = default;
ParsedPlpgsql& ParsedPlpgsql::operator=(ParsedPlpgsql&&) noexcept = default;

ParsedPlpgsql parse_plpgsql(std::string_view body) {
  ParsedPlpgsql out;
  // The parser reads a CREATE FUNCTION: the body goes in a dollar quote of
  // a tag it does not hold, right after the quote so line 1 is its first.
  std::string tag = "$migrac_do$";
  for (int n = 1; body.find(tag) != std::string_view::npos; ++n)
    tag = "$migrac_do" + std::to_string(n) + "$";
  std::string text = "CREATE FUNCTION migrac_do() RETURNS void LANGUAGE plpgsql AS " + tag;
  text += body;
  text += tag;
  if (text.find('\0') != std::string::npos) {
    out.error = "the body holds a NUL byte";
    return out;
  }
  PgQueryPlpgsqlParseResult result = pg_query_parse_plpgsql(text.c_str());
  if (result.error) {
    out.error = result.error->message;
    pg_query_free_plpgsql_parse_result(result);
    return out;
  }
  out.tree_ = std::make_unique<nlohmann::json>(
      nlohmann::json::parse(result.plpgsql_funcs ? result.plpgsql_funcs : "", nullptr, false));
  pg_query_free_plpgsql_parse_result(result);
  Node funcs(out.tree_.get());
  out.action = funcs.front()["PLpgSQL_function"]["action"];
  if (out.action.missing()) out.error = "the body holds no block";
  return out;
}

}  // namespace migrac::pgsql
