#include "compiler/source/source.h"

#include <algorithm>

#include <fmt/format.h>

namespace migrac {

SourceFile::SourceFile(std::string path_, std::string text_)
    : path(std::move(path_)), text(std::move(text_)) {
  // Counted first: one allocation instead of one per doubling.
  line_starts.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  line_starts.push_back(0);
  for (std::size_t i = text.find('\n'); i != std::string::npos; i = text.find('\n', i + 1))
    line_starts.push_back(static_cast<std::uint32_t>(i + 1));
}

SourcePos SourceFile::pos_at(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
  auto line = static_cast<std::uint32_t>(it - line_starts.begin());
  return SourcePos{line, offset - line_starts[line - 1] + 1, offset};
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts.size()) return {};
  std::uint32_t begin = line_starts[line - 1];
  std::uint32_t end = line < line_starts.size() ? line_starts[line] - 1
                                                : static_cast<std::uint32_t>(text.size());
  if (end > begin && text[end - 1] == '\r') --end;
  return std::string_view(text).substr(begin, end - begin);
}

int SourceSet::add(std::string path, std::string text) {
  return add(SourceFile(std::move(path), std::move(text)));
}

int SourceSet::add(SourceFile file) {
  files.push_back(std::move(file));
  return static_cast<int>(files.size()) - 1;
}

SourceRange SourceSet::range(int file, std::uint32_t begin_offset, std::uint32_t end_offset) const {
  const SourceFile& f = (*this)[file];
  return SourceRange{file, f.pos_at(begin_offset), f.pos_at(end_offset)};
}

std::string SourceSet::location(const SourceRange& r) const {
  if (!r.valid()) return "";
  return fmt::format("{}:{}", (*this)[r.file].path, r.begin.line);
}

}  // namespace migrac
