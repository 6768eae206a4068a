// Finding the rule set an evaluation is scored with: the year's own rule set
// of that name (rule_sets table), else a built-in one, else a rule set file
// (a path relative to the evaluation file, as `jixiao score` reads it).
// Loaded once per resolver and cached. Not thread-safe.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/rule_set.h"
#include "storage/database.h"

namespace jixiao::app {

class RuleSetResolver {
 public:
  explicit RuleSetResolver(storage::Connection& connection) : connection_(connection) {}

  // `name` empty means the default (national-2020). The pointer lives as long
  // as the resolver. The error names the rule set.
  Result<const core::RuleSet*> get(int year, std::string_view name, std::string_view relative_to);

 private:
  storage::Connection& connection_;
  std::map<std::string, std::unique_ptr<core::RuleSet>> cache_;
};

}  // namespace jixiao::app
