// Paths in a temporary folder that belongs to this test process alone.
//
// ctest runs test cases as parallel processes, and two test runs (a Release
// and a sanitizer build, or two checkouts) may share /tmp: a fixed name would
// let one process overwrite another's file. So each process gets its own
// folder, named with its process id, and removes it with everything in it when
// it exits: a test run leaves nothing behind, however many files its cases
// write. (A process that crashes skips the removal; the folder it leaves names
// the process.) The paths below are in that folder; the files are not created.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <system_error>

namespace jixiao::test {

// This process's folder: created on first use, removed at normal exit.
// Children started with fork() must leave with _exit (they do: they exec or
// _exit), or they would remove the folder from under their parent.
inline const std::string& temp_folder() {
  struct Folder {
    std::string path;
    Folder() : path(::testing::TempDir() + "jixiao_" + std::to_string(getpid())) {
      std::error_code ec;
      std::filesystem::remove_all(path, ec);  // a crashed run's, with our recycled pid
      std::filesystem::create_directories(path);
    }
    ~Folder() {
      std::error_code ec;
      std::filesystem::remove_all(path, ec);
    }
  };
  static const Folder folder;
  return folder.path;
}

// The same path for the same name within one process.
inline std::string temp_path(const std::string& name) {
  return temp_folder() + "/" + name;
}

// A new path on every call (a database per test, output files per run).
inline std::string unique_temp_path(const std::string& name) {
  static std::atomic<int> counter{0};
  return temp_path(std::to_string(++counter) + "_" + name);
}

}  // namespace jixiao::test
