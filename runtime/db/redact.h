#pragma once
// Keeps passwords out of everything migrac prints: a Redactor knows the
// secrets of one connection string and removes them from any text (libpq's
// error messages can quote the connection string).

#include <string>
#include <string_view>
#include <vector>

namespace migrac::db {

// Removes the password of one URL (and PGPASSWORD, MYSQL_PWD) from texts.
class Redactor {
 public:
  Redactor() = default;
  explicit Redactor(const std::string& url);

  // The text with every known secret, every `user:password@` of a URL and
  // every `password=...` replaced by ***.
  std::string operator()(std::string_view text) const;

 private:
  std::vector<std::string> secrets_;
};

// The password written in a URL or key=value connection string ("" if none).
std::string password_of(const std::string& url);

}  // namespace migrac::db
