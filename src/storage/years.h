// Budget years and what each year owns: rule sets, frameworks (template
// indicator trees) and the indicator library. Data belongs to a year; a new
// year starts from a copy of the previous year's rule sets, frameworks and
// library (copy_year_forward).
//
// Contract: functions run inside the caller's transaction and never commit.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.h"

namespace jixiao::storage {

// Records `year` as open (no-op when it is).
Status ensure_year(Connection& c, int year, std::string_view now);
Result<std::vector<int>> list_years(Connection& c);

struct RuleSetRecord {
  int64_t id = 0;
  int year = 0;
  std::string name;
  std::string title;
  std::string definition;  // JSON
  int64_t version = 1;
};

struct LibraryIndicatorRecord {
  int64_t id = 0;
  int year = 0;
  std::string code;
  std::string name;
  std::string category;  // 产出指标/数量指标
  std::string kind;      // scoring kind code
  std::string unit;
  std::string target_example;
  std::string description;
  int64_t version = 1;
};

struct FrameworkNode {
  int position = 0;
  std::optional<int> parent;
  int level = 1;
  std::string name;
  std::optional<double> weight;
  std::string kind = "automatic";
  std::string library_code;
};

struct FrameworkRecord {
  int64_t id = 0;
  int year = 0;
  std::string code;
  std::string name;
  std::string scope = "project";
  std::string kind = "self";
  std::string rule_set;
  int64_t version = 1;
  std::vector<FrameworkNode> nodes;  // pre-order
};

Result<int64_t> insert_rule_set(Connection& c, const RuleSetRecord& r, std::string_view now);
Result<std::optional<RuleSetRecord>> find_rule_set(Connection& c, int year, std::string_view name);
Result<std::vector<RuleSetRecord>> list_rule_sets(Connection& c, int year);

Result<int64_t> insert_library_indicator(Connection& c, const LibraryIndicatorRecord& r,
                                         std::string_view now);
Result<std::vector<LibraryIndicatorRecord>> list_library(Connection& c, int year);

Result<int64_t> insert_framework(Connection& c, const FrameworkRecord& f, std::string_view now);
Result<std::vector<FrameworkRecord>> list_frameworks(Connection& c, int year);

// One record created by a copy.
struct CopiedRecord {
  std::string record_type;  // rule_sets, frameworks, library_indicators
  int64_t id = 0;           // the new record
  int64_t from_id = 0;      // the record it was copied from
  std::string key;          // its name or code
};

// Copies the rule sets, frameworks (with their trees) and library entries of
// `from` into `to` that `to` does not have yet (by name or code), and records
// `to` as copied from `from`. Running it again copies nothing more.
Result<std::vector<CopiedRecord>> copy_year_forward(Connection& c, int from, int to,
                                                    std::string_view now);

}  // namespace jixiao::storage
