#pragma once
// The JSON text of a document built from the user's input (diagnostics, SARIF,
// the runtime's --format json): every string value is made valid UTF-8 first
// (invalid bytes as `\xNN`, see compiler/source/utf8.h), since a file, a path or
// a server message can hold any bytes and nlohmann's dump() throws on those.
// Object keys are the program's own and are left as they are.

#include <string>

#include <nlohmann/json.hpp>

#include "compiler/source/utf8.h"

namespace migrac {

// Escapes the invalid UTF-8 of every string value in `j`, in place.
template <class Json>
void make_valid_utf8(Json& j) {
  if (j.is_string()) {
    auto& s = j.template get_ref<std::string&>();
    if (!valid_utf8(s)) s = escape_invalid_utf8(s);
    return;
  }
  if (!j.is_structured()) return;
  for (auto& v : j) make_valid_utf8(v);
}

// `j` as indented JSON text with a final newline; never throws for bad UTF-8.
template <class Json>
std::string json_text(Json j) {
  make_valid_utf8(j);
  return j.dump(2) + "\n";
}

}  // namespace migrac
