#pragma once
// UTF-8 in diagnostics and other output: the one rule for source bytes that are
// quoted in a message (a name, a token, a server's error text). Every string a
// diagnostic holds or a renderer writes is valid UTF-8; a byte that is not part
// of a valid sequence is shown as `\xff` (lowercase hex), so that no renderer
// (JSON and SARIF need valid UTF-8) can fail on what a file holds.

#include <cstddef>
#include <string>
#include <string_view>

namespace migrac {

// The length (1 to 4) of the well-formed UTF-8 sequence starting at s[i], or 0
// when none does. Strict (the Unicode standard's table 3-7): no overlong forms,
// no surrogates (U+D800..U+DFFF), nothing above U+10FFFF.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

// Whether every byte of `s` belongs to a well-formed UTF-8 sequence.
bool valid_utf8(std::string_view s);

// `s` with every byte that is not part of a well-formed sequence replaced by
// `\xNN`. Valid UTF-8 comes back unchanged (so applying it twice changes nothing
// more than once).
std::string escape_invalid_utf8(std::string_view s);

}  // namespace migrac
