// Reading evaluation files: what is accepted, and how a bad file is named.
#include "format/evaluation_reader.h"

#include <gtest/gtest.h>

#include <vector>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "core/decimal.h"

#include "test/support/file_text.h"
#include "test/support/temp_path.h"

namespace jixiao::format {
namespace {

std::string error_of(std::string_view json) {
  Result<core::Evaluation> r = parse_evaluation(json, "a.json");
  return r.ok() ? "" : r.status().message();
}

TEST(EvaluationReader, ReadsTheExample) {
  Result<core::Evaluation> r = parse_evaluation(test::source_file("examples/report-002.json"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  const core::Evaluation& e = *r;
  EXPECT_EQ(e.title, "2024年朝阳区高新技术产业发展引导资金项目");
  EXPECT_EQ(e.year, 2024);
  EXPECT_EQ(e.kind, core::EvaluationKind::self);
  ASSERT_TRUE(e.budget.has_value());
  EXPECT_DOUBLE_EQ(*e.budget->adjusted, 11559.274);
  EXPECT_EQ(e.indicators.size(), 18u);  // 4 level-1, 7 level-2, 7 leaves
  EXPECT_EQ(e.indicators[0].name, "产出指标");
  EXPECT_EQ(e.indicators[2].level, 3);
  EXPECT_EQ(e.indicators[2].parent, 1);
  EXPECT_EQ(e.indicators[2].target.kind, core::ValueKind::number);
  ASSERT_TRUE(e.stated_total.has_value());
  EXPECT_EQ(e.stated_total->decimals, 2);
}

TEST(EvaluationReader, NumbersMayComeAsStrings) {
  Result<core::Evaluation> r = parse_evaluation(R"({"title":"t","year":"2023",
    "budget":{"adjusted":"4,800,000元","executed":"240万元","stated_score":"5.00"},
    "indicators":[{"name":"a","weight":"15分","stated_score":"14.55","target":100,"actual":97}]})");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->year, 2023);
  EXPECT_DOUBLE_EQ(*r->budget->adjusted, 480);
  EXPECT_DOUBLE_EQ(*r->budget->executed, 240);
  EXPECT_EQ(r->budget->stated_score->decimals, 2);
  EXPECT_EQ(*r->indicators[0].weight, 15);
  EXPECT_EQ(r->indicators[0].target_text, "100");
  EXPECT_EQ(r->indicators[0].actual.number, 97);
}

// A stated score written "满分" is the weight, whichever key comes first; with
// no weight the field is named.
TEST(EvaluationReader, FullMarksInWordsAreTheWeight) {
  Result<core::Evaluation> r = parse_evaluation(R"({"title":"t","year":2023,
    "budget":{"adjusted":100,"executed":90,"stated_score":"满分","weight":10},
    "indicators":[{"name":"a","stated_score":" 满分 ","weight":7.5,"target":100,"actual":97}]})");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->budget->stated_score->value, 10);
  EXPECT_EQ(r->budget->stated_score->decimals, 0);
  EXPECT_EQ(r->indicators[0].stated_score->value, 7.5);
  EXPECT_EQ(r->indicators[0].stated_score->decimals, 1);
  for (const char* json :
       {R"({"title":"t","year":2023,"indicators":[{"name":"a","stated_score":"满分"}]})",
        R"({"title":"t","year":2023,"budget":{"adjusted":1,"stated_score":"满分"},
            "indicators":[{"name":"a","weight":10}]})"}) {
    Result<core::Evaluation> bad = parse_evaluation(json);
    ASSERT_FALSE(bad.ok()) << json;
    EXPECT_NE(bad.status().message().find("stated_score 写为「满分」，但没有分值"),
              std::string::npos)
        << bad.status().message();
  }
}

// Money written with a magnitude but no 元 ("100万", "1亿") is that many 元,
// in a budget of any unit: not 100万 of the budget's 万元.
TEST(EvaluationReader, AmountsWithAMagnitudeAreYuan) {
  for (const char* unit : {"万元", "元"}) {
    SCOPED_TRACE(unit);
    Result<core::Evaluation> r =
        parse_evaluation(std::string(R"({"title":"t","budget":{"unit":")") + unit +
                         R"(","initial":"1亿","adjusted":"100万",
      "executed":"1.5万","received":"60万元","sources":[{"source":"fiscal","executed":"2千万"}]},
      "indicators":[]})");
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_DOUBLE_EQ(*r->budget->initial, 10000);
    EXPECT_DOUBLE_EQ(*r->budget->adjusted, 100);
    EXPECT_DOUBLE_EQ(*r->budget->executed, 1.5);
    EXPECT_DOUBLE_EQ(*r->budget->received, 60);
    EXPECT_DOUBLE_EQ(*r->budget->sources[0].executed, 2000);
  }
  // A bare number is in the budget's unit; a unit that is not money is refused.
  Result<core::Evaluation> r = parse_evaluation(
      R"({"title":"t","budget":{"unit":"元","adjusted":"1000000"},"indicators":[]})");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_DOUBLE_EQ(*r->budget->adjusted, 100);
  r = parse_evaluation(R"({"title":"t","budget":{"adjusted":"100万人"},"indicators":[]})");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("budget.adjusted"), std::string::npos)
      << r.status().message();
}

// Numbers beyond 10^15 are refused by field, as numbers and as text: they
// would print as hundreds of digits and add up to infinity.
TEST(EvaluationReader, NumbersBeyondTheLimitAreRefused) {
  const std::string limit = "数值超出范围（绝对值不能超过10的15次方）";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"("indicators":[{"name":"a","weight":1e300}])", "indicators[0].weight"},
      {R"("indicators":[{"name":"a","stated_score":"-2000000000000000"}])",
       "indicators[0].stated_score"},
      {R"("indicators":[],"stated_total":1e16)", "stated_total"},
      {R"("indicators":[],"budget":{"initial":"1000000000000000000万元"})", "budget.initial"},
  };
  for (const auto& [fields, where] : cases) {
    SCOPED_TRACE(fields);
    Result<core::Evaluation> r = parse_evaluation(R"({"title":"t",)" + fields + "}");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.status().message().find(where + " " + limit), std::string::npos)
        << r.status().message();
  }
  Result<core::Evaluation> r =
      parse_evaluation(R"({"title":"t","indicators":[{"name":"a","weight":1e15}]})");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(*r->indicators[0].weight, 1e15);
}

// JSON must be UTF-8: a file in UTF-16 or GBK is refused with what it is and
// what to do, not "未转义的控制字符".
TEST(EvaluationReader, OtherEncodingsAreNamed) {
  const std::string json = R"({"title":"项目","indicators":[]})";
  Result<core::Evaluation> r = parse_evaluation(std::string_view("\xFF\xFE{\0\"\0", 6), "a.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "文件 a.json：是 UTF-16 编码（记事本所说的“Unicode”），请另存为 UTF-8 编码");
  // "项目" in GBK.
  r = parse_evaluation("{\"title\":\"\xCF\xEE\xC4\xBF\",\"indicators\":[]}", "a.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            "文件 a.json：不是有效的 UTF-8 编码：看来是 GBK（GB18030）编码，请在编辑器中另存为 "
            "UTF-8 编码");
  ASSERT_TRUE(parse_evaluation(json).ok());
}

// A report or a workbook given by mistake is named for what it is, with the
// command that reads it, not reported as broken JSON.
TEST(EvaluationReader, ReportsAndOfficeFilesPointToTheirCommand) {
  const std::string report_message =
      "：是报告文档，不是评价文件；复核报告请用 jixiao audit（.docx 或导出的纯文本）";
  const std::string zip_message =
      "：是 Office 文档（zip 格式），不是 JSON 评价文件；Excel 自评表的文件名应以 .xlsx 结尾，Word "
      "报告请用 jixiao audit 复核";
  const std::vector<std::pair<std::string, std::string>> files = {
      {"报告.docx", std::string("PK\x03\x04rest", 8)},
      {"报告.PDF", "%PDF-1.6 ..."},
      {"renamed.json", "%PDF-1.6 ..."},
      {"renamed.json", std::string("PK\x03\x04rest", 8)},
  };
  for (size_t i = 0; i < files.size(); ++i) {
    const auto& [name, bytes] = files[i];
    const std::string path = jixiao::test::temp_path(std::to_string(i) + name);
    std::ofstream(path, std::ios::binary) << bytes;
    Status s =
        EvaluationReader().read_file(path, [](core::Evaluation&, size_t) { return Status(); });
    EXPECT_EQ(s.message(), "文件 " + path + (i == 3 ? zip_message : report_message)) << name;
  }
}

TEST(EvaluationReader, NumbersReadAsPrinted) {
  // JSON numbers of every shape: the value is the correctly rounded double
  // of what was printed (as strtod gives it), the decimals those printed.
  std::mt19937 rng(7);
  auto digits = [&](int n, bool leading_zero) {
    std::string d;
    for (int i = 0; i < n; ++i) {
      d += static_cast<char>('0' + rng() % 10);
      if (i == 0 && !leading_zero && d[0] == '0') d[0] = '1' + static_cast<char>(rng() % 9);
    }
    return d;
  };
  for (int i = 0; i < 3000; ++i) {
    std::string token = rng() % 8 == 0 ? "-" : "";
    token += rng() % 6 == 0 ? "0" : digits(1 + static_cast<int>(rng() % 18), false);
    if (rng() % 2 == 0) token += "." + digits(1 + static_cast<int>(rng() % 18), true);
    if (rng() % 10 == 0) token += "e" + std::to_string(static_cast<int>(rng() % 40) - 20);
    const std::string space = rng() % 4 == 0 ? " \n" : "";
    const std::string json = R"({"title":"t","stated_total":)" + token + space +
                             R"(,"indicators":[{"name":"a","weight":)" + token + space + "}]}";
    Result<core::Evaluation> r = parse_evaluation(json);
    const double expected = std::strtod(token.c_str(), nullptr);
    if (std::fabs(expected) > core::kLargestNumber) {  // beyond the limit of every number field
      ASSERT_FALSE(r.ok()) << token;
      EXPECT_NE(r.status().message().find("超出范围"), std::string::npos) << token;
      continue;
    }
    if (expected < 0) {  // weights may not be negative
      ASSERT_FALSE(r.ok()) << token;
      continue;
    }
    ASSERT_TRUE(r.ok()) << token << ": " << r.status().message();
    ASSERT_TRUE(r->stated_total.has_value()) << token;
    EXPECT_EQ(r->stated_total->value, expected) << token;
    EXPECT_EQ(std::signbit(r->stated_total->value), std::signbit(expected)) << token;
    EXPECT_EQ(r->stated_total->decimals, core::decimals_of(token)) << token;
    EXPECT_EQ(*r->indicators[0].weight, expected) << token;
  }
  // What JSON does not allow is reported as before, naming the field.
  for (const char* token : {"01", "1.", "00.5", "1.5.5", "1e", "12abc", "1e400"}) {
    EXPECT_EQ(error_of(std::string(R"({"title":"t","stated_total":)") + token + "}"),
              "文件 a.json：数字格式错误（字段 stated_total 附近）")
        << token;
  }
}

TEST(EvaluationReader, TextsReadWithAndWithoutEscapes) {
  const std::string long_text(300, 'x');
  struct Case {
    std::string json;  // the JSON string, quotes included
    std::string text;  // what it reads as
  };
  const Case cases[] = {
      {R"("a")", "a"},
      {R"("")", ""},
      {R"("\"")", "\""},
      {R"("a\\b")", "a\\b"},
      {R"("\u4e2d文")", "中文"},
      {R"("≥90%\n")", "≥90%\n"},
      {"\"" + long_text + "\"", long_text},
      {"\"" + long_text + "\\t\"", long_text + "\t"},
      {R"("0123456789abcde\"")", "0123456789abcde\""},
      {R"("0123456789abcdef\/")", "0123456789abcdef/"},
  };
  for (const Case& c : cases) {
    Result<core::Evaluation> r =
        parse_evaluation(R"({"title":"t","unit":)" + c.json +
                         R"(,"indicators":[{"name":"n","target":)" + c.json + "}]}");
    ASSERT_TRUE(r.ok()) << c.json << ": " << r.status().message();
    EXPECT_EQ(r->unit, c.text) << c.json;
    EXPECT_EQ(r->indicators[0].target_text, c.text) << c.json;
  }
  EXPECT_NE(error_of(R"({"title":"t","unit":"\x"})"), "");
}

// Years and enumerations as tables write them: "2024年度", 自评, 项目.
TEST(EvaluationReader, YearsAndKindsAsTablesWriteThem) {
  for (const char* year :
       {R"(2024)", R"("2024")", R"("2024年")", R"("2024年度")", R"(" 2024年 ")"}) {
    Result<core::Evaluation> r =
        parse_evaluation(std::string(R"({"title":"t","indicators":[],"year":)") + year +
                         R"(,"kind":"自评","scope":"项目"})");
    ASSERT_TRUE(r.ok()) << year << ": " << r.status().message();
    EXPECT_EQ(r->year, 2024) << year;
    EXPECT_EQ(r->kind, core::EvaluationKind::self);
    EXPECT_EQ(r->scope, core::Scope::project);
  }
}

TEST(EvaluationReader, AnExpertMayRecuse) {
  Result<core::Evaluation> r =
      parse_evaluation(R"({"title":"t","experts":["甲","乙","丙","丁","戊"],"indicators":[)"
                       R"({"name":"a","weight":10,"expert_scores":[8,null,"/","回避","9.5"]}]})");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const std::vector<std::optional<double>> want = {8, std::nullopt, std::nullopt, std::nullopt,
                                                   9.5};
  EXPECT_EQ(r->indicators[0].expert_scores, want);
  const Result<core::Evaluation> bad = parse_evaluation(
      R"({"title":"t","indicators":[{"name":"a","weight":10,"expert_scores":[8,"缺席"]}]})");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("indicators[0].expert_scores[1]"), std::string::npos)
      << bad.status().message();
  // An empty score was left out, not recused: an error, as in the expert sheet.
  const Result<core::Evaluation> empty = parse_evaluation(
      R"({"title":"t","indicators":[{"name":"a","weight":10,"expert_scores":[8," "]}]})");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("expert_scores[1]"), std::string::npos)
      << empty.status().message();
  EXPECT_NE(empty.status().message().find("缺少专家评分"), std::string::npos);
}

TEST(EvaluationReader, BudgetUnitMayComeAfterTheAmounts) {
  Result<core::Evaluation> r = parse_evaluation(
      R"({"title":"t","indicators":[],"budget":{"adjusted":4800000,"executed":2400000,"unit":"元"}})");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_DOUBLE_EQ(*r->budget->adjusted, 480);
}

TEST(EvaluationReader, ErrorsNameTheField) {
  EXPECT_EQ(
      error_of(
          R"({"title":"t","indicators":[{"name":"a","children":[{"name":"b","weight":"abc"}]}]})"),
      "文件 a.json：字段 indicators[0].children[0].weight 应为数字，实际为「abc」");
  EXPECT_EQ(
      error_of(R"({"title":"t","indicators":[],"kind":"selfish"})"),
      "文件 a.json：字段 kind 应为 self（单位自评）、department（部门评价）、finance（财政评价）或 "
      "third_party（第三方评价），实际为「selfish」");
  EXPECT_EQ(
      error_of(R"({"title":"t","indicators":[],"scope":"整体"})"),
      "文件 a.json：字段 scope 应为 project（项目支出）或 department_overall（部门整体支出），"
      "实际为「整体」");
  EXPECT_EQ(error_of(R"({"title":"t","indicators":[{"name":"a","kind":"higher"}]})"),
            "文件 a.json：字段 indicators[0].kind 不是可用的计分方式「higher」（可用：" +
                core::settable_scoring_kinds_text() + "）");
  EXPECT_NE(core::settable_scoring_kinds_text().find("higher_is_better（正向指标）"),
            std::string::npos);
  EXPECT_EQ(error_of(R"({"title":"t","indicators":[],"year":"二〇二四年"})"),
            "文件 a.json：字段 year 应为年份（如 2024），实际为「二〇二四」");
  EXPECT_EQ(error_of(R"({"title":"t","indicators":[{"name":"a","wieght":5}]})"),
            "文件 a.json：字段 indicators[0].wieght 是未知字段（字段名见 docs/format.md）");
  EXPECT_EQ(error_of(R"({"indicators":[]})"), "文件 a.json：缺少字段 title（评价对象名称）");
  EXPECT_EQ(error_of(R"({"title":"t"})"), "文件 a.json：缺少字段 indicators（指标列表）");
  EXPECT_EQ(error_of(R"({"title":"t","indicators":[{"weight":5}]})"),
            "文件 a.json：字段 indicators[0].name 不能为空（指标名称）");
  EXPECT_EQ(error_of(R"({"title":"t","indicators":[],"year":20})"),
            "文件 a.json：字段 year 应为年份（如 2024）");
  EXPECT_EQ(error_of(R"({"title":"t","indicators":[],"budget":{"executed":"240家"}})"),
            "文件 a.json：字段 budget.executed 金额单位应为元、万元或亿元");
  EXPECT_EQ(error_of(R"({"title":"t","indicators":[{"name":"a","weight":-1}]})"),
            "文件 a.json：字段 indicators[0].weight 分值不能为负数");
  EXPECT_EQ(error_of(R"([1,2])"), "文件 a.json：内容应为一个评价对象（以 { 开头）");
  EXPECT_EQ(error_of(""), "文件 a.json：文件为空");
}

TEST(EvaluationReader, MalformedJsonIsAnError) {
  EXPECT_NE(error_of(R"({"title":"t","indicators":[)"), "");
  EXPECT_NE(error_of(R"({"title":"t","indicators":[]} {"title":"u"})"), "");
  EXPECT_NE(error_of("{\"title\":\"t\xff\",\"indicators\":[]}"), "");
  EXPECT_NE(error_of(R"({"title":"t","indicators":[],})"), "");
}

TEST(EvaluationReader, DeepTreesAreRefused) {
  std::string json = R"({"title":"t","indicators":)";
  for (int i = 0; i < 9; ++i) json += R"([{"name":"n","children":)";
  json += "[]";
  for (int i = 0; i < 9; ++i) json += "}]";
  json += "}";
  EXPECT_NE(error_of(json).find("超过 8 级"), std::string::npos) << error_of(json);
}

TEST(EvaluationReader, JsonLinesNameTheLine) {
  EvaluationReader reader;
  std::vector<std::string> titles;
  const std::string text =
      "{\"title\":\"一\",\"indicators\":[]}\n\n{\"title\":\"二\",\"indicators\":[]}\n"
      "{\"title\":\"三\",\"indicators\":[{\"name\":\"x\",\"weight\":\"?\"}]}\n";
  Status s = reader.read_text(text, "b.jsonl", true, [&](core::Evaluation& e, size_t) {
    titles.push_back(e.title);
    return Status();
  });
  EXPECT_EQ(titles, (std::vector<std::string>{"一", "二"}));
  EXPECT_EQ(s.message(), "文件 b.jsonl 第 4 行：字段 indicators[0].weight 应为数字，实际为「?」");
}

// Large files are mapped; a document that ends at the very end of the
// mapping (a file whose size is a whole number of pages) must still parse.
TEST(EvaluationReader, MappedFilesEndingOnAPageBoundary) {
  const std::string line =
      R"({"title":"项目","indicators":[{"name":"甲","weight":100,"target":"≥100家","actual":"97家"}]})";
  for (const size_t pages : {size_t{300}, size_t{301}}) {  // more than the 1 MiB mapping floor
    const size_t size = pages * 4096;
    std::string text;
    size_t lines = 0;
    while (text.size() + line.size() + 1 <= size) {
      text += line + "\n";
      ++lines;
    }
    // The last document ends exactly at the end of the file: pad before it.
    const std::string last = line;
    text.resize(text.size() - line.size() - 1);
    text += std::string(size - text.size() - last.size(), ' ');
    text += last;
    ASSERT_EQ(text.size(), size);
    const std::string path = jixiao::test::temp_path("mapped_" + std::to_string(pages) + ".jsonl");
    std::ofstream(path, std::ios::binary) << text;
    EvaluationReader reader;
    size_t seen = 0;
    double weights = 0;
    const Status s = reader.read_file(path, [&](core::Evaluation& e, size_t) {
      ++seen;
      weights += e.indicators.at(0).weight.value_or(0);
      return Status();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    EXPECT_EQ(seen, lines);
    EXPECT_EQ(weights, 100.0 * static_cast<double>(lines));
    std::filesystem::remove(path);
  }
}

TEST(EvaluationReader, ReusedStorageDoesNotLeakBetweenEvaluations) {
  EvaluationReader reader;
  std::vector<core::Evaluation> seen;
  const std::string text =
      R"({"title":"a","stated_total":90,"budget":{"adjusted":1},"indicators":[{"name":"x","weight":5,"note":"n","children":[{"name":"y","target":"≥1家"}]}]})"
      "\n"
      R"({"title":"b","indicators":[{"name":"z"}]})";
  ASSERT_TRUE(reader
                  .read_text(text, "c.jsonl", true,
                             [&](core::Evaluation& e, size_t) {
                               seen.push_back(e);
                               return Status();
                             })
                  .ok());
  ASSERT_EQ(seen.size(), 2u);
  const core::Evaluation& b = seen[1];
  EXPECT_FALSE(b.stated_total.has_value());
  EXPECT_FALSE(b.budget.has_value());
  ASSERT_EQ(b.indicators.size(), 1u);
  EXPECT_EQ(b.indicators[0].name, "z");
  EXPECT_FALSE(b.indicators[0].weight.has_value());
  EXPECT_TRUE(b.indicators[0].note.empty());
  EXPECT_EQ(b.indicators[0].target.kind, core::ValueKind::empty);
}

// Mutations of a real file (bytes flipped, cut, duplicated) must give either an
// evaluation or an error message, never a crash (run under ASan in CI).
TEST(EvaluationReader, MutatedFilesNeverCrash) {
  const std::string base = test::source_file("examples/report-002.json");
  std::mt19937 rng(20261124);
  EvaluationReader reader;
  int errors = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string s = base;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < edits; ++k) {
      const size_t pos = rng() % s.size();
      switch (rng() % 4) {
        case 0:
          s[pos] = static_cast<char>(rng() % 256);
          break;
        case 1:
          s.erase(pos, 1 + rng() % 16);
          break;
        case 2:
          s.insert(pos, s.substr(rng() % s.size(), rng() % 32));
          break;
        case 3:
          s.resize(pos);
          break;
      }
      if (s.empty()) s = "{";
    }
    Status st = reader.read_text(s, "m.json", round % 2 == 0,
                                 [](core::Evaluation&, size_t) { return Status(); });
    if (!st.ok()) {
      ++errors;
      EXPECT_EQ(st.message().rfind("文件 m.json", 0), 0u) << st.message();
    }
  }
  EXPECT_GT(errors, 100);  // the mutations really do break files
}

// Windows editors save UTF-8 with a byte order mark first: it is not content.
TEST(EvaluationReader, SkipsAByteOrderMark) {
  const std::string bom = "\xEF\xBB\xBF";
  const std::string one = R"({"title":"甲","indicators":[]})";
  EvaluationReader reader;
  for (const bool json_lines : {false, true}) {
    std::vector<std::string> titles;
    const std::string text = bom + one + (json_lines ? "\n" + one + "\n" : "");
    const Status s = reader.read_text(text, "a", json_lines, [&](core::Evaluation& e, size_t) {
      titles.push_back(e.title);
      return Status();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    EXPECT_EQ(titles.size(), json_lines ? 2u : 1u);
  }
  EXPECT_TRUE(looks_like_json_lines(bom + one + "\n" + one));
  Status empty =
      reader.read_text(bom + "\n", "a", false, [](core::Evaluation&, size_t) { return Status(); });
  EXPECT_EQ(empty.message(), "文件 a：文件为空");
}

// Standard input has no name to tell JSON Lines from a JSON file by.
TEST(EvaluationReader, StandardInputIsJsonLinesWhenItsFirstLineIsAWholeObject) {
  struct Case {
    const char* text;
    bool json_lines;
  };
  for (const Case& c : {
           Case{"{\"title\":\"甲\"}\n{\"title\":\"乙\"}\n", true},
           Case{"\n  \r\n\t{\"title\":\"甲\"}  \r\n", true},  // blank lines and spaces first
           Case{"{}", true},
           Case{"{\n  \"title\": \"甲\"\n}\n", false},  // pretty-printed
           Case{"{\"title\": \"甲\",\n \"year\": 2024}", false},
           Case{"[{\"title\":\"甲\"}]", false},
           Case{"{", false},
           Case{"}", false},
           Case{"", false},
           Case{" \n \n", false},
       }) {
    EXPECT_EQ(looks_like_json_lines(c.text), c.json_lines) << c.text;
  }
}

}  // namespace
}  // namespace jixiao::format
