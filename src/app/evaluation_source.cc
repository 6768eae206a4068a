#include "app/evaluation_source.h"

#include <filesystem>

#include "format/rule_set_json.h"

namespace jixiao::app {

Status EvaluationSource::read(const std::string& path, const Sink& sink) {
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

Result<SourcedEvaluation> EvaluationSource::read_first(const std::string& path) {
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

Result<const core::RuleSet*> RuleSets::get(const std::string& forced,
                                           const core::Evaluation& evaluation,
                                           const std::string& path) {
  std::string key = !forced.empty()                ? forced
                    : !evaluation.rule_set.empty() ? evaluation.rule_set
                                                   : std::string(format::kDefaultRuleSet);
  const bool relative_to_file = forced.empty() && !evaluation.rule_set.empty();
  if (format::builtin_rule_set_json(key).empty() && relative_to_file &&
      std::filesystem::path(key).is_relative()) {
    key = (std::filesystem::path(path).parent_path() / key).string();
  }
  for (const auto& [name, rules] : cache_) {
    if (name == key) return rules.get();
  }
  Result<core::RuleSet> loaded = format::load_rule_set(key);
  if (!loaded.ok()) {
    if (relative_to_file) return loaded.status().within("文件 " + path + "：字段 rule_set：");
    return loaded.status();
  }
  cache_.emplace_back(key, std::make_unique<core::RuleSet>(std::move(*loaded)));
  return cache_.back().second.get();
}

}  // namespace jixiao::app
