// Strict UTF-8 validation and the `\xNN` escaping of invalid bytes.
#include <catch2/catch.hpp>

#include <string>

#include "compiler/source/utf8.h"

using namespace migrac;

TEST_CASE("well-formed UTF-8 is valid", "[utf8]") {
  CHECK(valid_utf8(""));
  CHECK(valid_utf8("plain ascii\n\t\x01"));
  CHECK(valid_utf8("pr\xc3\xa9nom"));         // U+00E9
  CHECK(valid_utf8("\xe2\x82\xac"));          // U+20AC
  CHECK(valid_utf8("\xed\x9f\xbf"));          // U+D7FF, just below the surrogates
  CHECK(valid_utf8("\xee\x80\x80"));          // U+E000, just above them
  CHECK(valid_utf8("\xf0\x9f\x98\x80"));      // U+1F600
  CHECK(valid_utf8("\xf4\x8f\xbf\xbf"));      // U+10FFFF, the last code point
  CHECK(valid_utf8(std::string("a\0b", 3)));  // NUL is a character
}

TEST_CASE("ill-formed UTF-8 is not valid", "[utf8]") {
  CHECK_FALSE(valid_utf8("\xff"));
  CHECK_FALSE(valid_utf8("\x80"));  // a lone continuation byte
  CHECK_FALSE(valid_utf8("\xc3"));  // cut short
  CHECK_FALSE(valid_utf8("\xe2\x82"));
  CHECK_FALSE(valid_utf8("\xc0\xaf"));  // overlong '/'
  CHECK_FALSE(valid_utf8("\xc1\xbf"));
  CHECK_FALSE(valid_utf8("\xe0\x80\xaf"));          // overlong, 3 bytes
  CHECK_FALSE(valid_utf8("\xf0\x80\x80\xaf"));      // overlong, 4 bytes
  CHECK_FALSE(valid_utf8("\xed\xa0\x80"));          // U+D800, a surrogate
  CHECK_FALSE(valid_utf8("\xed\xbf\xbf"));          // U+DFFF
  CHECK_FALSE(valid_utf8("\xf4\x90\x80\x80"));      // U+110000
  CHECK_FALSE(valid_utf8("\xf6\x9c\x8d\xa2"));      // F5..FF never start a sequence
  CHECK_FALSE(valid_utf8("\xf8\x88\x80\x80\x80"));  // the old 5-byte form
  CHECK_FALSE(valid_utf8("\xc3\x28"));              // a continuation byte missing
}

TEST_CASE("sequence lengths", "[utf8]") {
  std::string s = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xff";
  CHECK(utf8_sequence_length(s, 0) == 1);
  CHECK(utf8_sequence_length(s, 1) == 2);
  CHECK(utf8_sequence_length(s, 2) == 0);  // inside a sequence
  CHECK(utf8_sequence_length(s, 3) == 3);
  CHECK(utf8_sequence_length(s, 6) == 4);
  CHECK(utf8_sequence_length(s, 10) == 0);
  CHECK(utf8_sequence_length(s, 11) == 0);  // past the end
}

TEST_CASE("invalid bytes are escaped, valid text is left alone", "[utf8]") {
  CHECK(escape_invalid_utf8("pr\xc3\xa9nom") == "pr\xc3\xa9nom");
  CHECK(escape_invalid_utf8("\xff") == "\\xff");
  CHECK(escape_invalid_utf8("a\xff\xfe"
                            "b") == "a\\xff\\xfeb");
  CHECK(escape_invalid_utf8("\xf6\x9c\x8d\xa2") == "\\xf6\\x9c\\x8d\\xa2");
  CHECK(escape_invalid_utf8("\xc3\xa9\xc3") == "\xc3\xa9\\xc3");  // cut short at the end
  CHECK(escape_invalid_utf8("\xed\xa0\x80") == "\\xed\\xa0\\x80");
  // The result is valid, and escaping it again changes nothing.
  std::string once = escape_invalid_utf8("x\x80\xc0\xafy\xf4\x90\x80\x80");
  CHECK(valid_utf8(once));
  CHECK(escape_invalid_utf8(once) == once);
}
