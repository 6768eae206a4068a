// Reading evaluation files (docs/format.md): one JSON object per file, or
// JSON Lines (one object per line) when the name ends in .jsonl or .ndjson.
//
// Contract: reading never crashes on any bytes. A problem ends the read of
// that evaluation with a Status whose message, in Chinese, names the file, the
// line (JSON Lines) and the field ("indicators[2].children[0].weight").
// Targets and actuals that cannot be read are not errors here: they reach the
// engine as ValueKind::invalid and become findings.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/model.h"
#include "core/status.h"

namespace jixiao::format {

// Limits on what one file may hold; larger inputs are refused with a message.
inline constexpr size_t kMaxEvaluationFileBytes = size_t{4} << 30;
inline constexpr size_t kMaxIndicators = 10000;
inline constexpr int kMaxLevels = 8;
inline constexpr size_t kMaxTextBytes = 256 * 1024;
inline constexpr size_t kMaxExperts = 100;
inline constexpr size_t kMaxFundingLines = 16;  // budget.sources

// Reads evaluations, reusing its parser and the storage of the Evaluation it
// fills. Not thread-safe; use one reader per thread.
class EvaluationReader {
 public:
  EvaluationReader();
  ~EvaluationReader();
  EvaluationReader(const EvaluationReader&) = delete;
  EvaluationReader& operator=(const EvaluationReader&) = delete;

  // Calls `sink` for each evaluation in the file, in order. `sink` may keep a
  // copy; the Evaluation it is given is overwritten by the next one. Stops at
  // the first error from reading or from `sink`. The path "-" reads standard
  // input (format/file_bytes.h), as JSON Lines when it looks so.
  using Sink = std::function<Status(core::Evaluation& evaluation, size_t line)>;
  Status read_file(const std::string& path, const Sink& sink);

  // As read_file, for bytes in memory. `json_lines` selects the format;
  // `first_line` numbers the first line of `text` (a part of a larger file).
  Status read_text(std::string_view text, std::string_view origin, bool json_lines,
                   const Sink& sink, size_t first_line = 1);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One evaluation from JSON text (for tests and small inputs).
Result<core::Evaluation> parse_evaluation(std::string_view json, std::string_view origin = "输入");

// Whether `path` names a JSON Lines file.
bool is_json_lines_path(std::string_view path);

// Whether `text` without a name (standard input) is JSON Lines: its first
// non-blank line holds a whole object ("{…}"). A pretty-printed evaluation
// starts with "{" alone on its line; one evaluation on one line reads the same
// either way.
bool looks_like_json_lines(std::string_view text);

}  // namespace jixiao::format
