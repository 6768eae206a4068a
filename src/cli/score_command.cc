#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "app/rule_sets.h"
#include "cli/commands.h"
#include "core/engine.h"
#include "core/text.h"
#include "format/evaluation_reader.h"
#include "format/file_bytes.h"
#include "format/json_writer.h"
#include "format/rule_set_json.h"
#include "format/scorecard_json.h"
#include "format/scorecard_text.h"
#include "office/workbook_import.h"

namespace jixiao::cli {
namespace {

// Shows "已评分 N 个" on a terminal for long runs; silent otherwise. Called
// from one thread.
class Progress {
 public:
  Progress() : enabled_(isatty(STDERR_FILENO) != 0), last_(Clock::now()) {}
  void add(size_t n) {
    done_ += n;
    if (!enabled_) return;
    const auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    std::fprintf(stderr, "\r已评分 %zu 个评价…", done_);
    shown_ = true;
  }
  ~Progress() {
    if (shown_) std::fprintf(stderr, "\r%40s\r", "");
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  bool shown_ = false;
  size_t done_ = 0;
  Clock::time_point last_;
};

void write_out(const std::string& out) {
  std::fwrite(out.data(), 1, out.size(), stdout);
}

// Scores evaluations and appends their output (JSON Lines or tables) to a
// string. One per thread.
class Scorer {
 public:
  Scorer(const ScoreOptions& options, const core::RuleSet* forced)
      : options_(options), forced_(forced) {}

  // Reads `text` (a whole file, or whole lines of one starting at
  // `first_line`) and scores every evaluation into `out`. Stops at the first
  // error, with the output of the evaluations before it.
  Status score_text(std::string_view text, const std::string& path, bool json_lines,
                    size_t first_line, std::string& out, size_t& scored) {
    return reader_.read_text(
        text, path, json_lines,
        [&](core::Evaluation& e, size_t line) { return score_one(e, path, line, out, scored); },
        first_line);
  }

  Status score_file(const std::string& path, std::string& out, size_t& scored, Progress& progress) {
    // Workbooks (.xlsx) go through the office importer, with the same sink;
    // their findings are prefixed with the cell they concern.
    const bool workbook = office::is_workbook_path(path);
    const format::EvaluationReader::Sink sink = [&](core::Evaluation& e, size_t line) {
      Status s = score_one(e, path, line, out, scored, workbook ? &located_ : nullptr);
      if (out.size() >= (1u << 20)) {
        write_out(out);
        out.clear();
      }
      progress.add(1);
      return s;
    };
    return workbook ? office::read_workbook_evaluations(path, sink, &located_)
                    : reader_.read_file(path, sink);
  }

 private:
  Status score_one(core::Evaluation& e, const std::string& path, size_t line, std::string& out,
                   size_t& scored, const office::SourceMap* located = nullptr) {
    const core::RuleSet* rules = forced_;
    if (rules == nullptr) {
      // The line is named only in an error about the evaluation's own rule set.
      Result<const core::RuleSet*> own = rule_sets_.for_evaluation(
          "", e, path,
          line && !e.rule_set.empty() ? path + " 第 " + std::to_string(line) + " 行" : path);
      if (!own.ok()) return own.status();
      rules = *own;
    }
    core::score_into(e, *rules, card_);
    // Workbooks: each finding's message names its cell.
    const format::FindingLocator locate = [&](const core::Finding& f) {
      return office::finding_cell(*located, e, f);
    };
    const format::FindingLocator* locator = located != nullptr ? &locate : nullptr;
    origin_ = path;
    if (line != 0) origin_ += ":" + std::to_string(line);
    if (options_.json) {
      format::JsonWriter w(out);
      format::write_scorecard_json(w, e, card_, *rules, origin_, locator);
    } else {
      format::write_scorecard_text(out, e, card_, *rules, origin_, locator);
    }
    out += '\n';
    ++scored;
    return Status();
  }

  const ScoreOptions& options_;
  const core::RuleSet* forced_;
  app::RuleSets rule_sets_;
  format::EvaluationReader reader_;
  core::ScoreCard card_;
  std::string origin_;
  office::SourceMap located_;  // the sheet being scored, for workbooks
};

// Large JSON Lines files are cut into blocks of whole lines that worker
// threads read, score and format; the main thread writes the blocks in
// order, so the output is the same as scoring on one thread. A worker stays
// at most kAhead blocks in front of the writer, which bounds memory. A block's
// output buffer goes back to the workers once written: allocated afresh for
// every block, its pages were faulted in and its growth copied each time.
constexpr size_t kParallelAtLeast = size_t{8} << 20;
constexpr size_t kBlockBytes = size_t{2} << 20;

struct Block {
  std::string_view text;
  size_t first_line = 1;
  std::string out;
  Status status;
  size_t scored = 0;
  bool done = false;
};

// A block of blank lines has nothing to read (the reader would call it an empty file).
bool is_blank(std::string_view text) {
  return core::text::trim(text).empty();
}

std::vector<Block> cut_blocks(std::string_view text) {
  std::vector<Block> blocks;
  size_t line = 1;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = std::min(text.size(), pos + kBlockBytes);
    if (end < text.size()) {
      const size_t nl = text.find('\n', end);
      end = nl == std::string_view::npos ? text.size() : nl + 1;
    }
    Block b;
    b.text = text.substr(pos, end - pos);
    b.first_line = line;
    line += static_cast<size_t>(std::count(b.text.begin(), b.text.end(), '\n'));
    blocks.push_back(std::move(b));
    pos = end;
  }
  return blocks;
}

Status score_in_parallel(const std::string& path, std::string_view text, unsigned threads,
                         const ScoreOptions& options, const core::RuleSet* forced,
                         Progress& progress) {
  std::vector<Block> blocks = cut_blocks(text);
  const size_t ahead = 2 * static_cast<size_t>(threads);
  std::mutex mu;
  std::condition_variable changed;
  size_t next = 0;                 // the next block a worker takes
  size_t written = 0;              // blocks the writer has finished
  bool stop = false;               // an error was written: later blocks are not needed
  std::vector<std::string> spare;  // written blocks' output buffers, for the next blocks

  auto work = [&] {
    Scorer scorer(options, forced);
    for (;;) {
      size_t k;
      {
        std::unique_lock lock(mu);
        changed.wait(lock, [&] { return stop || next >= blocks.size() || next < written + ahead; });
        if (stop || next >= blocks.size()) return;
        k = next++;
        if (!spare.empty()) {
          blocks[k].out = std::move(spare.back());
          spare.pop_back();
        }
      }
      Block& b = blocks[k];
      if (!is_blank(b.text)) {
        b.status = scorer.score_text(b.text, path, true, b.first_line, b.out, b.scored);
      }
      {
        std::lock_guard lock(mu);
        b.done = true;
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) workers.emplace_back(work);

  Status result;
  for (size_t k = 0; k < blocks.size(); ++k) {
    {
      std::unique_lock lock(mu);
      changed.wait(lock, [&] { return blocks[k].done; });
    }
    Block& b = blocks[k];
    write_out(b.out);
    progress.add(b.scored);
    b.out.clear();
    {
      std::lock_guard lock(mu);
      spare.push_back(std::move(b.out));
      written = k + 1;
      if (!b.status.ok()) stop = true;
    }
    changed.notify_all();
    if (!b.status.ok()) {
      result = b.status;
      break;
    }
  }
  for (auto& w : workers) w.join();
  return result;
}

// $JIXIAO_THREADS, else one per core (at most 16).
unsigned worker_threads() {
  if (const char* env = std::getenv("JIXIAO_THREADS"); env != nullptr && *env != '\0') {
    const long n = std::strtol(env, nullptr, 10);
    return static_cast<unsigned>(std::clamp(n, 1L, 64L));
  }
  const unsigned n = std::thread::hardware_concurrency();
  return std::clamp(n, 1u, 16u);
}

}  // namespace

int run_score(const ScoreOptions& options) {
  if (has_folder(options) || !options.findings.empty()) return run_score_folder(options);
  app::RuleSets rule_sets;
  const core::RuleSet* forced = nullptr;
  if (!options.rules.empty()) {
    Result<const core::RuleSet*> r = rule_sets.get(0, options.rules, "");
    if (!r.ok()) {
      std::fprintf(stderr, "错误：%s\n", r.status().message().c_str());
      return 2;
    }
    forced = *r;
  }
  const unsigned threads = worker_threads();
  Scorer scorer(options, forced);
  Progress progress;
  std::string out;
  int exit_code = 0;
  for (const std::string& path : options.files) {
    Status s;
    const bool json_lines = format::is_json_lines_path(path);
    std::error_code ec;
    const auto size = std::filesystem::is_regular_file(path, ec)
                          ? std::filesystem::file_size(path, ec)
                          : std::uintmax_t{0};
    if (threads > 1 && json_lines && !ec && size >= kParallelAtLeast) {
      Result<format::FileBytes> bytes =
          format::FileBytes::open(path, format::kMaxEvaluationFileBytes);
      s = bytes.ok() ? score_in_parallel(path, bytes->text(), threads, options, forced, progress)
                     : bytes.status();
    } else {
      size_t scored = 0;
      s = scorer.score_file(path, out, scored, progress);
      write_out(out);
      out.clear();
    }
    if (!s.ok()) {
      std::fflush(stdout);
      std::fprintf(stderr, "错误：%s\n", s.message().c_str());
      exit_code = 2;
    }
  }
  std::fflush(stdout);
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
