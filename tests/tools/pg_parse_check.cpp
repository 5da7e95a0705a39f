// pg_parse_check FILE...: parses each file with PostgreSQL's own parser
// (libpg_query) and reports the first syntax error of each, with its line.
// Exit 0 when every file parses.
#include <pg_query.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
  int failures = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "%s: cannot read\n", argv[i]);
      ++failures;
      continue;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    PgQueryParseResult result = pg_query_parse(text.c_str());
    if (result.error != nullptr) {
      int line = 1;
      for (int k = 0; k < result.error->cursorpos - 1 && k < static_cast<int>(text.size()); ++k) {
        if (text[static_cast<std::size_t>(k)] == '\n') ++line;
      }
      std::fprintf(stderr, "%s:%d: %s\n", argv[i], line, result.error->message);
      ++failures;
    }
    pg_query_free_parse_result(result);
  }
  return failures == 0 ? 0 : 1;
}
