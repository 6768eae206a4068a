// Test helpers shared across suites: the example evaluations and running the
// jixiao binary as a user would.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include "core/model.h"
#include "format/evaluation_reader.h"

namespace jixiao::testing_support {

// The first evaluation of examples/NAME.
inline core::Evaluation example(const std::string& name) {
  format::EvaluationReader reader;
  core::Evaluation out;
  Status s = reader.read_file(std::string(JIXIAO_SOURCE_DIR) + "/examples/" + name,
                              [&](core::Evaluation& e, size_t) {
                                out = e;
                                return Status();
                              });
  EXPECT_TRUE(s.ok()) << s.message();
  return out;
}

struct CommandRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `jixiao ARGS` from the source folder; `env` is put before the command
// ("PATH=/nonexistent"). Each run has its own stderr file: ctest runs tests
// as parallel processes.
inline CommandRun run_jixiao(const std::string& args, const std::string& env = "") {
  static int calls = 0;
  const std::string err_file = ::testing::TempDir() + "jixiao_cli_err_" + std::to_string(getpid()) +
                               "_" + std::to_string(++calls) + ".txt";
  const std::string command = std::string("cd ") + JIXIAO_SOURCE_DIR + " && " + env + " " +
                              JIXIAO_BINARY + " " + args + " 2>" + err_file;
  CommandRun r;
  FILE* pipe = popen(command.c_str(), "r");
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) r.out.append(buf, n);
  const int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_file);
  std::stringstream ss;
  ss << err.rdbuf();
  r.err = ss.str();
  std::remove(err_file.c_str());
  return r;
}

}  // namespace jixiao::testing_support
