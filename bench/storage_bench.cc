// Storage benchmark (issue 3 item 8): import the generated evaluations
// (100,000 × 20 leaves = 2 million indicator rows) into each backend through
// the same use case `jixiao import` runs, then time the dashboard queries.
// bench/storage_run.sh builds Release, starts a throwaway PostgreSQL and runs
// this; it is a benchmark, not a test.
//
// Per backend: a fresh database; `import` of the data file (one transaction,
// scored on the way in, audited); monitoring reports for month 9 of every
// project, computed by core::monitor from the evaluation (its actuals read as
// actuals to date), so that the red-lights query has data; then each dashboard
// query --repeat times (median and slowest, ms).
//
// Flags: --evaluations=N (100000), --seed=S, --data=PATH (default as
// bench/run.sh), --sqlite=PATH (a file to create; default in the temp
// directory), --postgres=URL (an empty database; skipped when absent),
// --repeat=N (7).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "app/clock.h"
#include "app/database.h"
#include "app/import.h"
#include "core/monitoring.h"
#include "format/evaluation_reader.h"
#include "format/rule_set_json.h"
#include "generate_evaluations.h"
#include "storage/dashboard.h"
#include "storage/monitoring.h"
#include "storage/query.h"

namespace {

using namespace jixiao;  // NOLINT: a benchmark's main
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

[[noreturn]] void die(const Status& s) {
  std::fprintf(stderr, "storage_bench: %s\n", s.message().c_str());
  std::exit(1);
}

struct QueryTiming {
  std::string name;
  double median_ms = 0;
  double max_ms = 0;
  size_t rows = 0;
};

struct Run {
  std::string backend;
  double import_s = 0;
  size_t evaluations = 0;
  size_t leaves = 0;
  size_t nodes = 0;
  double monitoring_s = 0;
  size_t reports = 0;
  int year = 0;
  std::string size;
  std::vector<QueryTiming> queries;
};

// Monitoring reports for month 9 of each project (its first evaluation).
void add_monitoring(app::Context& ctx, const std::string& data, Run& run) {
  const core::RuleSet rules = *format::load_rule_set(format::kDefaultRuleSet);
  struct Place {
    int64_t project;
    int64_t unit;
    int year;
  };
  std::vector<Place> places;
  Status s = storage::query(
      ctx.connection, "SELECT project_id, unit_id, year FROM evaluations ORDER BY id",
      [&](storage::Statement& st) {
        places.push_back({st.get_int(0), st.get_int(1), static_cast<int>(st.get_int(2))});
      });
  if (!s.ok()) die(s);
  const auto start = Clock::now();
  storage::Transaction tx(ctx.connection);
  if (!(s = tx.begin_write()).ok()) die(s);
  storage::MonitoringWriter writer(ctx.connection);
  std::vector<bool> done;
  size_t index = 0;
  format::EvaluationReader reader;
  s = reader.read_file(data, [&](core::Evaluation& e, size_t) -> Status {
    const Place& p = places.at(index++);
    if (static_cast<size_t>(p.project) >= done.size()) done.resize(p.project + 1);
    if (done[p.project]) return Status();
    done[p.project] = true;
    const core::MonitoringCard card = core::monitor(e, 9, rules);
    storage::MonitoringReportRecord r;
    r.project_id = p.project;
    r.unit_id = p.unit;
    r.year = p.year;
    r.month = 9;
    if (e.budget) {
      r.adjusted = e.budget->adjusted;
      // Executed to date: the year's execution as of September.
      if (e.budget->executed) r.executed = *e.budget->executed * 0.75;
      if (r.adjusted && r.executed && *r.adjusted > 0) r.execution_rate = *r.executed / *r.adjusted;
    }
    if (card.budget && card.budget->light) {
      r.budget_light = core::light_code(*card.budget->light);
    }
    if (card.project.light) r.light = core::light_code(*card.project.light);
    for (size_t i = 0; i < e.indicators.size(); ++i) {
      const core::Indicator& n = e.indicators[i];
      const core::LightResult& l = card.nodes[i];
      r.indicators.push_back({static_cast<int>(i),
                              n.parent < 0 ? std::nullopt : std::optional<int>(n.parent), n.level,
                              n.name, n.weight, n.target_text, n.actual_text,
                              l.light ? std::string(core::light_code(*l.light)) : "", l.ratio, ""});
    }
    Result<int64_t> id = writer.insert(r, ctx.clock.now());
    if (!id.ok()) return id.status();
    ++run.reports;
    return Status();
  });
  if (s.ok()) s = writer.flush();
  if (s.ok()) s = tx.commit();
  if (!s.ok()) die(s);
  run.monitoring_s = seconds_since(start);
}

template <typename F>
QueryTiming time_query(const std::string& name, int repeat, F&& query) {
  QueryTiming t;
  t.name = name;
  std::vector<double> ms;
  for (int i = 0; i < repeat; ++i) {
    const auto start = Clock::now();
    t.rows = query();
    ms.push_back(seconds_since(start) * 1000);
  }
  std::sort(ms.begin(), ms.end());
  t.median_ms = ms[ms.size() / 2];
  t.max_ms = ms.back();
  return t;
}

template <typename T>
size_t rows_of(const Result<std::vector<T>>& r) {
  if (!r.ok()) die(r.status());
  return r->size();
}

Run run_backend(const std::string& backend, const std::string& db, const std::string& data,
                int repeat) {
  Run run;
  run.backend = backend;
  app::SystemClock clock;
  Result<app::OpenDatabase> opened = app::open_database(db, true, clock);
  if (!opened.ok()) die(opened.status());
  app::Context ctx{*opened->connection, clock, "bench"};

  std::fprintf(stderr, "== %s: import\n", backend.c_str());
  std::vector<std::unique_ptr<app::EvaluationSource>> sources;
  sources.push_back(app::open_evaluation_source(data));
  const auto start = Clock::now();
  const app::ImportSummary summary = app::import_evaluations(ctx, sources, {});
  run.import_s = seconds_since(start);
  if (summary.refused_files()) die(Status::error(summary.files[0].error));
  run.evaluations = summary.evaluations;
  run.nodes = summary.indicator_rows;
  Result<std::optional<int64_t>> leaves = storage::query_int(
      ctx.connection,
      "SELECT COUNT(*) FROM evaluation_indicators i WHERE NOT EXISTS (SELECT 1 FROM "
      "evaluation_indicators c WHERE c.evaluation_id = i.evaluation_id AND c.parent = "
      "i.position)");
  if (!leaves.ok()) die(leaves.status());
  run.leaves = static_cast<size_t>(leaves->value_or(0));

  std::fprintf(stderr, "== %s: monitoring reports\n", backend.c_str());
  add_monitoring(ctx, data, run);

  // The year with the most evaluations: the dashboard's year.
  Result<std::optional<int64_t>> year = storage::query_int(
      ctx.connection,
      "SELECT year FROM evaluations GROUP BY year ORDER BY COUNT(*) DESC, year LIMIT 1");
  if (!year.ok()) die(year.status());
  run.year = static_cast<int>(year->value_or(0));
  if (backend == "postgres") {
    // What autovacuum does after a bulk load: statistics and the visibility
    // map (index-only scans).
    Status s = ctx.connection.execute_script("VACUUM ANALYZE");
    if (!s.ok()) die(s);
  } else {
    Status s = ctx.connection.execute_script("ANALYZE");
    if (!s.ok()) die(s);
    run.size = std::to_string(std::filesystem::file_size(db) / 1000000) + " MB";
  }
  std::fprintf(stderr, "== %s: dashboard queries (year %d)\n", backend.c_str(), run.year);
  storage::Connection& c = ctx.connection;
  run.queries.push_back(time_query("grade distribution by unit", repeat, [&] {
    return rows_of(storage::grade_distribution(c, run.year));
  }));
  run.queries.push_back(time_query("execution rate by unit", repeat, [&] {
    return rows_of(storage::execution_by_unit(c, run.year));
  }));
  run.queries.push_back(time_query("red monitoring lights", repeat,
                                   [&] { return rows_of(storage::red_lights(c, run.year, 9)); }));
  run.queries.push_back(time_query("top 20 deviations", repeat, [&] {
    return rows_of(storage::top_deviations(c, run.year, 20));
  }));
  return run;
}

const char* verdict(bool ok) {
  return ok ? "PASS" : "MISS";
}

}  // namespace

int main(int argc, char** argv) {
  size_t evaluations = bench::kDefaultEvaluations;
  uint64_t seed = bench::kDefaultSeed;
  std::string data, sqlite_path, postgres_url;
  int repeat = 7;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto value = [&](const char* flag) -> const char* {
      const std::string prefix = std::string(flag) + "=";
      return a.rfind(prefix, 0) == 0 ? argv[i] + prefix.size() : nullptr;
    };
    if (const char* v = value("--evaluations")) {
      evaluations = std::strtoull(v, nullptr, 10);
    } else if (const char* v2 = value("--seed")) {
      seed = std::strtoull(v2, nullptr, 10);
    } else if (const char* v3 = value("--data")) {
      data = v3;
    } else if (const char* v4 = value("--sqlite")) {
      sqlite_path = v4;
    } else if (const char* v5 = value("--postgres")) {
      postgres_url = v5;
    } else if (const char* v6 = value("--repeat")) {
      repeat = std::max(1, std::atoi(v6));
    } else {
      std::fprintf(stderr, "unknown flag %s\n", a.c_str());
      return 2;
    }
  }
  if (data.empty()) data = bench::default_data_path(evaluations, seed);
  bench::DataFile file;
  try {
    file = bench::ensure_data_file(data, evaluations, seed);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 2;
  }
  std::fprintf(stderr, "data: %s (%llu evaluations, %llu rows, %s)\n", file.path.c_str(),
               static_cast<unsigned long long>(file.evaluations),
               static_cast<unsigned long long>(file.rows), file.reused ? "reused" : "written");
  if (sqlite_path.empty()) {
    sqlite_path = (std::filesystem::temp_directory_path() / "jixiao-storage-bench.db").string();
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((sqlite_path + suffix).c_str());

  std::vector<Run> runs;
  runs.push_back(run_backend(std::string("sqlite"), sqlite_path, file.path, repeat));
  if (!postgres_url.empty())
    runs.push_back(run_backend("postgres", postgres_url, file.path, repeat));

  std::printf(
      "\nstorage benchmark: %zu evaluations, %zu indicator rows (leaves) in %zu tree "
      "nodes; %u CPUs; load %.2f\n\n",
      runs[0].evaluations, runs[0].leaves, runs[0].nodes,
      std::max(1u, static_cast<unsigned>(sysconf(_SC_NPROCESSORS_ONLN))), [] {
        double load[1] = {0};
        return getloadavg(load, 1) == 1 ? load[0] : 0.0;
      }());
  std::printf("%-10s %10s %12s %12s %14s   %-28s\n", "import", "seconds", "rows/s", "nodes/s",
              "evaluations/s", "target (SQLite)");
  for (const Run& r : runs) {
    const double rate = static_cast<double>(r.leaves) / r.import_s;
    std::printf("%-10s %10.2f %12.0f %12.0f %14.0f   %-28s %s\n", r.backend.c_str(), r.import_s,
                rate, r.nodes / r.import_s, r.evaluations / r.import_s,
                r.backend == "sqlite" ? "≥ 100,000 rows/s" : "(reported)",
                r.backend == "sqlite" ? verdict(rate >= 100000) : "");
  }
  std::printf("\n%-10s %s\n", "monitoring", "(set-up for the red-lights query, not a target)");
  for (const Run& r : runs) {
    std::printf("%-10s %zu reports in %.2f s%s%s\n", r.backend.c_str(), r.reports, r.monitoring_s,
                r.size.empty() ? "" : "; database file ", r.size.c_str());
  }
  const std::string header = "dashboard query (year " + std::to_string(runs[0].year) + ")";
  std::printf("\n%-30s %-10s %10s %10s %8s   %s\n", header.c_str(), "backend", "median ms",
              "max ms", "rows", "target < 100 ms");
  for (size_t q = 0; q < runs[0].queries.size(); ++q) {
    for (const Run& r : runs) {
      const QueryTiming& t = r.queries[q];
      std::printf("%-30s %-10s %10.2f %10.2f %8zu   %s\n", t.name.c_str(), r.backend.c_str(),
                  t.median_ms, t.max_ms, t.rows, verdict(t.max_ms < 100));
    }
  }
  return 0;
}
