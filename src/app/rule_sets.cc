#include "app/rule_sets.h"

#include <filesystem>

#include "format/rule_set_json.h"
#include "storage/years.h"

namespace jixiao::app {

Result<const core::RuleSet*> RuleSets::get(int year, std::string_view name,
                                           std::string_view relative_to) {
  const std::string wanted(name.empty() ? format::kDefaultRuleSet : name);
  const bool builtin = !format::builtin_rule_set_json(wanted).empty();
  const bool relative_file =
      !builtin && !relative_to.empty() && !std::filesystem::path(wanted).is_absolute();
  const std::string folder =
      relative_file ? std::filesystem::path(relative_to).parent_path().string() : "";
  // What the name resolves to depends on the year only with a database, and on
  // the file that names it only through its folder: files scored one after
  // another share the rule set loaded once (before, each file loaded its own).
  const std::string key =
      (connection_ != nullptr ? std::to_string(year) : "") + "/" + wanted + "/" + folder;
  auto it = cache_.find(key);
  if (it != cache_.end()) return static_cast<const core::RuleSet*>(it->second.get());

  std::optional<storage::RuleSetRecord> stored;
  if (connection_ != nullptr && year != 0) {
    Result<std::optional<storage::RuleSetRecord>> found =
        storage::find_rule_set(*connection_, year, wanted);
    if (!found.ok()) return found.status();
    stored = std::move(*found);
  }
  Result<core::RuleSet> loaded = Status::error("");
  if (stored) {
    loaded = format::rule_set_from_json(stored->definition,
                                        std::to_string(year) + " 年度规则集「" + wanted + "」");
  } else if (!relative_file) {
    loaded = format::load_rule_set(wanted);
  } else {
    loaded = format::load_rule_set((std::filesystem::path(folder) / wanted).string());
  }
  if (!loaded.ok()) return loaded.status();
  auto owned = std::make_unique<core::RuleSet>(std::move(*loaded));
  const core::RuleSet* ptr = owned.get();
  cache_.emplace(key, std::move(owned));
  return ptr;
}

Result<const core::RuleSet*> RuleSets::for_evaluation(const std::string& forced,
                                                      const core::Evaluation& evaluation,
                                                      const std::string& path,
                                                      const std::string& origin) {
  if (!forced.empty()) return get(evaluation.year, forced, "");
  Result<const core::RuleSet*> rules = get(evaluation.year, evaluation.rule_set, path);
  if (!rules.ok() && !evaluation.rule_set.empty()) {
    return rules.status().within("文件 " + (origin.empty() ? path : origin) + "：字段 rule_set：");
  }
  return rules;
}

}  // namespace jixiao::app
