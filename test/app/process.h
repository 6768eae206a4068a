// Running the real `jixiao` binary as a user does, for the command tests:
// arguments without a shell, standard input from a string, output captured.
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
  Process(const std::vector<std::string>& args, const std::string& input = "");
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
CommandRun jixiao(const std::vector<std::string>& args, const std::string& input = "");

}  // namespace jixiao::test
