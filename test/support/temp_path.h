// Paths in the test temporary folder that no other test process uses.
//
// ctest runs test cases as parallel processes, and two test runs (a Release
// and a sanitizer build, or two checkouts) may share /tmp: a fixed name would
// let one process overwrite another's file. The paths hold the process id;
// the files are not created.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <string>

namespace jixiao::test {

// The same path for the same name within one process.
inline std::string temp_path(const std::string& name) {
  return ::testing::TempDir() + "jixiao_" + std::to_string(getpid()) + "_" + name;
}

// A new path on every call (a database per test, output files per run).
inline std::string unique_temp_path(const std::string& name) {
  static std::atomic<int> counter{0};
  return temp_path(std::to_string(++counter) + "_" + name);
}

}  // namespace jixiao::test
