#include "test/storage/backends.h"
#include "test/support/file_text.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace jixiao::test {
namespace {

constexpr const char* kPgBin = "/usr/lib/postgresql/15/bin";

// Runs `argv` as `user` (when we are root) with output to `log`. Returns the
// child's pid; the child dies with us (PR_SET_PDEATHSIG).
pid_t spawn_as(const passwd* user, const std::vector<std::string>& argv, const std::string& log) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const pid_t pid = fork();
  if (pid != 0) return pid;
  // Child.
  const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (fd >= 0) {
    dup2(fd, STDOUT_FILENO);
    dup2(fd, STDERR_FILENO);
    close(fd);
  }
  if (user != nullptr) {
    if (setgroups(0, nullptr) != 0 || setgid(user->pw_gid) != 0 || setuid(user->pw_uid) != 0) {
      _exit(126);
    }
  }
  // After setuid: a change of credentials clears the parent-death signal.
  prctl(PR_SET_PDEATHSIG, SIGINT);
  execv(args[0], args.data());
  _exit(127);
}

int free_port() {
  const int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
  const int port = ntohs(addr.sin_port);
  close(s);
  return port;
}

std::string tail(const std::string& path) {
  std::string text = file_text(path);
  return text.size() > 2000 ? text.substr(text.size() - 2000) : text;
}

class Cluster {
 public:
  static Cluster& instance() {
    static Cluster cluster;
    return cluster;
  }

  // A new database: empty, or copied from a template migrated once per
  // process (much faster than migrating each one).
  Result<std::string> create_database(bool migrated) {
    if (!error_.empty()) return Status::error(error_);
    if (migrated && !template_ready_) {
      Result<std::string> t = create("jixiao_template", "");
      if (!t.ok()) return t;
      app::FixedClock clock("2024-01-01T00:00:00Z");
      Result<app::OpenDatabase> db = app::open_database(*t, false, clock);
      if (!db.ok()) return db.status();
      template_ready_ = true;
    }
    const std::string name = "t_" + std::to_string(getpid()) + "_" + std::to_string(++databases_);
    return create(name, migrated ? " TEMPLATE jixiao_template STRATEGY FILE_COPY" : "");
  }

  ~Cluster() { stop(); }

 private:
  Result<std::string> create(const std::string& name, const std::string& options) {
    PGconn* c = PQconnectdb(admin_url().c_str());
    PGresult* r = PQexec(c, ("CREATE DATABASE " + name + options).c_str());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    std::string message = PQerrorMessage(c);
    PQclear(r);
    PQfinish(c);
    if (!ok) return Status::error("CREATE DATABASE failed: " + message);
    return url(name);
  }

  Cluster() { error_ = start(); }

  std::string url(const std::string& db) const {
    return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + db;
  }
  std::string admin_url() const { return url("postgres"); }

  // Folders of clusters whose test process died (a crash skips the
  // destructor; the server itself stops with its parent): no server running
  // (no postmaster.pid) and older than ten minutes.
  static void remove_stale_clusters() {
    std::error_code ec;
    const auto now = std::filesystem::file_time_type::clock::now();
    for (const auto& entry : std::filesystem::directory_iterator("/tmp", ec)) {
      if (entry.path().filename().string().rfind("jixiao-pg-", 0) != 0) continue;
      if (std::filesystem::exists(entry.path() / "data" / "postmaster.pid", ec)) continue;
      const auto age = now - std::filesystem::last_write_time(entry.path(), ec);
      if (!ec && age > std::chrono::minutes(10)) std::filesystem::remove_all(entry.path(), ec);
    }
  }

  std::string start() {
    remove_stale_clusters();
    const std::string initdb = std::string(kPgBin) + "/initdb";
    const std::string postgres = std::string(kPgBin) + "/postgres";
    if (access(initdb.c_str(), X_OK) != 0 || access(postgres.c_str(), X_OK) != 0) {
      return std::string("PostgreSQL 15 binaries not found in ") + kPgBin +
             " (run scripts/setup.sh)";
    }
    const passwd* user = nullptr;
    if (geteuid() == 0) {
      user = getpwnam("postgres");
      if (user == nullptr) return "running as root but there is no postgres user";
    }
    char dir[] = "/tmp/jixiao-pg-XXXXXX";
    if (mkdtemp(dir) == nullptr) return "mkdtemp failed";
    dir_ = dir;
    if (user != nullptr && chown(dir, user->pw_uid, user->pw_gid) != 0) return "chown failed";
    const std::string data = dir_ + "/data";
    const std::string log = dir_ + "/log";
    const pid_t init = spawn_as(user,
                                {initdb, "-D", data, "-A", "trust", "-U", "postgres", "--no-sync",
                                 "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"},
                                log);
    int status = 0;
    waitpid(init, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return "initdb failed: " + tail(log);
    for (int attempt = 0; attempt < 5; ++attempt) {
      port_ = free_port();
      pid_ =
          spawn_as(user,
                   {postgres, "-D", data, "-p", std::to_string(port_), "-k", dir_, "-c",
                    "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off",
                    "-c", "full_page_writes=off", "-c", "max_connections=60"},
                   log);
      for (int i = 0; i < 300; ++i) {  // up to 30 s
        if (PQping(admin_url().c_str()) == PQPING_OK) return "";
        if (waitpid(pid_, &status, WNOHANG) == pid_) break;  // exited: port taken?
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      stop_server();
    }
    return "postgres did not start: " + tail(log);
  }

  void stop_server() {
    if (pid_ <= 0) return;
    kill(pid_, SIGINT);  // fast shutdown
    for (int i = 0; i < 100; ++i) {
      if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
        pid_ = 0;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = 0;
  }

  void stop() {
    stop_server();
    if (!dir_.empty()) {
      std::error_code ec;
      std::filesystem::remove_all(dir_, ec);
    }
  }

  std::string error_;
  std::string dir_;
  pid_t pid_ = 0;
  int port_ = 0;
  int databases_ = 0;
  bool template_ready_ = false;
};

}  // namespace

std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::sqlite ? "sqlite" : "postgres";
}

bool running_in_ci() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}

Result<std::string> fresh_database(Backend backend, bool migrated) {
  if (backend == Backend::postgres) return Cluster::instance().create_database(migrated);
  const std::string path = unique_temp_path("test.db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  return path;
}

void BackendTest::SetUp() {
  Result<std::string> url = fresh_database(GetParam(), !start_empty());
  if (!url.ok()) {
    if (running_in_ci()) FAIL() << "PostgreSQL unavailable under CI: " << url.status().message();
    GTEST_SKIP() << "PostgreSQL unavailable: " << url.status().message();
  }
  url_ = *url;
  Result<app::OpenDatabase> db = app::open_database(url_, /*create=*/true, clock_);
  ASSERT_TRUE(db.ok()) << db.status().message();
  db_ = std::move(*db);
  ctx_ = std::make_unique<app::Context>(app::Context{*db_.connection, clock_, "tester"});
}

std::unique_ptr<app::Context> BackendTest::second_context(const std::string& actor) {
  Result<app::OpenDatabase> db = app::open_database(url_, false, clock_);
  EXPECT_TRUE(db.ok()) << db.status().message();
  others_.push_back(std::move(*db));
  return std::make_unique<app::Context>(app::Context{*others_.back().connection, clock_, actor});
}

}  // namespace jixiao::test
