#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>

#include "cli/commands.h"
#include "core/engine.h"
#include "format/evaluation_reader.h"
#include "format/json_writer.h"
#include "format/rule_set_json.h"
#include "format/scorecard_json.h"
#include "format/scorecard_text.h"
#include "office/workbook_import.h"

namespace jixiao::cli {
namespace {

// Rule sets by name or path, loaded once.
class RuleSets {
 public:
  const core::RuleSet* get(const std::string& name_or_path, const std::string& relative_to,
                           Status& status) {
    std::string key = name_or_path;
    if (format::builtin_rule_set_json(key).empty() && !relative_to.empty() &&
        std::filesystem::path(key).is_relative()) {
      key = (std::filesystem::path(relative_to).parent_path() / key).string();
    }
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second.get();
    Result<core::RuleSet> loaded = format::load_rule_set(key);
    if (!loaded.ok()) {
      status = loaded.status();
      return nullptr;
    }
    auto owned = std::make_unique<core::RuleSet>(std::move(*loaded));
    const core::RuleSet* ptr = owned.get();
    cache_.emplace(key, std::move(owned));
    return ptr;
  }

 private:
  std::map<std::string, std::unique_ptr<core::RuleSet>> cache_;
};

// Shows "已评分 N 个" on a terminal for long runs; silent otherwise.
class Progress {
 public:
  Progress() : enabled_(isatty(STDERR_FILENO) != 0), start_(Clock::now()), last_(start_) {}
  void tick(size_t done) {
    if (!enabled_ || (done & 1023) != 0) return;
    const auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    std::fprintf(stderr, "\r已评分 %zu 个评价…", done);
    shown_ = true;
  }
  ~Progress() {
    if (shown_) std::fprintf(stderr, "\r%40s\r", "");
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  bool shown_ = false;
  Clock::time_point start_;
  Clock::time_point last_;
};

void flush(std::string& out, bool force) {
  if (out.size() < (1u << 20) && !force) return;
  std::fwrite(out.data(), 1, out.size(), stdout);
  out.clear();
}

}  // namespace

int run_score(const ScoreOptions& options) {
  if (has_folder(options) || !options.findings.empty()) return run_score_folder(options);
  RuleSets rule_sets;
  const core::RuleSet* forced = nullptr;
  if (!options.rules.empty()) {
    Status s;
    forced = rule_sets.get(options.rules, "", s);
    if (forced == nullptr) {
      std::fprintf(stderr, "错误：%s\n", s.message().c_str());
      return 2;
    }
  }
  format::EvaluationReader reader;
  core::ScoreCard card;
  std::string out;
  Progress progress;
  size_t scored = 0;
  int exit_code = 0;
  for (const std::string& path : options.files) {
    // Workbooks (.xlsx) go through the office importer; the sink is the same.
    office::SourceMap located;
    const bool workbook = office::is_workbook_path(path);
    const format::EvaluationReader::Sink sink = [&](core::Evaluation& e, size_t line) -> Status {
      const core::RuleSet* rules = forced;
      if (rules == nullptr) {
        Status rs;
        rules = rule_sets.get(
            e.rule_set.empty() ? std::string(format::kDefaultRuleSet) : e.rule_set, path, rs);
        if (rules == nullptr) {
          return rs.within("文件 " + path + (line ? " 第 " + std::to_string(line) + " 行" : "") +
                           "：字段 rule_set：");
        }
      }
      core::score_into(e, *rules, card);
      if (workbook) office::locate_findings(located, e, card.findings);
      const std::string origin = line ? path + ":" + std::to_string(line) : path;
      if (options.json) {
        format::JsonWriter w(out);
        format::write_scorecard_json(w, e, card, *rules, origin);
        out += '\n';
      } else {
        format::write_scorecard_text(out, e, card, *rules, origin);
        out += '\n';
      }
      flush(out, false);
      progress.tick(++scored);
      return Status();
    };
    Status s = workbook ? office::read_workbook_evaluations(path, sink, &located)
                        : reader.read_file(path, sink);
    if (!s.ok()) {
      flush(out, true);
      std::fflush(stdout);
      std::fprintf(stderr, "错误：%s\n", s.message().c_str());
      exit_code = 2;
    }
  }
  flush(out, true);
  return exit_code;
}

int run_rules(const std::string& name) {
  if (name.empty()) {
    for (const auto& n : format::builtin_rule_set_names()) {
      Result<core::RuleSet> r = format::load_rule_set(n);
      std::printf("%-20s %s\n", n.c_str(),
                  r.ok() ? r->title.c_str() : r.status().message().c_str());
    }
    return 0;
  }
  Result<core::RuleSet> r = format::load_rule_set(name);
  if (!r.ok()) {
    std::fprintf(stderr, "错误：%s\n", r.status().message().c_str());
    return 2;
  }
  std::printf("%s\n", format::rule_set_to_json(*r).c_str());
  return 0;
}

}  // namespace jixiao::cli
