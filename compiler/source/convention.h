#pragma once
// Directory conventions: how the file names of a migrations directory say
// which migration a file is. migrac's own (`<id>.mig`, `<id>.up.sql` +
// `<id>.down.sql`), and those of the tools a project may come from, read as
// they are: golang-migrate (and morph), dbmate and Flyway. Under another
// tool's convention a migration's id is the tool's version and its parent is
// the migration before it in version order.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace migrac {

// The layout a migrations directory follows.
enum class Convention { Migrac, GolangMigrate, Dbmate, Flyway };

// "migrac", "golang-migrate", "dbmate", "flyway".
std::string_view convention_name(Convention c);
// The convention of a name (also "morph" for golang-migrate); nullopt when unknown.
std::optional<Convention> parse_convention(std::string_view name);

// What one file is under a convention.
enum class ConventionFileKind {
  Mig,          // a `.mig` migration (any convention)
  Up,           // the up file of a raw migration
  Down,         // its down file (`.down.sql`, Flyway `U`)
  Both,         // dbmate: one file with `-- migrate:up` and `-- migrate:down` sections
  Config,       // Flyway's per-script `<file>.sql.conf`
  Repeatable,   // Flyway `R__<desc>.sql`: run after the versioned ones whenever it changes
  Unsupported,  // a file of the tool that migrac does not read (`why` says which)
  Other,        // not a migration file (README.md, migrac.ini)
};

// A file name classified: its kind, and the migration id it belongs to.
struct ConventionFile {
  ConventionFileKind kind = ConventionFileKind::Other;
  std::string id;   // the stem (migrac, .mig), the tool's version, or a repeatable's stem
  std::string why;  // for Unsupported: what the file is
};

ConventionFile classify_file(Convention c, std::string_view name);

// Versions compared as the tools compare them: dot-separated numeric parts,
// a missing part counting as 0 ("1.2" < "1.10", "000056" == "56").
int compare_versions(std::string_view a, std::string_view b);

// Whether an id is valid under a convention: letters, digits and '_', and
// also '.' and '-' under another tool's convention.
bool is_valid_convention_id(Convention c, std::string_view id);

// An id as a .mig `after` clause writes it: bare, or quoted ("1.2.3") when
// it holds '.' or '-'.
std::string mig_after_id(std::string_view id);

// One file for detection: its name and, for `.sql` files, its text.
struct DetectInput {
  std::string name;
  std::string_view text;
};

// The convention a directory's files follow, when none is set: Flyway for
// `V<version>__<desc>.sql` files, dbmate for `<version>_<name>.sql` files with
// a `-- migrate:up` line, golang-migrate for `<version>_<name>.up.sql` files
// (no `.mig` file, no `-- migrac:after` header, and either a name migrac
// cannot take as an id or more than one such file); else migrac.
Convention detect_convention(const std::vector<DetectInput>& files);

}  // namespace migrac
