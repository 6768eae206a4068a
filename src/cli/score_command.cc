#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "app/ordered_work.h"
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

  // With `progress`, the output is written to stdout every megabyte and the
  // progress shown; without, it all stays in `out`.
  Status score_file(const std::string& path, std::string& out, size_t& scored, Progress* progress) {
    // Workbooks (.xlsx) go through the office importer, with the same sink;
    // their findings are prefixed with the cell they concern.
    const bool workbook = office::is_workbook_path(path);
    const format::EvaluationReader::Sink sink = [&](core::Evaluation& e, size_t line) {
      Status s = score_one(e, path, line, out, scored, workbook ? &located_ : nullptr);
      if (progress == nullptr) return s;
      if (out.size() >= (1u << 20)) {
        write_out(out);
        out.clear();
      }
      progress->add(1);
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

// What the command reads, cut into items that worker threads read, score and
// format while the main thread writes their output in order
// (app/ordered_work.h): the output is the same as on one thread. Small files
// are an item each. Large JSON Lines files are cut into blocks of whole lines.
// Other large files, and everything when there is one thread, are read and
// written by the main thread itself, streaming, so that their output is never
// held whole. A slot's output buffer is kept from item to item: allocated
// afresh for every block, its pages were faulted in and its growth copied
// each time.
constexpr size_t kBlockBytes = size_t{2} << 20;

struct Item {
  size_t file = 0;         // index into options.files
  std::string_view text;   // a block of a large JSON Lines file, or empty
  size_t first_line = 1;   // of the block
  bool whole_file = true;  // read by path
  bool streamed = false;   // read and written by the main thread
};

struct Slot {
  std::string out;
  Status status;
  size_t scored = 0;
};

// A block of blank lines has nothing to read (the reader would call it an empty file).
bool is_blank(std::string_view text) {
  return core::text::trim(text).empty();
}

void cut_blocks(size_t file, std::string_view text, std::vector<Item>& items) {
  size_t line = 1;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = std::min(text.size(), pos + kBlockBytes);
    if (end < text.size()) {
      const size_t nl = text.find('\n', end);
      end = nl == std::string_view::npos ? text.size() : nl + 1;
    }
    Item b;
    b.file = file;
    b.text = text.substr(pos, end - pos);
    b.first_line = line;
    b.whole_file = false;
    line += static_cast<size_t>(std::count(b.text.begin(), b.text.end(), '\n'));
    items.push_back(b);
    pos = end;
  }
}

// The items for `files`; `mapped` keeps the large JSON Lines files open.
std::vector<Item> plan_items(const std::vector<std::string>& files, unsigned threads,
                             std::vector<format::FileBytes>& mapped) {
  std::vector<Item> items;
  mapped.reserve(files.size());
  for (size_t f = 0; f < files.size(); ++f) {
    const std::string& path = files[f];
    std::error_code ec;
    const bool regular = std::filesystem::is_regular_file(path, ec);
    const std::uintmax_t size = regular ? std::filesystem::file_size(path, ec) : 0;
    Item item;
    item.file = f;
    // A pipe's size is unknown: streamed like a large file. So is standard
    // input, which only the main thread reads.
    item.streamed = threads <= 1 || path == format::kStandardInput || (!regular && !ec) ||
                    size >= app::kLargeFileBytes;
    if (item.streamed && threads > 1 && regular && format::is_json_lines_path(path)) {
      Result<format::FileBytes> bytes =
          format::FileBytes::open(path, format::kMaxEvaluationFileBytes);
      if (bytes.ok()) {
        mapped.push_back(std::move(*bytes));
        cut_blocks(f, mapped.back().text(), items);
        continue;
      }
    }
    items.push_back(item);
  }
  return items;
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
  const unsigned threads = app::worker_threads();
  std::vector<format::FileBytes> mapped;
  const std::vector<Item> items = plan_items(options.files, threads, mapped);
  const size_t window = app::default_window(threads);
  std::vector<Slot> slots(window);
  std::vector<std::unique_ptr<Scorer>> workers;
  for (unsigned w = 0; w < threads && threads > 1; ++w) {
    workers.push_back(std::make_unique<Scorer>(options, forced));
  }
  Scorer own(options, forced);  // the main thread's, for streamed files
  std::vector<char> failed(options.files.size(), 0);
  Progress progress;
  std::string out;
  int exit_code = 0;

  const app::ItemWork work = [&](size_t k, unsigned w) {
    const Item& item = items[k];
    Slot& slot = slots[k % window];
    slot.status = Status();
    slot.scored = 0;
    if (item.streamed) return;
    const std::string& path = options.files[item.file];
    if (item.whole_file) {
      slot.status = workers[w]->score_file(path, slot.out, slot.scored, nullptr);
    } else if (!is_blank(item.text)) {
      slot.status =
          workers[w]->score_text(item.text, path, true, item.first_line, slot.out, slot.scored);
    }
  };
  const app::ItemDelivery deliver = [&](size_t k) {
    const Item& item = items[k];
    Slot& slot = slots[k % window];
    if (failed[item.file]) {  // a block after the one that failed
      slot.out.clear();
      return true;
    }
    Status s;
    if (item.streamed) {
      size_t scored = 0;
      s = own.score_file(options.files[item.file], out, scored, &progress);
      write_out(out);
      out.clear();
    } else {
      write_out(slot.out);
      slot.out.clear();
      progress.add(slot.scored);
      s = slot.status;
    }
    if (!s.ok()) {
      failed[item.file] = 1;
      std::fflush(stdout);
      std::fprintf(stderr, "错误：%s\n", s.message().c_str());
      exit_code = 2;
    }
    return true;
  };
  app::run_ordered(items.size(), threads, window, work, deliver);
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
