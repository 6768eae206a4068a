#include "test/app/process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "test/storage/backends.h"

extern char** environ;

namespace jixiao::test {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

Process::Process(const std::vector<std::string>& args, const std::string& input)
    : in_(temp_path("stdin")), out_(temp_path("stdout")), err_(temp_path("stderr")) {
  std::ofstream(in_, std::ios::binary) << input;
  std::vector<std::string> argv = {JIXIAO_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> raw;
  for (auto& a : argv) raw.push_back(a.data());
  raw.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, in_.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (posix_spawn(&pid_, raw[0], &actions, nullptr, raw.data(), environ) != 0) pid_ = -1;
  posix_spawn_file_actions_destroy(&actions);
}

Process::~Process() {
  if (pid_ > 0 && !waited_) {
    kill_hard();
    wait();
  }
  for (const auto* f : {&in_, &out_, &err_}) std::remove(f->c_str());
}

bool Process::running() {
  if (pid_ <= 0 || waited_) return false;
  const pid_t r = waitpid(pid_, &status_, WNOHANG);
  if (r == pid_) waited_ = true;
  return r == 0;
}

void Process::kill_hard() {
  if (pid_ > 0 && !waited_) kill(pid_, SIGKILL);
}

CommandRun Process::wait() {
  CommandRun r;
  if (pid_ <= 0) {
    r.err = "spawn failed";
    return r;
  }
  if (!waited_) {
    waitpid(pid_, &status_, 0);
    waited_ = true;
  }
  r.exit_code = WIFEXITED(status_) ? WEXITSTATUS(status_) : -1;
  r.out = slurp(out_);
  r.err = slurp(err_);
  return r;
}

CommandRun jixiao(const std::vector<std::string>& args, const std::string& input) {
  Process p(args, input);
  return p.wait();
}

}  // namespace jixiao::test
