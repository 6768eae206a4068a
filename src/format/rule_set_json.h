// Rule sets as JSON (rules/*.json, docs/rules.md). The shipped sets are
// embedded in the binary; a file may extend one of them ("extends") and
// override only what differs, as JSON merge patch (RFC 7386).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/rule_set.h"
#include "core/status.h"

namespace jixiao::format {

// Names of the embedded rule sets, the default first.
std::vector<std::string> builtin_rule_set_names();
inline constexpr std::string_view kDefaultRuleSet = "national-2020";

// The JSON text of an embedded rule set, or empty.
std::string_view builtin_rule_set_json(std::string_view name);

// Reads a rule set from JSON text. `origin` names it in errors.
Result<core::RuleSet> rule_set_from_json(std::string_view json, std::string_view origin);

// An embedded rule set by name, or a file by path.
Result<core::RuleSet> load_rule_set(std::string_view name_or_path);

// The rule set as complete JSON (every field, "extends" resolved).
std::string rule_set_to_json(const core::RuleSet& rules);

}  // namespace jixiao::format
