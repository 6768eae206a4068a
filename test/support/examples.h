// The example evaluations, the default rule set and indicator rows, for tests
// of any suite.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "core/model.h"
#include "core/rule_set.h"
#include "format/evaluation_reader.h"
#include "format/rule_set_json.h"

namespace jixiao::test {

// The first evaluation of examples/NAME.
inline core::Evaluation example(const std::string& name) {
  format::EvaluationReader reader;
  core::Evaluation out;
  Status s = reader.read_file(std::string(JIXIAO_SOURCE_DIR) + "/examples/" + name,
                              [&](core::Evaluation& e, size_t) {
                                out = e;
                                return Status();
                              });
  EXPECT_TRUE(s.ok()) << s.message();
  return out;
}

// The default rule set, national-2020, loaded once.
inline const core::RuleSet& national() {
  static const core::RuleSet rules = [] {
    auto loaded = format::load_rule_set("national-2020");
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return loaded.ok() ? *loaded : core::RuleSet{};
  }();
  return rules;
}

// A row with its name, weight, and target and actual as written, read as the
// evaluation reader reads them.
inline core::Indicator indicator_row(std::string name, double weight, std::string target = "",
                                     std::string actual = "") {
  core::Indicator n;
  n.name = std::move(name);
  n.weight = weight;
  n.target_text = std::move(target);
  n.actual_text = std::move(actual);
  n.target = core::parse_target(n.target_text);
  n.actual = core::parse_value(n.actual_text);
  return n;
}

}  // namespace jixiao::test
