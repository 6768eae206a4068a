#include "test/support/process.h"

#include "test/support/file_text.h"
#include "test/support/temp_path.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

extern char** environ;

namespace jixiao::test {
namespace {

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

}  // namespace

Process::Process(const std::vector<std::string>& args, const std::string& input,
                 const std::vector<std::string>& env)
    : in_(unique_temp_path("stdin")),
      out_(unique_temp_path("stdout")),
      err_(unique_temp_path("stderr")) {
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
  posix_spawn_file_actions_addchdir_np(&actions, JIXIAO_SOURCE_DIR);
  // The environment, with `env` added or replacing a variable of the same name.
  std::vector<std::string> variables(env.begin(), env.end());
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string v = *e;
    const std::string name = v.substr(0, v.find('=') + 1);
    bool replaced = false;
    for (const auto& mine : env) replaced |= mine.rfind(name, 0) == 0;
    if (!replaced) variables.push_back(v);
  }
  std::vector<char*> envp;
  for (auto& v : variables) envp.push_back(v.data());
  envp.push_back(nullptr);
  if (posix_spawn(&pid_, raw[0], &actions, nullptr, raw.data(), envp.data()) != 0) pid_ = -1;
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
  r.out = file_text(out_);
  r.err = file_text(err_);
  return r;
}

CommandRun jixiao(const std::vector<std::string>& args, const std::string& input,
                  const std::vector<std::string>& env) {
  Process p(args, input, env);
  return p.wait();
}

CommandRun jixiao_line(const std::string& args, const std::string& env) {
  return jixiao(split(args), "", split(env));
}

}  // namespace jixiao::test
