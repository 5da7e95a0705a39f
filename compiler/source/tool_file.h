#pragma once
// What a migration written for another tool (source/convention.h) carries
// beside its files: the parent its version order implies, the tool's
// no-transaction marker, and, for dbmate, where each direction's statements
// are in its one file.

#include <cstddef>
#include <string>

namespace migrac {

// The bytes of a file that hold one direction's statements (a dbmate file's
// `-- migrate:up` or `-- migrate:down` section; else the whole file).
struct TextSection {
  std::size_t begin = 0;
  std::size_t end = std::string::npos;
};

// The facts of one migration file under a convention; all defaults under migrac's own.
struct ToolFacts {
  std::string implied_parent;   // the migration before it in version order ("" for the first)
  bool tool_ids = false;        // ids in its `-- migrac:after` may hold '.' and '-'
  bool no_transaction = false;  // the tool's own no-transaction marker is there
  TextSection up;               // in the up file
  TextSection down;             // in the down file (dbmate: the same file)
};

}  // namespace migrac
