// The rule-set resolver of `jixiao score` (no database): a rule set is loaded
// once for every file that names it the same way, and a file named relative
// to an evaluation is looked for in that evaluation's folder.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "app/rule_sets.h"
#include "format/rule_set_json.h"

namespace jixiao::test {
namespace {

namespace fs = std::filesystem;

TEST(RuleSets, ABuiltInRuleSetIsLoadedOnceForEveryFile) {
  app::RuleSets rule_sets;
  Result<const core::RuleSet*> a = rule_sets.get(2024, "", "/data/a.json");
  Result<const core::RuleSet*> b = rule_sets.get(2025, "national-2020", "/other/b.jsonl");
  Result<const core::RuleSet*> c = rule_sets.get(0, "", "");
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_EQ(*a, *b);
  EXPECT_EQ(*a, *c);
  Result<const core::RuleSet*> bureau = rule_sets.get(2024, "bureau-example", "/data/a.json");
  ASSERT_TRUE(bureau.ok());
  EXPECT_NE(*a, *bureau);
}

TEST(RuleSets, AFileNamedRelativelyIsLookedForBesideTheEvaluation) {
  const fs::path root =
      fs::temp_directory_path() / ("jixiao-rule-sets-" + std::to_string(::getpid()));
  fs::create_directories(root / "a");
  fs::create_directories(root / "b");
  // Two rule sets of the same file name, differing in their top grade's bound.
  std::string json(format::builtin_rule_set_json("national-2020"));
  std::ofstream(root / "a" / "bureau.json") << json;
  const size_t at = json.find("\"min\": 90");
  ASSERT_NE(at, std::string::npos);
  json.replace(at, 9, "\"min\": 85");
  std::ofstream(root / "b" / "bureau.json") << json;

  app::RuleSets rule_sets;
  Result<const core::RuleSet*> a1 =
      rule_sets.get(2024, "bureau.json", (root / "a" / "1.json").string());
  Result<const core::RuleSet*> a2 =
      rule_sets.get(2024, "bureau.json", (root / "a" / "2.json").string());
  Result<const core::RuleSet*> b1 =
      rule_sets.get(2024, "bureau.json", (root / "b" / "1.json").string());
  fs::remove_all(root);
  ASSERT_TRUE(a1.ok()) << a1.status().message();
  ASSERT_TRUE(a2.ok() && b1.ok());
  EXPECT_EQ(*a1, *a2) << "one folder, one rule set";
  EXPECT_NE(*a1, *b1);
  EXPECT_EQ((*a1)->grades.front().min, 90);
  EXPECT_EQ((*b1)->grades.front().min, 85);
}

}  // namespace
}  // namespace jixiao::test
