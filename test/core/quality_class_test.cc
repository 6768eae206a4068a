#include "core/quality_class.h"

#include <gtest/gtest.h>

#include "core/text.h"

namespace jixiao::core {
namespace {

struct ClassRow {
  const char* written;
  int number;  // 0: not a class
  bool or_better;
  bool strictly_better;
};

class QualityClassForms : public testing::TestWithParam<ClassRow> {};

TEST_P(QualityClassForms, Reads) {
  const ClassRow& row = GetParam();
  const std::optional<QualityClass> c = read_quality_class(text::normalize(row.written));
  if (row.number == 0) {
    EXPECT_FALSE(c.has_value()) << row.written;
    return;
  }
  ASSERT_TRUE(c.has_value()) << row.written;
  EXPECT_EQ(c->number, row.number) << row.written;
  EXPECT_EQ(c->or_better, row.or_better) << row.written;
  EXPECT_EQ(c->strictly_better, row.strictly_better) << row.written;
}

INSTANTIATE_TEST_SUITE_P(
    Written, QualityClassForms,
    testing::Values(
        ClassRow{"Ⅲ类", 3, false, false}, ClassRow{"III类", 3, false, false},
        ClassRow{"II类", 2, false, false}, ClassRow{"IV类", 4, false, false},
        ClassRow{"劣Ⅴ类", 6, false, false}, ClassRow{"Ⅲ类及以上", 3, true, false},
        ClassRow{"Ⅲ类（含）以上", 3, true, false}, ClassRow{"达到Ⅲ类标准", 3, false, false},
        ClassRow{"地表水Ⅱ类水质", 2, false, false}, ClassRow{"水质达到Ⅲ类标准以上", 3, true, false},
        ClassRow{"不低于Ⅲ类", 3, true, false}, ClassRow{"优于Ⅲ类", 3, false, true},
        // Not one class: a negation, two classes, a kind counted,
        // 劣 before another class, words that say more.
        ClassRow{"未达到Ⅲ类", 0, false, false}, ClassRow{"Ⅱ-Ⅲ类", 0, false, false},
        ClassRow{"三类", 0, false, false}, ClassRow{"劣Ⅳ类", 0, false, false},
        ClassRow{"消除劣Ⅴ类", 0, false, false}, ClassRow{"优于Ⅲ类以上", 0, false, false},
        ClassRow{"Ⅲ", 0, false, false}, ClassRow{"I类资质证书", 0, false, false}));

std::optional<bool> met(const char* target, const char* actual) {
  return quality_class_met(parse_value(target), parse_value(actual));
}

TEST(QualityClass, AClassAtLeastAsGoodAsAskedMeetsIt) {
  EXPECT_EQ(met("Ⅲ类及以上", "Ⅱ类"), true);
  EXPECT_EQ(met("达到Ⅲ类标准", "Ⅲ类水质"), true);
  EXPECT_EQ(met("Ⅲ类", "Ⅱ类"), true);  // a class alone asks for it or better
  EXPECT_EQ(met("Ⅲ类以上", "Ⅳ类"), false);
  EXPECT_EQ(met("Ⅲ类", "劣Ⅴ类"), false);
  EXPECT_EQ(met("优于Ⅲ类", "Ⅲ类"), false);
  EXPECT_EQ(met("优于Ⅲ类", "Ⅱ类"), true);
}

TEST(QualityClass, ABoundAsTheActualMeetsOnlyWhatItGuarantees) {
  EXPECT_EQ(met("Ⅲ类", "Ⅲ类以上"), true);
  EXPECT_EQ(met("Ⅱ类", "Ⅲ类以上"), std::nullopt);  // perhaps Ⅱ, perhaps Ⅲ
  EXPECT_EQ(met("Ⅲ类", "优于Ⅳ类"), std::nullopt);
}

TEST(QualityClass, OtherCellsAreNotClasses) {
  EXPECT_EQ(met("Ⅲ类", "良好"), std::nullopt);
  EXPECT_EQ(met("≥90%", "Ⅱ类"), std::nullopt);
  EXPECT_EQ(met("Ⅲ类", "未达到Ⅲ类"), std::nullopt);
}

}  // namespace
}  // namespace jixiao::core
