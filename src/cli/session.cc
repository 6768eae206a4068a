#include "cli/session.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace jixiao::cli {
namespace {

std::string actor_name(const DatabaseOptions& o) {
  if (!o.actor.empty()) return o.actor;
  if (const char* env = std::getenv("JIXIAO_USER"); env && *env) return env;
  const passwd* pw = getpwuid(getuid());
  return std::string("os:") + (pw ? pw->pw_name : std::to_string(getuid()));
}

}  // namespace

Result<std::unique_ptr<Session>> open_session(const DatabaseOptions& o, bool create) {
  auto session = std::make_unique<Session>();
  const std::string name = o.db.empty() ? app::default_database_name() : o.db;
  Result<app::OpenDatabase> db = app::open_database(name, create, session->clock);
  if (!db.ok()) return db.status();
  session->db = std::move(*db);
  session->ctx.emplace(app::Context{*session->db.connection, session->clock, actor_name(o)});
  return session;
}

int fail(const Status& s) {
  std::fprintf(stderr, "错误：%s\n", s.message().c_str());
  return s.message().starts_with("内部错误") ? 1 : 2;
}

}  // namespace jixiao::cli
