// The report audit: the readers, reports jixiao writes itself, and the
// `jixiao audit` command as a user runs it (exit codes, JSON, --extract).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/pdf_export.h"
#include "app/report_job.h"
#include "audit/audit.h"
#include "audit/docx_reader.h"
#include "audit/text_reader.h"
#include "bench/generate_evaluations.h"
#include "core/engine.h"
#include "format/evaluation_reader.h"
#include "format/rule_set_json.h"
#include "office/zip_archive.h"
#include "test/support/examples.h"
#include "test/support/file_text.h"
#include "test/support/process.h"
#include "test/support/temp_path.h"

namespace jixiao::audit {
namespace {

using test::national;

TEST(TextReader, CellsRowsTablesAndParagraphs) {
  const Document doc = read_text("标题\n\tA\n\tB\n\n\tC\n\tD\n\n\n正文。\n\t甲\n\t乙\n\n结尾\n");
  ASSERT_EQ(doc.blocks.size(), 5u);
  EXPECT_FALSE(doc.blocks[0].is_table);
  ASSERT_TRUE(doc.blocks[1].is_table);
  ASSERT_EQ(doc.blocks[1].rows.size(), 2u);
  EXPECT_EQ(doc.blocks[1].rows[1].cells, (std::vector<std::string>{"C", "D"}));
  EXPECT_EQ(doc.blocks[2].text, "正文。");
  EXPECT_TRUE(doc.blocks[3].is_table);  // one blank line and text far from any table: ended
  EXPECT_EQ(doc.blocks[4].text, "结尾");
}

TEST(TextReader, CellsOfSeveralParagraphsStayInTheirCell) {
  // As Word exports report 000's 年度总体目标 row and 004's 支付\n合计 header.
  const Document doc =
      read_text("\t目标\n\t1.甲\n\n2.乙\n\n3.丙\n\t完成\n\n\t支付\n合计\n\t一季度\n");
  ASSERT_EQ(doc.blocks.size(), 1u);
  const auto& rows = doc.blocks[0].rows;
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].cells, (std::vector<std::string>{"目标", "1.甲\n2.乙\n3.丙", "完成"}));
  EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"支付\n合计", "一季度"}));
}

TEST(TextReader, ALeadInBeforeATableIsAParagraph) {
  const Document doc = read_text("\t优\n\n情况如下：\n\t一级指标\n");
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.blocks[1].text, "情况如下：");
}

TEST(DocxReader, RefusesWhatIsNoDocxNamingTheFile) {
  Result<Document> plain = read_docx("not a zip", "a.docx");
  ASSERT_FALSE(plain.ok());
  EXPECT_NE(plain.status().message().find("a.docx"), std::string::npos);
  const std::string ole = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(100, '\0');
  Result<Document> encrypted = read_report(ole, "secret.docx");
  ASSERT_FALSE(encrypted.ok());
  EXPECT_NE(encrypted.status().message().find("加密"), std::string::npos);
  EXPECT_NE(encrypted.status().message().find("secret.docx"), std::string::npos);
  office::ZipWriter zip;
  zip.add("word/other.xml", "<x/>");
  Result<Document> empty = read_docx(*zip.finish(), "b.docx");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("word/document.xml"), std::string::npos);
}

TEST(DocxReader, ReadsTablesAsTheTextExportDoes) {
  const std::string xml =
      R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)"
      R"(<w:p><w:r><w:t>经评价，综合得分</w:t></w:r><w:r><w:t>91.5分。</w:t></w:r></w:p>)"
      R"(<w:tbl><w:tr><w:tc><w:p><w:r><w:t>评价内容</w:t></w:r></w:p></w:tc>)"
      R"(<w:tc><w:p><w:r><w:t>标准分值</w:t></w:r></w:p></w:tc></w:tr>)"
      R"(<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>)"
      R"(<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>)"
      R"(<w:p><w:r><w:delText>删除</w:delText><w:t>结尾</w:t></w:r></w:p></w:body></w:document>)";
  office::ZipWriter zip;
  zip.add("word/document.xml", xml);
  Result<Document> doc = read_docx(*zip.finish(), "c.docx");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc->blocks.size(), 3u);
  EXPECT_EQ(doc->blocks[0].text, "经评价，综合得分91.5分。");
  ASSERT_EQ(doc->blocks[1].rows.size(), 2u);
  EXPECT_EQ(doc->blocks[1].rows[1].cells, (std::vector<std::string>{"", "1\n2"}));
  EXPECT_EQ(doc->blocks[2].text, "结尾");
}

// A report jixiao wrote from an evaluation audits with that evaluation's
// figures, and raises nothing the evaluation does not hold.
void expect_own_report(const std::string& example, const std::vector<std::string>& allowed) {
  app::SourcedEvaluation e;
  e.evaluation = test::example(example);
  Result<std::string> docx = app::report_bytes(e, national(), {}, app::DocumentKind::report);
  ASSERT_TRUE(docx.ok()) << docx.status().message();
  Result<Document> doc = read_report(*docx, example);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  const Audit a = audit_document(*doc, national());
  const core::ScoreCard card = core::score(e.evaluation, national());
  ASSERT_TRUE(a.facts.score_table_total && a.facts.score_table_total->score) << example;
  EXPECT_NEAR(a.facts.score_table_total->score->value, card.total, 1e-9) << example;
  ASSERT_TRUE(a.facts.table_grade) << example;
  EXPECT_EQ(a.facts.table_grade->grade, card.grade);
  EXPECT_NEAR(a.card.total, card.total, 1e-9) << example;
  const core::Budget& b = *e.evaluation.budget;
  ASSERT_FALSE(a.facts.budget.empty());
  EXPECT_NEAR(a.facts.budget.front().value, *b.adjusted, 0.005);
  ASSERT_FALSE(a.facts.executed.empty());
  EXPECT_NEAR(a.facts.executed.front().value, *b.executed, 0.005);
  // The score table: a row per category, and the budget row when it carries points.
  EXPECT_EQ(a.facts.score_table.size(),
            core::categories(e.evaluation).size() + (card.execution.weight > 0 ? 1 : 0))
      << example;
  for (const AuditFinding& f : a.findings) {
    if (!is_audit_code(f.code)) continue;
    EXPECT_NE(std::find(allowed.begin(), allowed.end(), f.code), allowed.end())
        << example << ": " << f.code << " on 「" << f.quote << "」: " << f.message;
  }
}

TEST(OwnReports, AuditWithTheFiguresTheyWereMadeFrom) {
  expect_own_report("report-002.json", {});
  expect_own_report("report-004.json", {});
  // Report 000's evaluation keeps the published typo 100:% in its target.
  expect_own_report("report-000.json", {"unparseable_value"});
}

// jixiao's own reports of many generated evaluations (every kind of row, slips,
// not-applicable rows and rescaled totals) audit to nothing the engine does not
// say of the evaluation itself: a finding only the audit raises is either a
// false statement in the report or a misreading by the audit.
TEST(OwnReports, GeneratedEvaluationsAuditToNothingTheEngineDoesNotSay) {
  std::string text;
  std::vector<uint64_t> picked;
  for (uint64_t i = 0; i < 100; ++i) picked.push_back(i);
  // Not-applicable rows are rare in the generated data (0.7 %); these hold some.
  for (uint64_t i : {200, 522, 770, 848, 883}) picked.push_back(i);
  for (uint64_t i : picked) {
    bench::append_evaluation(text, bench::kDefaultSeed, i);
    text += '\n';
  }
  Result<core::RuleSet> bureau = format::load_rule_set("bureau-example");  // caps the total
  ASSERT_TRUE(bureau.ok()) << bureau.status().message();
  format::EvaluationReader reader;
  int audited = 0;
  int rescaled = 0;
  int capped = 0;
  const Status read =
      reader.read_text(text, "generated.jsonl", true, [&](core::Evaluation& e, size_t line) {
        const core::RuleSet& capping = *bureau;
        for (const core::RuleSet* rules : {&national(), &capping}) {
          const core::ScoreCard card = core::score(e, *rules);
          std::set<std::string> engine_codes;
          for (const core::Finding& f : core::findings(e, card, *rules)) {
            engine_codes.insert(f.code);
          }
          app::SourcedEvaluation sourced;
          sourced.evaluation = e;
          for (app::DocumentKind kind :
               {app::DocumentKind::report, app::DocumentKind::self_evaluation}) {
            const std::string where = "line " + std::to_string(line) + " by " + rules->name +
                                      (kind == app::DocumentKind::report ? ", report" : ", 自评表");
            Result<std::string> docx = app::report_bytes(sourced, *rules, {}, kind);
            EXPECT_TRUE(docx.ok()) << where << ": " << docx.status().message();
            if (!docx.ok()) continue;
            Result<Document> doc = read_report(*docx, "generated.docx");
            EXPECT_TRUE(doc.ok()) << where << ": " << doc.status().message();
            if (!doc.ok()) continue;
            const Audit a = audit_document(*doc, *rules);
            EXPECT_NEAR(a.card.total, card.total, 1e-9) << where;
            for (const AuditFinding& f : a.findings) {
              EXPECT_TRUE(engine_codes.count(f.code) > 0)
                  << where << ": " << f.code << " on 「" << f.quote << "」: " << f.message;
            }
            ++audited;
          }
          rescaled += card.rescaled ? 1 : 0;
          capped += card.cap ? 1 : 0;
        }
        return Status();
      });
  ASSERT_TRUE(read.ok()) << read.message();
  EXPECT_EQ(audited, 4 * static_cast<int>(picked.size()));
  EXPECT_GE(rescaled, 10);  // the rescaled totals are among them, by both rule sets
  EXPECT_GT(capped, 0);     // and totals capped by the bureau's execution caps
}

// The official self-evaluation table (项目支出绩效自评表) is one table holding
// the funds block, the goal and the indicator block, each under its own header.
TEST(OwnReports, TheSelfEvaluationTableReadsBlockByBlock) {
  app::SourcedEvaluation e;
  e.evaluation = test::example("report-002.json");
  Result<std::string> docx =
      app::report_bytes(e, national(), {}, app::DocumentKind::self_evaluation);
  ASSERT_TRUE(docx.ok()) << docx.status().message();
  Result<Document> doc = read_report(*docx, "self-eval.docx");
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  const Audit a = audit_document(*doc, national());
  EXPECT_EQ(a.facts.title, e.evaluation.title);
  ASSERT_TRUE(a.facts.indicator_total && a.facts.indicator_total->score);
  EXPECT_DOUBLE_EQ(a.facts.indicator_total->score->value, 99.55);
  ASSERT_TRUE(a.facts.table_grade);
  EXPECT_EQ(a.facts.table_grade->grade, "优");
  ASSERT_FALSE(a.facts.budget.empty());
  EXPECT_NEAR(a.facts.budget.front().value, 11559.27, 1e-9);
  EXPECT_EQ(a.facts.indicator_count(), 7);
  EXPECT_DOUBLE_EQ(a.card.total, 99.55);
  for (const AuditFinding& f : a.findings) {
    EXPECT_FALSE(is_audit_code(f.code)) << f.code << " on 「" << f.quote << "」: " << f.message;
  }
}

// Each example's 自评表 adds up to its total as the audit reads it back: a
// category scored only as a whole (004's 决策 … 效益, 000's categories) has
// its 小计 row, so the 分值 and 得分 columns still sum to 合计 and 总分.
TEST(OwnReports, EverySelfEvaluationTableAddsUpToItsTotal) {
  for (const std::string example : {"report-000.json", "report-002.json", "report-004.json"}) {
    app::SourcedEvaluation e;
    e.evaluation = test::example(example);
    const core::ScoreCard card = core::score(e.evaluation, national());
    Result<std::string> docx =
        app::report_bytes(e, national(), {}, app::DocumentKind::self_evaluation);
    ASSERT_TRUE(docx.ok()) << docx.status().message();
    Result<Document> doc = read_report(*docx, example);
    ASSERT_TRUE(doc.ok()) << doc.status().message();
    const Audit a = audit_document(*doc, national());
    EXPECT_NEAR(a.card.total, card.total, 1e-9) << example;
    EXPECT_EQ(a.card.grade, card.grade) << example;
    for (const AuditFinding& f : a.findings) {
      EXPECT_NE(f.code, "total_mismatch") << example << " 「" << f.quote << "」: " << f.message;
      EXPECT_NE(f.code, "stated_score_differs")
          << example << " 「" << f.quote << "」: " << f.message;
    }
  }
}

// Every text report in the tests reads exactly like the .docx LibreOffice
// makes of it (one soffice run converts them all).
TEST(DocxReader, LibreOfficeDocxOfEveryTextReportReadsLikeTheText) {
  namespace fs = std::filesystem;
  if (app::find_soffice().empty()) {
    if (std::getenv("CI") != nullptr) FAIL() << "LibreOffice is installed by scripts/setup.sh";
    GTEST_SKIP() << "LibreOffice is not installed";
  }
  const fs::path dir = fs::path(test::temp_path("audit-lo"));
  fs::create_directories(dir);
  std::vector<std::string> names;
  for (const char* folder : {"test/audit/reports", "test/audit/samples", "test/audit/shapes"}) {
    for (const auto& e : fs::directory_iterator(fs::path(JIXIAO_SOURCE_DIR) / folder)) {
      if (e.path().extension() != ".txt") continue;
      const std::string name =
          std::string(folder).substr(11) + "-" + e.path().stem().stem().string();
      fs::copy_file(e.path(), dir / (name + ".txt"));
      names.push_back(name);
    }
  }
  ASSERT_GE(names.size(), 10u);
  const std::string command = app::find_soffice() + " -env:UserInstallation=file://" +
                              (dir / "profile").string() +
                              " --headless --norestore --infilter='Text (encoded):UTF8,LF,,,'"
                              " --convert-to 'docx:MS Word 2007 XML' --outdir " +
                              dir.string() + " " + dir.string() + "/*.txt > /dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0);
  for (const std::string& name : names) {
    Result<Document> text = read_report(test::file_text(dir / (name + ".txt")), name);
    Result<Document> docx = read_report(test::file_text(dir / (name + ".docx")), name);
    ASSERT_TRUE(text.ok() && docx.ok()) << name;
    EXPECT_EQ(audit_json(audit_document(*text, national()), name),
              audit_json(audit_document(*docx, national()), name))
        << name;
  }
  fs::remove_all(dir);
}

// A report exported from Word as plain text on Chinese Windows is GBK (and
// Notepad's "Unicode" UTF-16): audited as the UTF-8 text is, not as garbage
// with "未发现问题".
TEST(ReadReport, TextInGbkOrUtf16IsReadAsItsUtf8) {
  const std::string utf8 = test::file_text("test/audit/samples/000.txt");
  Result<Document> expected = read_report(utf8, "000.txt");
  ASSERT_TRUE(expected.ok()) << expected.status().message();
  const std::string want = audit_json(audit_document(*expected, national()), "000.txt");
  ASSERT_NE(want.find("label_mismatch"), std::string::npos);
  for (const char* encoding : {"GB18030", "UTF-16"}) {
    SCOPED_TRACE(encoding);
    const std::string path = test::temp_path("000.txt");
    const std::string command =
        std::string("iconv -f UTF-8 -t ") + encoding + " test/audit/samples/000.txt > " + path;
    ASSERT_EQ(std::system(command.c_str()), 0);
    const std::string bytes = test::file_text(path);
    ASSERT_NE(bytes, utf8);
    Result<Document> doc = read_report(bytes, "000.txt");
    ASSERT_TRUE(doc.ok()) << doc.status().message();
    EXPECT_EQ(audit_json(audit_document(*doc, national()), "000.txt"), want);
  }
}

// An evaluation file or a workbook given to audit by mistake: say what it is
// and which command takes it, rather than audit its text.
TEST(ReadReport, EvaluationFilesAndWorkbooksPointToScore) {
  Result<Document> json = read_report(test::file_text("examples/report-000.json"), "a.json");
  ASSERT_FALSE(json.ok());
  EXPECT_EQ(json.status().message(),
            "文件 a.json：是评价文件（JSON），不是报告；评价文件请用 jixiao score 评分");
  Result<Document> xlsx =
      read_report(test::file_text("test/office/fixtures/official.xlsx"), "a.xlsx");
  ASSERT_FALSE(xlsx.ok());
  EXPECT_NE(xlsx.status().message().find("是 Excel 工作簿，不是报告；自评表请用 jixiao score 评分"),
            std::string::npos)
      << xlsx.status().message();
}

// ---- the command ------------------------------------------------------------

using test::CommandRun;

CommandRun run(const std::string& args) {
  return test::jixiao_line(args);
}

TEST(AuditCommand, ListsTheSampleSlipsInChinese) {
  const CommandRun r = run("audit test/audit/samples/000.txt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("label_mismatch"), std::string::npos);
  EXPECT_NE(r.out.find("「投入成本 | 项目预算 | 预算执行率100:% | 预算执行率50%」"),
            std::string::npos);
  EXPECT_NE(r.out.find("总分：91.5分，等级：优"), std::string::npos);
}

TEST(AuditCommand, JsonHasFactsFindingsTotalAndGrade) {
  const CommandRun r = run("audit test/audit/samples/004.txt --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["total"].get<double>(), 80.16);
  EXPECT_EQ(j["grade"], "良");
  EXPECT_EQ(j["facts"]["budget"].get<double>(), 158.4);
  ASSERT_FALSE(j["findings"].empty());
  EXPECT_EQ(j["findings"][0]["code"], "claim_contradicts_figures");
  EXPECT_EQ(j["findings"][0]["severity"], "warning");
  EXPECT_NE(j["findings"][0]["message"].get<std::string>().find("52"), std::string::npos);
}

TEST(AuditCommand, UnusableInputExitsTwoNamingTheFile) {
  CommandRun r = run("audit test/audit/samples/none.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("none.txt"), std::string::npos);
  const std::string fake = test::temp_path("fake.docx");
  std::ofstream(fake, std::ios::binary) << std::string("PK\x03\x04garbage", 11);
  r = run("audit " + fake);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(fake), std::string::npos);
  std::filesystem::remove(fake);
  r = run("audit test/audit/samples/000.txt --rules no-such-rules");
  EXPECT_EQ(r.exit_code, 2);
}

// An --extract file that cannot be written is a user's error (exit 2, the
// file named), and leaves nothing behind.
TEST(AuditCommand, AnUnwritableExtractFileExitsTwoNamingIt) {
  const std::string out = test::temp_path("no-such-folder") + "/extract.json";
  const CommandRun r = run("audit test/audit/samples/002.txt --extract " + out);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(out), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(test::temp_path("no-such-folder")));
}

// A file over the size limit is refused before it is read (a sparse file:
// nothing is written to disk), and the bytes limit holds for callers that
// pass bytes.
TEST(AuditCommand, RefusesAFileOverTheSizeLimit) {
  const std::string big = test::temp_path("big.txt");
  std::ofstream(big, std::ios::binary).close();
  std::filesystem::resize_file(big, kMaxReportBytes + 1);
  const CommandRun r = run("audit " + big);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(big), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("64"), std::string::npos) << r.err;
  std::filesystem::remove(big);
  const std::string bytes(kMaxReportBytes + 1, ' ');
  const Result<Document> doc = read_report(bytes, "big.docx");
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("big.docx"), std::string::npos);
}

// --extract writes an evaluation file `jixiao score` reads; where the report
// has its indicator rows (002) or its categories (004, 000) the score gives
// the stated total.
TEST(AuditCommand, ExtractedEvaluationScoresToTheStatedTotal) {
  for (const auto& [sample, total] :
       std::vector<std::pair<std::string, double>>{{"000", 91.5}, {"002", 99.55}, {"004", 80.16}}) {
    const std::string out = test::temp_path("extract-" + sample + ".json");
    CommandRun r = run("audit test/audit/samples/" + sample + ".txt --extract " + out);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run("score " + out + " --json");
    ASSERT_EQ(r.exit_code, 0) << sample << ": " << r.err;
    const nlohmann::json j = nlohmann::json::parse(r.out.substr(0, r.out.find('\n')));
    EXPECT_NEAR(j["total"].get<double>(), total, 1e-9) << sample;
    std::filesystem::remove(out);
  }
}

}  // namespace
}  // namespace jixiao::audit
