#include "app/evaluation_source.h"

namespace jixiao::app {

Status EvaluationFiles::read(const std::string& path, const Sink& sink) {
  if (office::is_workbook_path(path)) {
    return workbook_.read_file(path, [&](office::ImportedEvaluation& imported, size_t number) {
      current_.evaluation = std::move(imported.evaluation);
      current_.source = std::move(imported.source);
      current_.text = std::move(imported.text);
      current_.origin = number ? path + ":" + std::to_string(number) : path;
      return sink(current_);
    });
  }
  return json_.read_file(path, [&](core::Evaluation& e, size_t line) {
    current_.evaluation = e;
    current_.source = office::SourceMap();
    current_.text = office::TableText();
    current_.origin = line ? path + ":" + std::to_string(line) : path;
    return sink(current_);
  });
}

Result<SourcedEvaluation> EvaluationFiles::read_first(const std::string& path) {
  std::optional<SourcedEvaluation> first;
  // Stop after the first one with a sentinel error that is not reported.
  static const std::string kEnough = "\x01enough";
  Status s = read(path, [&](SourcedEvaluation& e) {
    first = std::move(e);
    return Status::error(kEnough);
  });
  if (!s.ok() && s.message() != kEnough) return s;
  if (!first) return Status::error("文件 " + path + "：没有评价");
  return std::move(*first);
}

}  // namespace jixiao::app
