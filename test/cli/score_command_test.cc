// The `jixiao score` command as a user runs it: exit codes, messages, output.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "test/support/examples.h"
#include "test/support/file_text.h"
#include "test/support/process.h"
#include "test/support/temp_path.h"

namespace {

using jixiao::test::CommandRun;

CommandRun run(const std::string& args, const std::string& env = "") {
  return jixiao::test::jixiao_line(args, env);
}

std::vector<nlohmann::json> lines(const std::string& out) {
  std::vector<nlohmann::json> docs;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) docs.push_back(nlohmann::json::parse(line));
  }
  return docs;
}

std::string write_temp(const std::string& name, const std::string& content) {
  const std::string path = jixiao::test::temp_path(name);
  std::ofstream(path) << content;
  return path;
}

TEST(ScoreCommand, ReproducesThePublishedTotals) {
  const CommandRun r =
      run("score --json examples/report-000.json examples/report-002.json "
          "examples/report-004.json examples/department-overall.json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto docs = lines(r.out);
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_EQ(docs[0]["total"], 91.5);
  EXPECT_EQ(docs[0]["grade"], "优");
  EXPECT_EQ(docs[1]["total"], 99.55);
  EXPECT_EQ(docs[1]["grade"], "优");
  EXPECT_EQ(docs[2]["total"], 80.16);
  EXPECT_EQ(docs[2]["grade"], "良");
  EXPECT_EQ(docs[3]["total"], 94.07);
  // The shape users rely on.
  const auto& d = docs[1];
  EXPECT_EQ(d["execution"]["rate"], 1.0);
  EXPECT_EQ(d["execution"]["score"], 10);
  EXPECT_EQ(d["categories"][0]["name"], "产出指标");
  EXPECT_EQ(d["categories"][0]["score"], 39.55);
  EXPECT_EQ(d["categories"][0]["score_rate"], 0.98875);  // 39.55/40
  // A quotient prints at six decimals, not with its binary noise (57.58/60).
  EXPECT_EQ(docs[0]["categories"][0]["score_rate"], 0.959667);
  EXPECT_EQ(d["indicators"][0]["explanation"], "97/100×15=14.55");
  EXPECT_EQ(d["indicators"][0]["stated_score"], 14.55);
  EXPECT_EQ(d["indicators"][0]["path"].size(), 3u);
  EXPECT_EQ(d["findings"][0]["code"], "over_achievement");
  EXPECT_EQ(d["findings"][0]["severity"], "warning");
  EXPECT_EQ(docs[3]["department"]["project_grades"]["优"], 2);
}

TEST(ScoreCommand, PrintsAReadableTable) {
  const CommandRun r = run("score examples/report-002.json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("总分 99.55  等级 优"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("97/100×15=14.55"), std::string::npos);
  EXPECT_NE(r.out.find("over_achievement"), std::string::npos);
}

TEST(ScoreCommand, RulesByNameOrFile) {
  CommandRun r = run("score --json --rules bureau-example examples/report-004.json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(lines(r.out)[0]["grade"], "优");  // 80.16 ≥ 80 under the bureau's bands
  EXPECT_EQ(lines(r.out)[0]["rule_set"], "bureau-example");

  const std::string file = write_temp("strict.json", R"({"name":"strict","extends":"national-2020",
    "grades":[{"label":"优","code":"excellent","min":95},{"label":"良","code":"good","min":85},
              {"label":"中","code":"fair","min":60},{"label":"差","code":"poor","min":0}]})");
  r = run("score --json --rules " + file + " examples/report-002.json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(lines(r.out)[0]["grade"], "优");
  r = run("score --json --rules " + file + " examples/report-000.json");
  const auto doc = lines(r.out)[0];
  EXPECT_EQ(doc["grade"], "良");  // 85 ≤ 91.5 < 95: the stated grade 优 now disagrees
  bool flagged = false;
  for (const auto& f : doc["findings"]) flagged |= f["code"] == "grade_mismatch";
  EXPECT_TRUE(flagged);
}

// Each line of a JSON Lines file gets the rule set it names, and an unknown
// one is reported with its line.
TEST(ScoreCommand, EachLineGetsItsOwnRuleSet) {
  const std::string row =
      R"("indicators":[{"name":"甲","weight":100,"target":"≥10","actual":"8"}])";
  const std::string file = write_temp(
      "mixed.jsonl", "{\"title\":\"一\",\"rule_set\":\"bureau-example\"," + row + "}\n" +
                         "{\"title\":\"二\"," + row + "}\n" +
                         "{\"title\":\"三\",\"rule_set\":\"bureau-example\"," + row + "}\n" +
                         "{\"title\":\"四\",\"rule_set\":\"nowhere\"," + row + "}\n");
  const CommandRun r = run("score --json " + file);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("第 4 行"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("rule_set"), std::string::npos) << r.err;
  const auto docs = lines(r.out);
  ASSERT_EQ(docs.size(), 3u) << r.out;
  EXPECT_EQ(docs[0]["rule_set"], "bureau-example");
  EXPECT_EQ(docs[1]["rule_set"], "national-2020");
  EXPECT_EQ(docs[2]["rule_set"], "bureau-example");
  // 80 points: 优 under the bureau's bands (from 80), 良 under the national ones.
  EXPECT_EQ(docs[0]["grade"], "优");
  EXPECT_EQ(docs[1]["grade"], "良");
  EXPECT_EQ(docs[2]["grade"], "优");
}

TEST(ScoreCommand, UnknownRuleSetIsExitTwo) {
  const CommandRun r = run("score --rules nowhere examples/report-002.json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("找不到规则集「nowhere」"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("national-2020"), std::string::npos) << r.err;
}

TEST(ScoreCommand, BadFileIsExitTwoAndTheOthersAreStillScored) {
  const std::string bad =
      write_temp("bad.json", R"({"title":"坏文件","indicators":[{"name":"甲","weight":"十五"}]})");
  const CommandRun r = run("score --json " + bad + " examples/report-002.json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad.json"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("indicators[0].weight"), std::string::npos) << r.err;
  ASSERT_EQ(lines(r.out).size(), 1u);
  EXPECT_EQ(lines(r.out)[0]["total"], 99.55);
}

TEST(ScoreCommand, MissingFileIsExitTwo) {
  const CommandRun r = run("score no/such/file.json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no/such/file.json"), std::string::npos) << r.err;
}

TEST(ScoreCommand, JsonLinesScoreEveryLine) {
  std::string content;
  for (int i = 0; i < 3; ++i) {
    content += R"({"title":"项目)" + std::to_string(i) +
               R"(","indicators":[{"name":"甲","weight":100,"target":"≥100家","actual":")" +
               std::to_string(90 + i) + R"(家","note":"x"}]})" + "\n";
  }
  const std::string file = write_temp("many.jsonl", content);
  const CommandRun r = run("score --json " + file);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto docs = lines(r.out);
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[2]["total"], 92);
  EXPECT_EQ(docs[2]["file"], file + ":3");
}

// A large JSON Lines file is scored by several threads; the output must be
// the one a single thread writes, byte for byte, and an error must stop it
// at the same line with the evaluations before it printed.
TEST(ScoreCommand, LargeFilesScoreInParallelExactlyAsInSequence) {
  const std::string example = [] {
    std::string text = jixiao::test::source_file("examples/report-002.json");
    std::string line;
    for (char c : text) {
      if (c != '\n') line += c;
    }
    return line;
  }();
  std::string content;
  size_t count = 0;
  while (content.size() < (size_t{9} << 20)) {  // above the 8 MiB parallel threshold
    content += example + "\n";
    if (++count % 1000 == 0) content += "\n";  // blank lines keep their numbers
  }
  const std::string file = write_temp("parallel.jsonl", content);
  const CommandRun parallel = run("score --json " + file, "JIXIAO_THREADS=4");
  const CommandRun sequential = run("score --json " + file, "JIXIAO_THREADS=1");
  ASSERT_EQ(parallel.exit_code, 0) << parallel.err;
  ASSERT_EQ(sequential.exit_code, 0) << sequential.err;
  EXPECT_EQ(parallel.out.size(), sequential.out.size());
  EXPECT_TRUE(parallel.out == sequential.out);
  // Two threads stay at most four blocks ahead of the writer: the fifth block
  // is scored into a buffer that already held a written block's output.
  const CommandRun reused = run("score --json " + file, "JIXIAO_THREADS=2");
  ASSERT_EQ(reused.exit_code, 0) << reused.err;
  EXPECT_TRUE(reused.out == sequential.out);
  const auto docs = lines(parallel.out);
  ASSERT_EQ(docs.size(), count);
  EXPECT_EQ(docs.back()["total"], 99.55);

  // A bad line two thirds in: the same output up to it, then the error.
  const size_t bad_at = content.size() * 2 / 3;
  const size_t line_start = content.rfind('\n', bad_at) + 1;
  std::string broken = content;
  broken.insert(line_start,
                "{\"title\":\"坏\",\"indicators\":[{\"name\":\"甲\",\"weight\":\"x\"}]}\n");
  const size_t bad_line =
      1 + static_cast<size_t>(std::count(broken.begin(), broken.begin() + line_start, '\n'));
  const std::string broken_file = write_temp("parallel_broken.jsonl", broken);
  const CommandRun p2 = run("score --json " + broken_file, "JIXIAO_THREADS=4");
  const CommandRun s2 = run("score --json " + broken_file, "JIXIAO_THREADS=1");
  EXPECT_EQ(p2.exit_code, 2);
  EXPECT_EQ(s2.exit_code, 2);
  EXPECT_TRUE(p2.out == s2.out);
  EXPECT_NE(p2.err.find("第 " + std::to_string(bad_line) + " 行"), std::string::npos) << p2.err;
  EXPECT_EQ(p2.err, s2.err);

  // Many files at once, as workers score them: whole small files (JSON, a
  // workbook, JSON Lines), a missing one, bad ones, and the large broken file
  // followed by more. Each file's output or error comes in the order given,
  // and the files after a failed one are still scored.
  const std::string small_bad = write_temp(
      "small_bad.jsonl", example + "\n{\"title\":\"坏\",\"indicators\":7}\n" + example + "\n");
  const std::string files = "examples/report-000.json test/office/fixtures/official.xlsx " +
                            jixiao::test::temp_path("missing.json") + " " + small_bad + " " +
                            broken_file + " examples/report-004.json " + file +
                            " test/office/fixtures/bad_weight.xlsx examples/report-002.json";
  for (const char* json : {"--json ", ""}) {
    const CommandRun p3 = run(std::string("score ") + json + files, "JIXIAO_THREADS=2");
    const CommandRun s3 = run(std::string("score ") + json + files, "JIXIAO_THREADS=1");
    EXPECT_EQ(p3.exit_code, 2);
    EXPECT_EQ(s3.exit_code, 2);
    EXPECT_EQ(p3.out.size(), s3.out.size()) << json;
    EXPECT_TRUE(p3.out == s3.out) << json;
    EXPECT_EQ(p3.err, s3.err);
    // One error per bad file, in order: missing, small_bad line 2, broken, bad_weight.
    const size_t missing = p3.err.find("missing.json");
    const size_t small = p3.err.find("small_bad.jsonl 第 2 行");
    const size_t large = p3.err.find("第 " + std::to_string(bad_line) + " 行");
    const size_t workbook = p3.err.find("bad_weight.xlsx");
    ASSERT_NE(workbook, std::string::npos) << p3.err;
    EXPECT_LT(missing, small) << p3.err;
    EXPECT_LT(small, large) << p3.err;
    EXPECT_LT(large, workbook) << p3.err;
    if (*json != '\0') {
      // 000, the workbook's, small_bad's first, the large file's up to the
      // bad line (as alone), 004, the large good file's, 002.
      const size_t workbook_count =
          lines(run("score --json test/office/fixtures/official.xlsx").out).size();
      const auto scored = lines(p3.out);
      ASSERT_EQ(scored.size(), 1 + workbook_count + 1 + lines(s2.out).size() + 1 + count + 1);
      EXPECT_EQ(scored[scored.size() - count - 2]["total"], 80.16);
      EXPECT_EQ(scored.back()["total"], 99.55);
    }
  }
  std::filesystem::remove(file);
  std::filesystem::remove(broken_file);
}

// "-" reads standard input: JSON Lines when its first line is a whole
// object, else one JSON document; its place among the files is kept.
TEST(ScoreCommand, ReadsStandardInput) {
  const std::string pretty = jixiao::test::source_file("examples/report-004.json");
  CommandRun r = jixiao::test::jixiao({"score", "--json", "-"}, pretty);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto docs = lines(r.out);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0]["total"], 80.16);
  EXPECT_EQ(docs[0]["file"], "-");

  std::string one_line;
  for (char c : jixiao::test::source_file("examples/report-002.json")) {
    if (c != '\n') one_line += c;
  }
  const std::string two = one_line + "\n\n" + one_line + "\n";
  for (const char* threads : {"JIXIAO_THREADS=1", "JIXIAO_THREADS=2"}) {
    r = jixiao::test::jixiao(
        {"score", "--json", "examples/report-000.json", "-", "examples/report-004.json"}, two,
        {threads});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    docs = lines(r.out);
    ASSERT_EQ(docs.size(), 4u) << threads;
    EXPECT_EQ(docs[0]["total"], 91.5);
    EXPECT_EQ(docs[1]["file"], "-:1");
    EXPECT_EQ(docs[2]["file"], "-:3");
    EXPECT_EQ(docs[2]["total"], 99.55);
    EXPECT_EQ(docs[3]["total"], 80.16);
  }

  // Errors name standard input, and the line.
  r = jixiao::test::jixiao({"score", "--json", "-"},
                           one_line + "\n{\"title\":\"坏\",\"indicators\":7}\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(lines(r.out).size(), 1u);
  EXPECT_NE(r.err.find("标准输入 第 2 行"), std::string::npos) << r.err;
  r = jixiao::test::jixiao({"score", "-"}, "");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("标准输入：文件为空"), std::string::npos) << r.err;
  r = jixiao::test::jixiao({"score", "-"},
                           jixiao::test::source_file("test/office/fixtures/official.xlsx"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("标准输入：是 Excel 文件"), std::string::npos) << r.err;
}

TEST(RulesCommand, ListsAndShowsRuleSets) {
  CommandRun r = run("rules");
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("national-2020", 0), 0u) << "the default comes first";
  EXPECT_NE(r.out.find("bureau-example"), std::string::npos);
  r = run("rules bureau-example");
  ASSERT_EQ(r.exit_code, 0);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["grades"][0]["min"], 80);
  EXPECT_EQ(j["over_achievement"]["note_required_at"], 1.3);
  EXPECT_EQ(j["qualitative_tiers"].size(), 3u);  // inherited from national-2020
}

}  // namespace
