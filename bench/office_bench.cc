// Office throughput (bench/office_run.sh prints it beside the Python peers):
//   office_bench generate DIR N   writes N self-evaluation workbooks (the
//                                 benchmark evaluations of generate_evaluations.h,
//                                 20 indicators, ~33 rows each) through the
//                                 self-eval template
//   office_bench import DIR       imports every workbook in DIR (read, find
//                                 the tables, score), prints files/s as JSON
//   office_bench reports DIR N    writes N evaluation reports (.docx) to DIR,
//                                 prints files/s as JSON
// Timings use a steady clock around the work only (no generation).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app/evaluation_source.h"
#include "app/report_job.h"
#include "bench/generate_evaluations.h"
#include "core/engine.h"
#include "format/evaluation_reader.h"
#include "format/rule_set_json.h"
#include "office/templates.h"
#include "office/workbook_import.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

jixiao::core::Evaluation evaluation(uint64_t index) {
  std::string json;
  jixiao::bench::append_evaluation(json, jixiao::bench::kDefaultSeed, index);
  jixiao::Result<jixiao::core::Evaluation> e = jixiao::format::parse_evaluation(json);
  if (!e.ok()) {
    std::fprintf(stderr, "%s\n", e.status().message().c_str());
    std::exit(1);
  }
  return std::move(*e);
}

std::string name(size_t i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "eval-%05zu.xlsx", i);
  return buf;
}

int generate(const std::string& dir, size_t n) {
  fs::create_directories(dir);
  for (size_t i = 0; i < n; ++i) {
    const jixiao::core::Evaluation e = evaluation(i);
    jixiao::Status s = jixiao::office::write_template(jixiao::office::TemplateKind::self_evaluation,
                                                      &e, {}, (fs::path(dir) / name(i)).string());
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.message().c_str());
      return 1;
    }
  }
  return 0;
}

int import(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".xlsx") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  const jixiao::core::RuleSet rules = *jixiao::format::load_rule_set("national-2020");
  jixiao::office::WorkbookImporter importer;
  jixiao::core::ScoreCard card;
  size_t evaluations = 0, rows = 0;
  double total = 0;
  const auto start = Clock::now();
  for (const std::string& f : files) {
    jixiao::Status s =
        importer.read_file(f, [&](jixiao::office::ImportedEvaluation& imported, size_t) {
          jixiao::core::score_into(imported.evaluation, rules, card);
          ++evaluations;
          rows += imported.evaluation.indicators.size();
          total += card.total;
          return jixiao::Status();
        });
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.message().c_str());
      return 1;
    }
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf(
      "{\"files\": %zu, \"evaluations\": %zu, \"indicators\": %zu, \"seconds\": %.6f, "
      "\"files_per_second\": %.1f, \"sum_of_totals\": %.2f}\n",
      files.size(), evaluations, rows, seconds, files.size() / seconds, total);
  return 0;
}

int reports(const std::string& dir, size_t n) {
  fs::create_directories(dir);
  const jixiao::core::RuleSet rules = *jixiao::format::load_rule_set("national-2020");
  std::vector<jixiao::app::SourcedEvaluation> inputs(n);
  for (size_t i = 0; i < n; ++i) inputs[i].evaluation = evaluation(i);
  const jixiao::report::Narrative narrative;
  size_t bytes = 0;
  const auto start = Clock::now();
  for (size_t i = 0; i < n; ++i) {
    jixiao::Result<std::string> docx =
        jixiao::app::report_bytes(inputs[i], rules, narrative, jixiao::app::DocumentKind::report);
    if (!docx.ok()) {
      std::fprintf(stderr, "%s\n", docx.status().message().c_str());
      return 1;
    }
    char file[32];
    std::snprintf(file, sizeof file, "report-%05zu.docx", i);
    std::ofstream(fs::path(dir) / file, std::ios::binary)
        .write(docx->data(), static_cast<std::streamsize>(docx->size()));
    bytes += docx->size();
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("{\"files\": %zu, \"bytes\": %zu, \"seconds\": %.6f, \"files_per_second\": %.1f}\n",
              n, bytes, seconds, n / seconds);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "generate" && argc == 4) return generate(argv[2], std::strtoul(argv[3], nullptr, 10));
  if (mode == "import" && argc == 3) return import(argv[2]);
  if (mode == "reports" && argc == 4) return reports(argv[2], std::strtoul(argv[3], nullptr, 10));
  std::fprintf(stderr, "usage: office_bench generate DIR N | import DIR | reports DIR N\n");
  return 2;
}
