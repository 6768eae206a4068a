// Test support: one suite run against both storage backends.
//
// SQLite databases are files in the test's temporary folder. PostgreSQL
// databases live in a throwaway PostgreSQL 15 cluster started once per test
// process (as the `postgres` user when running as root, in a temporary folder
// that user owns, on a free loopback port, with its socket in that folder)
// and stopped at exit; each test gets a database of its own. When the
// PostgreSQL binaries are missing or the cluster cannot start, the PostgreSQL
// tests are skipped with the reason, except under CI=true where they fail.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "test/support/temp_path.h"

#include "app/clock.h"
#include "app/context.h"
#include "app/database.h"

namespace jixiao::test {

enum class Backend { sqlite, postgres };

// "sqlite" / "postgres", for parameterized test names.
std::string backend_name(const ::testing::TestParamInfo<Backend>& info);

// A fresh database of `backend` (a file path or a postgresql:// URL), or an
// error saying why PostgreSQL is unavailable. A PostgreSQL database is empty,
// or with `migrated` a copy of a template that has the schema already (a
// SQLite file is always empty: migrating it is quick).
Result<std::string> fresh_database(Backend backend, bool migrated = true);

// Whether the PostgreSQL half must fail rather than skip (CI=true).
bool running_in_ci();

// A unique path in the test's temporary folder (ctest runs tests in parallel
// processes, so names carry the process id).

// Fixture: a migrated database of the parameter's backend, a fixed clock and
// a context acting as "tester".
class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override;
  // Whether the test needs a database without a schema (the migration tests).
  virtual bool start_empty() const { return false; }

  // A new connection context on the same database (another "session").
  std::unique_ptr<app::Context> second_context(const std::string& actor);

  std::string url_;
  app::FixedClock clock_{"2024-06-13T08:00:00Z"};
  app::OpenDatabase db_;
  std::unique_ptr<app::Context> ctx_;

 private:
  std::vector<app::OpenDatabase> others_;
};

#define JIXIAO_BACKENDS(Suite)                                                               \
  INSTANTIATE_TEST_SUITE_P(                                                                  \
      Backends, Suite,                                                                       \
      ::testing::Values(::jixiao::test::Backend::sqlite, ::jixiao::test::Backend::postgres), \
      ::jixiao::test::backend_name)

}  // namespace jixiao::test
