// Finding the rule set an evaluation is scored with, loaded once and cached.
// One resolver for every command: `jixiao score` (files only), the imports
// and saves into a database, reports and templates.
//
// A rule set is named by an evaluation's `rule_set` field, by --rules, or by
// default (national-2020). A name is looked up, in order: the budget year's
// own rule set of that name (only with a database: the rule_sets table), a
// built-in rule set, a rule set file (relative to the evaluation file that
// names it, or to the working directory for --rules).
//
// Not thread-safe: one resolver per thread. Pointers live as long as the
// resolver.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/model.h"
#include "core/rule_set.h"
#include "core/status.h"
#include "storage/database.h"

namespace jixiao::app {

class RuleSets {
 public:
  // Built-in rule sets and files only.
  RuleSets() = default;
  // Also the budget years' own rule sets, read from `connection`.
  explicit RuleSets(storage::Connection& connection) : connection_(&connection) {}

  // The rule set `name` (empty: the default) for `year`; a relative file name
  // is read relative to the file `relative_to` names (empty: the working
  // directory). The error names the rule set.
  Result<const core::RuleSet*> get(int year, std::string_view name, std::string_view relative_to);

  // The rule set for `evaluation`, read from the file `path`: `forced` (the
  // --rules option) when not empty, else the evaluation's own, else the
  // default. An error with the evaluation's own names `origin` ("a.jsonl 第 3
  // 行", default: `path`) and the field.
  Result<const core::RuleSet*> for_evaluation(const std::string& forced,
                                              const core::Evaluation& evaluation,
                                              const std::string& path,
                                              const std::string& origin = "");

 private:
  storage::Connection* connection_ = nullptr;
  std::map<std::string, std::unique_ptr<core::RuleSet>> cache_;
};

}  // namespace jixiao::app
