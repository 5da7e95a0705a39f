#pragma once
// Source files and positions: what every later phase points back into.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace migrac {

// A position in a source file; line and column are 1-based, column counts bytes.
struct SourcePos {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t offset = 0;  // byte offset into the file text
};

// A half-open byte range [begin, end) in one file of a SourceSet.
// file < 0 means "no position" (a diagnostic about the project as a whole).
struct SourceRange {
  int file = -1;
  SourcePos begin;
  SourcePos end;

  bool valid() const { return file >= 0; }
};

// One loaded file: its path as given to the user and its text.
struct SourceFile {
  std::string path;
  std::string text;
  std::vector<std::uint32_t> line_starts;  // offsets of the first byte of each line

  SourceFile(std::string path_, std::string text_);
  SourcePos pos_at(std::uint32_t offset) const;
  std::string_view line_text(std::uint32_t line) const;  // without the line ending
};

// All files of a run, addressed by index; SourceRange::file indexes into it.
struct SourceSet {
  std::vector<SourceFile> files;

  int add(std::string path, std::string text);
  int add(SourceFile file);
  const SourceFile& operator[](int i) const { return files[static_cast<std::size_t>(i)]; }
  SourceRange range(int file, std::uint32_t begin_offset, std::uint32_t end_offset) const;
  // "path:line" of a range, for comments in emitted SQL.
  std::string location(const SourceRange& r) const;
};

}  // namespace migrac
