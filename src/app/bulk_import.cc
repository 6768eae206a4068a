#include "app/bulk_import.h"

#include <algorithm>
#include <filesystem>

#include "app/ordered_work.h"
#include "app/rule_sets.h"
#include "format/file_bytes.h"
#include "office/workbook_import.h"

namespace jixiao::app {

namespace fs = std::filesystem;

std::vector<std::string> list_evaluation_files(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (name.rfind("~$", 0) == 0 || !it->is_regular_file(ec)) continue;
    const std::string path = it->path().string();
    // By extension in any case (表.JSON too); a report's text (X.report.json) is no evaluation.
    const bool report_text = format::lower_extension(it->path().stem().string()) == "report";
    const bool json = (format::lower_extension(path) == "json" && !report_text) ||
                      format::is_json_lines_path(path);
    if (json || office::is_workbook_path(path)) out.push_back(path);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> expand_folders(const std::vector<std::string>& paths,
                                        std::vector<std::string>* empty) {
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found = list_evaluation_files(p);
      if (found.empty() && empty != nullptr) empty->push_back(p);
      for (auto& f : found) files.push_back(std::move(f));
    } else {
      files.push_back(p);
    }
  }
  return files;
}

namespace {

Status import_one(const std::string& path, EvaluationFiles& source, RuleSets& rule_sets,
                  const BulkOptions& options, std::vector<ScoredEvaluation>& scored) {
  scored.clear();
  return source.read(path, [&](SourcedEvaluation& e) -> Status {
    Result<const core::RuleSet*> rules =
        rule_sets.for_evaluation(options.rules, e.evaluation, path);
    if (!rules.ok()) return rules.status();
    ScoredEvaluation& s = scored.emplace_back();
    s.evaluation = std::move(e);
    s.rules = *rules;
    core::score_into(s.evaluation.evaluation, *s.rules, s.card);
    s.findings = core::findings(s.evaluation.evaluation, s.card, *s.rules);
    for (const core::Finding& f : s.findings) {
      s.cells.push_back(office::finding_cell(s.evaluation.source, s.evaluation.evaluation, f));
    }
    return Status();
  });
}

}  // namespace

EvaluationOutcome outcome_of(const ScoredEvaluation& se) {
  EvaluationOutcome ev;
  ev.origin = se.evaluation.origin;
  ev.title = se.evaluation.evaluation.title;
  ev.total = se.card.total;
  ev.grade = se.card.grade;
  ev.finding_count = se.findings.size();
  ev.findings = se.findings;
  ev.cells = se.cells;
  return ev;
}

// Files are read and scored on worker threads (app/ordered_work.h) and stored
// in the order given, on the calling thread. Large files are read there too,
// one at a time, since a file's evaluations are held whole until stored; so is
// standard input, which one thread must read.
ImportSummary import_files(const std::vector<std::string>& files, const BulkOptions& options,
                           const Store& store, const Progress& progress) {
  struct Worker {
    EvaluationFiles source;
    RuleSets rule_sets;
  };
  struct Slot {
    Status status;
    std::vector<ScoredEvaluation> scored;
  };
  const unsigned threads = worker_threads();
  const size_t window = default_window(threads);
  std::vector<Worker> workers(threads + 1);  // the last one is the calling thread's
  std::vector<Slot> slots(window);
  auto read = [&](size_t k, Worker& w, Slot& slot) {
    try {
      slot.status = import_one(files[k], w.source, w.rule_sets, options, slot.scored);
    } catch (const std::exception& e) {
      // Nothing in the readers throws on input; this guards memory.
      slot.status = Status::error("文件 " + files[k] + "：处理失败（" + e.what() + "）");
    }
  };
  std::vector<char> on_caller(files.size(), 0);  // decided once: work and delivery agree
  for (size_t k = 0; k < files.size() && threads > 1; ++k) {
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(files[k], ec);
    on_caller[k] = (!ec && size >= kLargeFileBytes) || files[k] == format::kStandardInput;
  }
  ImportSummary summary;
  const ItemWork work = [&](size_t k, unsigned w) {
    if (!on_caller[k]) read(k, workers[w], slots[k % window]);
  };
  const ItemDelivery deliver = [&](size_t k) {
    const std::string& path = files[k];
    Slot& slot = slots[k % window];
    if (on_caller[k]) read(k, workers.back(), slot);
    Status s = slot.status;
    try {
      if (s.ok() && store) s = store(path, slot.scored);
    } catch (const std::exception& e) {
      s = Status::error("文件 " + path + "：处理失败（" + e.what() + "）");
    }
    FileOutcome outcome;
    outcome.path = path;
    if (!s.ok()) {
      outcome.state = FileState::refused;
      outcome.error = s.message();
    } else {
      outcome.state = FileState::imported;
      for (const ScoredEvaluation& se : slot.scored) outcome.evaluations.push_back(outcome_of(se));
    }
    slot.scored.clear();
    summary.add(std::move(outcome));
    if (progress) progress(k + 1, files.size(), path);
    return true;
  };
  run_ordered(files.size(), threads, window, work, deliver);
  return summary;
}

}  // namespace jixiao::app
