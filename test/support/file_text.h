// A whole file as bytes, for tests that compare or parse what was written.
// A missing file reads as empty, which the test's own expectations then fail
// on; readers under test open their files through their own code paths.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace jixiao::test {

inline std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// A file of the source tree, by its path relative to the repository root.
inline std::string source_file(const std::string& relative) {
  return file_text(std::filesystem::path(JIXIAO_SOURCE_DIR) / relative);
}

}  // namespace jixiao::test
