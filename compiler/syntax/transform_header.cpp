// The header of a migration: `after` parents and `set name = value;` settings.

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <limits>

#include "compiler/syntax/transform.h"

namespace migrac::syntax {

namespace {

// A setting the language knows, and the kind of value it takes.
struct KnownSetting {
  std::string_view name;
  ast::SettingKind kind;
};

constexpr std::array<KnownSetting, 4> kSettings{{
    {"lock_timeout", ast::SettingKind::LockTimeout},
    {"statement_timeout", ast::SettingKind::StatementTimeout},
    {"online", ast::SettingKind::Online},
    {"transaction", ast::SettingKind::Transaction},
}};

// [A-Za-z0-9_]+, as the loader requires of file names.
bool valid_id(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

// `500ms`, `5s`, `2min`, `1h`, or `0` -> milliseconds.
std::optional<std::int64_t> parse_duration(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0) return std::nullopt;
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + digits, n);
  if (ec != std::errc()) return std::nullopt;
  std::string unit = lower(text.substr(digits));
  std::int64_t scale = 0;
  if (unit == "ms") scale = 1;
  else if (unit == "s") scale = 1000;
  else if (unit == "min") scale = 60 * 1000;
  else if (unit == "h") scale = 60 * 60 * 1000;
  else if (unit.empty() && n == 0) scale = 1;
  if (scale == 0 || n > std::numeric_limits<std::int64_t>::max() / scale) return std::nullopt;
  return n * scale;
}

std::vector<ast::Ident> transform_after(Builder& b, P::AfterClauseContext* ctx) {
  std::vector<ast::Ident> parents;
  for (P::MigrationIdContext* id : ctx->migrationId()) {
    ast::Ident parent;
    parent.name = std::string(b.text(id));  // ids are kept exactly as written
    parent.range = b.range(id);
    if (id->QUOTED_IDENT() != nullptr) {
      // "1.2.3": another tool's version, any characters but the quote.
      parent.name = parent.name.substr(1, parent.name.size() - 2);
      if (parent.name.empty() || parent.name.find('"') != std::string::npos) {
        b.report(DiagKind::InvalidMigrationId, parent.range,
                 fmt::format("'{}' is not a migration id", std::string(b.text(id))));
        continue;
      }
      parents.push_back(std::move(parent));
      continue;
    }
    if (!valid_id(parent.name)) {
      std::string stem = parent.name.substr(0, parent.name.find('.'));
      b.report(DiagKind::InvalidMigrationId, parent.range,
               fmt::format("'{}' is not a migration id: ids are letters, digits and '_'",
                           parent.name),
               valid_id(stem) ? fmt::format("write the id without the file extension: '{}'", stem)
                              : std::string{});
      continue;
    }
    parents.push_back(std::move(parent));
  }
  return parents;
}

std::optional<ast::Setting> transform_setting(Builder& b, P::SettingContext* ctx) {
  ast::Setting s;
  s.range = b.range(ctx);
  s.name = transform_name(b, ctx->settingName());
  s.value_range = b.range(ctx->settingValue());
  std::string_view value = b.text(ctx->settingValue());
  for (const KnownSetting& k : kSettings) {
    if (s.name.name == k.name) s.kind = k.kind;
  }
  bool ok = true;
  auto invalid = [&](std::string message, std::string help) {
    b.report(DiagKind::InvalidSettingValue, s.value_range, std::move(message), std::move(help));
    ok = false;
  };
  switch (s.kind) {
    case ast::SettingKind::LockTimeout:
    case ast::SettingKind::StatementTimeout: {
      std::optional<std::int64_t> ms = parse_duration(value);
      if (!ms) {
        invalid(fmt::format("invalid duration '{}' for setting '{}'", value, s.name.name),
                "write a number and a unit: 500ms, 5s, 2min or 1h");
        break;
      }
      s.duration_ms = *ms;
      break;
    }
    case ast::SettingKind::Online: {
      std::string v = lower(value);
      if (v != "true" && v != "false") {
        invalid(fmt::format("invalid value '{}' for setting 'online': expected 'true' or 'false'",
                            value),
                "");
        break;
      }
      s.flag = v == "true";
      break;
    }
    case ast::SettingKind::Transaction: {
      std::string v = lower(value);
      if (v != "per-migration" && v != "none") {
        invalid(fmt::format("invalid value '{}' for setting 'transaction': expected "
                            "'per-migration' or 'none'",
                            value),
                "");
        break;
      }
      s.word = v;
      break;
    }
    case ast::SettingKind::Unknown: {
      std::vector<std::string> names;
      for (const KnownSetting& k : kSettings) names.emplace_back(k.name);
      std::string help = did_you_mean(s.name.name, names);
      if (help.empty())
        help = "the settings are lock_timeout, statement_timeout, online and transaction";
      b.report(DiagKind::UnknownSetting, s.name.range,
               fmt::format("unknown setting '{}'", s.name.name), help);
      ok = false;
      break;
    }
  }
  if (!ok) return std::nullopt;
  return s;
}

}  // namespace migrac::syntax
