// Directory conventions (see convention.h).

#include "compiler/source/convention.h"

#include <algorithm>

namespace migrac {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_';
}

// The length of the run of digits at the start of `s`.
std::size_t leading_digits(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && is_digit(s[n])) ++n;
  return n;
}

ConventionFile file(ConventionFileKind kind, std::string_view id, std::string why = {}) {
  return ConventionFile{kind, std::string(id), std::move(why)};
}

// migrac's own names: `<id>.mig`, `<id>.up.sql`, `<id>.down.sql`.
ConventionFile classify_migrac(std::string_view name) {
  if (ends_with(name, ".up.sql"))
    return file(ConventionFileKind::Up, name.substr(0, name.size() - 7));
  if (ends_with(name, ".down.sql"))
    return file(ConventionFileKind::Down, name.substr(0, name.size() - 9));
  if (ends_with(name, ".mig"))
    return file(ConventionFileKind::Mig, name.substr(0, name.size() - 4));
  return {};
}

// golang-migrate: `<version>_<name>.up.sql` / `.down.sql`, the version all digits.
ConventionFile classify_golang_migrate(std::string_view name) {
  ConventionFile f = classify_migrac(name);
  if (f.kind != ConventionFileKind::Up && f.kind != ConventionFileKind::Down) return f;
  std::size_t digits = leading_digits(f.id);
  if (digits == 0 || (digits < f.id.size() && f.id[digits] != '_')) {
    return file(ConventionFileKind::Unsupported, f.id,
                "not a golang-migrate name ('<version>_<name>.up.sql', the version all digits)");
  }
  f.id.resize(digits);
  return f;
}

// dbmate: `<version>_<name>.sql`, the version all digits, both directions in one file.
ConventionFile classify_dbmate(std::string_view name) {
  if (ends_with(name, ".mig"))
    return file(ConventionFileKind::Mig, name.substr(0, name.size() - 4));
  if (!ends_with(name, ".sql")) return {};
  std::string_view stem = name.substr(0, name.size() - 4);
  std::size_t digits = leading_digits(stem);
  if (digits == 0 || ends_with(name, ".up.sql") || ends_with(name, ".down.sql")) {
    return file(ConventionFileKind::Unsupported, stem,
                "not a dbmate name ('<version>_<name>.sql', the version all digits)");
  }
  return file(ConventionFileKind::Both, stem.substr(0, digits));
}

// A Flyway version as written in a name ("1_2_3", "1.2.3") as Flyway shows it
// ("1.2.3"); empty when it is not digits separated by '.' or '_'.
std::string flyway_version(std::string_view text) {
  std::string out;
  bool digit_last = false;
  for (char c : text) {
    if (is_digit(c)) {
      out += c;
      digit_last = true;
    } else if ((c == '.' || c == '_') && digit_last) {
      out += '.';
      digit_last = false;
    } else {
      return {};
    }
  }
  return digit_last ? out : std::string{};
}

// Flyway: `V<version>__<desc>.sql`, `U<version>__<desc>.sql` (its undo),
// `R__<desc>.sql` (repeatable), `B<version>__<desc>.sql` (baseline), and
// `<script>.sql.conf` beside a script.
ConventionFile classify_flyway(std::string_view name) {
  if (ends_with(name, ".mig"))
    return file(ConventionFileKind::Mig, name.substr(0, name.size() - 4));
  if (ends_with(name, ".sql.conf")) {
    ConventionFile f = classify_flyway(name.substr(0, name.size() - 5));
    if (f.kind != ConventionFileKind::Up && f.kind != ConventionFileKind::Repeatable) return {};
    f.kind = ConventionFileKind::Config;
    return f;
  }
  if (!ends_with(name, ".sql")) return {};
  std::string_view stem = name.substr(0, name.size() - 4);
  if (stem.rfind("R__", 0) == 0) {
    if (stem.size() == 3)
      return file(ConventionFileKind::Unsupported, stem,
                  "a Flyway repeatable without a description");
    return file(ConventionFileKind::Repeatable, stem);
  }
  std::size_t sep = stem.find("__");
  std::string version = sep == std::string_view::npos || sep < 2
                            ? std::string{}
                            : flyway_version(stem.substr(1, sep - 1));
  char prefix = stem.empty() ? '\0' : stem[0];
  if (version.empty() || (prefix != 'V' && prefix != 'U' && prefix != 'B')) {
    return file(ConventionFileKind::Unsupported, stem,
                "not a Flyway name ('V<version>__<description>.sql')");
  }
  if (prefix == 'B') {
    return file(ConventionFileKind::Unsupported, stem,
                "a Flyway baseline migration, which migrac does not run (a baseline stands for "
                "the versions up to its own, and migrac checks every migration of the history "
                "in order)");
  }
  return file(prefix == 'V' ? ConventionFileKind::Up : ConventionFileKind::Down, version);
}

// Whether a text has a line that starts with `prefix` (after blanks).
bool has_line(std::string_view text, std::string_view prefix) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = text.find('\n', i);
    if (end == std::string_view::npos) end = text.size();
    std::size_t start = i;
    while (start < end && (text[start] == ' ' || text[start] == '\t')) ++start;
    if (text.compare(start, prefix.size(), prefix) == 0) return true;
    i = end + 1;
  }
  return false;
}

}  // namespace

std::string_view convention_name(Convention c) {
  switch (c) {
    case Convention::Migrac: return "migrac";
    case Convention::GolangMigrate: return "golang-migrate";
    case Convention::Dbmate: return "dbmate";
    case Convention::Flyway: return "flyway";
  }
  return "migrac";
}

std::optional<Convention> parse_convention(std::string_view name) {
  if (name == "migrac") return Convention::Migrac;
  if (name == "golang-migrate" || name == "morph") return Convention::GolangMigrate;
  if (name == "dbmate") return Convention::Dbmate;
  if (name == "flyway") return Convention::Flyway;
  return std::nullopt;
}

ConventionFile classify_file(Convention c, std::string_view name) {
  switch (c) {
    case Convention::Migrac: return classify_migrac(name);
    case Convention::GolangMigrate: return classify_golang_migrate(name);
    case Convention::Dbmate: return classify_dbmate(name);
    case Convention::Flyway: return classify_flyway(name);
  }
  return {};
}

int compare_versions(std::string_view a, std::string_view b) {
  while (!a.empty() || !b.empty()) {
    std::size_t a_end = std::min(a.find('.'), a.size());
    std::size_t b_end = std::min(b.find('.'), b.size());
    std::string_view pa = a.substr(0, a_end);
    std::string_view pb = b.substr(0, b_end);
    while (!pa.empty() && pa[0] == '0') pa.remove_prefix(1);
    while (!pb.empty() && pb[0] == '0') pb.remove_prefix(1);
    if (pa.size() != pb.size()) return pa.size() < pb.size() ? -1 : 1;
    if (int c = pa.compare(pb); c != 0) return c < 0 ? -1 : 1;
    a.remove_prefix(std::min(a_end + 1, a.size()));
    b.remove_prefix(std::min(b_end + 1, b.size()));
  }
  return 0;
}

bool is_valid_convention_id(Convention c, std::string_view id) {
  if (id.empty()) return false;
  bool tool = c != Convention::Migrac;
  return std::all_of(id.begin(), id.end(),
                     [&](char ch) { return is_id_char(ch) || (tool && (ch == '.' || ch == '-')); });
}

std::string mig_after_id(std::string_view id) {
  if (is_valid_convention_id(Convention::Migrac, id)) return std::string(id);
  return "\"" + std::string(id) + "\"";
}

Convention detect_convention(const std::vector<DetectInput>& files) {
  bool mig = false, flyway = false, dbmate = false, after = false;
  std::size_t golang = 0, up = 0;
  bool golang_only_name = false;  // a name migrac cannot take as an id
  for (const DetectInput& f : files) {
    std::string_view name = f.name;
    if (ends_with(name, ".mig")) mig = true;
    if (classify_flyway(name).kind == ConventionFileKind::Up) flyway = true;
    if (classify_dbmate(name).kind == ConventionFileKind::Both && has_line(f.text, "-- migrate:up"))
      dbmate = true;
    if (ends_with(name, ".up.sql")) {
      ++up;
      if (has_line(f.text, "-- migrac:after")) after = true;
      ConventionFile g = classify_golang_migrate(name);
      if (g.kind == ConventionFileKind::Up) {
        ++golang;
        if (!is_valid_convention_id(Convention::Migrac, name.substr(0, name.size() - 7)))
          golang_only_name = true;
      }
    }
  }
  if (flyway && up == 0) return Convention::Flyway;
  if (dbmate && up == 0) return Convention::Dbmate;
  // A name migrac cannot take as an id is the tool's even when a `-- migrac:after`
  // header or a `.mig` file shows the project has gone on in migrac since.
  if (golang > 0 && golang == up && (golang_only_name || (!mig && !after && golang > 1)))
    return Convention::GolangMigrate;
  return Convention::Migrac;
}

}  // namespace migrac
