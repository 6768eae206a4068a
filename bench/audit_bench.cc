// Report audit throughput: `jixiao audit`'s work (read, extract, check,
// score, write the JSON) on 1,000 reports in memory, in rotation: the three
// sample reports and the test corpus as exported text, and .docx reports
// jixiao writes from the example evaluations. Prints reports/s and MB/s.
//
//   build/bench/audit_bench [REPORTS]      (default 1000; run from anywhere)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/evaluation_source.h"
#include "app/report_job.h"
#include "audit/audit.h"
#include "format/file_bytes.h"
#include "format/rule_set_json.h"

namespace fs = std::filesystem;
using namespace jixiao;

namespace {

// A report's text; the benchmark's own inputs, so a missing one is a bug.
std::string read_report(const fs::path& p) {
  Result<format::FileBytes> bytes = format::FileBytes::open(p.string(), size_t{64} << 20);
  if (!bytes.ok()) {
    std::fprintf(stderr, "%s\n", bytes.status().message().c_str());
    std::exit(1);
  }
  return std::string(bytes->text());
}

}  // namespace

int main(int argc, char** argv) {
  const int reports = argc > 1 ? std::atoi(argv[1]) : 1000;
  const fs::path source(JIXIAO_SOURCE_DIR);
  const core::RuleSet rules = *format::load_rule_set("national-2020");

  std::vector<std::string> inputs;
  for (const char* dir : {"test/audit/samples", "test/audit/reports", "test/audit/shapes"}) {
    for (const auto& e : fs::directory_iterator(source / dir)) {
      if (e.path().extension() == ".txt") inputs.push_back(read_report(e.path()));
    }
  }
  int docx = 0;
  for (const char* example :
       {"report-000.json", "report-002.json", "report-004.json", "department-overall.json"}) {
    app::EvaluationFiles files;
    Result<app::SourcedEvaluation> e = files.read_first((source / "examples" / example).string());
    if (!e.ok()) continue;
    Result<std::string> bytes = app::report_bytes(*e, rules, {}, app::DocumentKind::report);
    if (bytes.ok()) {
      inputs.push_back(std::move(*bytes));
      ++docx;
    }
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "no reports found under %s\n", source.c_str());
    return 1;
  }

  size_t bytes = 0, findings = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < reports; ++i) {
    const std::string& in = inputs[i % inputs.size()];
    Result<audit::Document> doc = audit::read_report(in, "bench");
    if (!doc.ok()) return 1;
    const audit::Audit a = audit::audit_document(*doc, rules);
    const std::string json = audit::audit_json(a, "bench");
    bytes += in.size();
    findings += a.findings.size() + (json.empty() ? 1 : 0);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "audited %d reports (%zu inputs in rotation, %d of them .docx), %.1f MB, %zu findings\n",
      reports, inputs.size(), docx, bytes / 1e6, findings);
  std::printf("%.3f s: %.0f reports/s, %.1f MB/s\n", seconds, reports / seconds,
              bytes / 1e6 / seconds);
  return 0;
}
