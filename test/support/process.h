// Running the real `jixiao` binary as a user does, for the command tests:
// arguments without a shell, in the source folder (so that examples/… and
// test/… paths work), standard input from a string, extra environment
// variables, output captured in files of its own (ctest runs tests as
// parallel processes).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace jixiao::test {

struct CommandRun {
  int exit_code = -1;  // -1: killed by a signal
  std::string out;
  std::string err;
};

// A running `jixiao` process; its output goes to files read by wait().
class Process {
 public:
  // `env`: "NAME=value" entries added to (or replacing) the environment.
  Process(const std::vector<std::string>& args, const std::string& input = "",
          const std::vector<std::string>& env = {});
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  pid_t pid() const { return pid_; }
  bool running();
  void kill_hard();  // SIGKILL
  CommandRun wait();

 private:
  pid_t pid_ = -1;
  std::string in_, out_, err_;
  bool waited_ = false;
  int status_ = 0;
};

// Runs jixiao with `args` to completion.
CommandRun jixiao(const std::vector<std::string>& args, const std::string& input = "",
                  const std::vector<std::string>& env = {});

// The same with the arguments written as one line, split at spaces (none of
// the tests' arguments contains one), and `env` as "NAME=value" entries
// separated by spaces.
CommandRun jixiao_line(const std::string& args, const std::string& env = "");

}  // namespace jixiao::test
