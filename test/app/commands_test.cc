// The storage commands as a user runs them (the real binary, both backends):
// exit codes, Chinese messages, the import summary, export → import round
// trips, backup → restore, a bulk import killed with SIGKILL, and two
// processes writing at once.
#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "bench/generate_evaluations.h"
#include "format/evaluation_reader.h"
#include "office/xlsx_reader.h"
#include "office/zip_archive.h"
#include "storage/migrations.h"
#include "storage/query.h"
#include "storage/users.h"
#include "test/app/test_sources.h"
#include "test/storage/backends.h"
#include "test/support/file_text.h"
#include "test/support/process.h"

namespace jixiao::test {
namespace {

std::vector<nlohmann::json> json_lines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

std::string example(const std::string& name) {
  return std::string(JIXIAO_SOURCE_DIR) + "/examples/" + name;
}

// Writes `files` JSON Lines files of `per_file` generated evaluations each
// (the benchmark's generator: realistic self-evaluations of 20 leaves).
std::vector<std::string> generated_files(int files, int per_file, const std::string& tag) {
  std::vector<std::string> paths;
  std::string text;
  for (int f = 0; f < files; ++f) {
    text.clear();
    for (int k = 0; k < per_file; ++k) {
      // Numbered apart per tag: each tag's evaluations are projects of their own.
      const uint64_t first = tag == "b" ? 1000000 : 0;
      bench::append_evaluation(text, 7, first + static_cast<uint64_t>(f * per_file + k));
      text += '\n';
    }
    paths.push_back(temp_path(tag + std::to_string(f) + ".jsonl"));
    std::ofstream(paths.back(), std::ios::binary) << text;
  }
  return paths;
}

class Commands : public BackendTest {
 protected:
  CommandRun run(std::vector<std::string> args, const std::string& input = "") {
    args.push_back("--db");
    args.push_back(url_);
    return jixiao(args, input);
  }
  int64_t count(const std::string& table) { return rows(*db_.connection, table); }

  // Every stored evaluation against its source line: the same number of
  // indicator rows. Returns the stored evaluations per source file.
  std::map<std::string, int> check_whole(std::map<std::string, std::vector<size_t>>& nodes) {
    std::map<std::string, int> per_file;
    Status s = storage::query(
        *db_.connection,
        "SELECT e.source, e.indicator_count, (SELECT COUNT(*) FROM evaluation_indicators i "
        "WHERE i.evaluation_id = e.id) FROM evaluations e ORDER BY e.id",
        [&](storage::Statement& st) {
          const std::string source = st.get_string(0);
          const size_t colon = source.rfind(':');
          const std::string file = source.substr(0, colon);
          const size_t line = std::stoul(source.substr(colon + 1));
          if (!nodes.count(file)) {
            format::EvaluationReader reader;
            EXPECT_TRUE(reader
                            .read_file(file,
                                       [&](core::Evaluation& e, size_t) {
                                         nodes[file].push_back(e.indicators.size());
                                         return Status();
                                       })
                            .ok());
          }
          ASSERT_LE(line, nodes[file].size());
          EXPECT_EQ(static_cast<size_t>(st.get_int(2)), nodes[file][line - 1]) << source;
          EXPECT_EQ(st.get_int(1), st.get_int(2)) << source;
          ++per_file[file];
        });
    EXPECT_TRUE(s.ok()) << s.message();
    return per_file;
  }
};

TEST_P(Commands, InitMigrateImportListShowExportAsAUserWould) {
  CommandRun r = run({"init"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("已初始化"), std::string::npos) << r.out;  // SetUp migrated already
  r = run({"migrate"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string latest = std::to_string(storage::embedded_migrations().back().version);
  EXPECT_NE(r.out.find("没有待应用的迁移（架构版本 " + latest + "）"), std::string::npos) << r.out;

  r = run({"import", example("report-000.json"), example("report-002.json"),
           example("report-004.json"), example("department-overall.json")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("已处理 4 个文件（4 个评价）"), std::string::npos) << r.out;
  EXPECT_TRUE(r.err.empty()) << "no progress bar without a terminal: " << r.err;

  r = run({"list", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto list = json_lines(r.out);
  ASSERT_EQ(list.size(), 4u);
  for (const char* field : {"id", "title", "year", "unit", "total", "grade"}) {
    EXPECT_TRUE(list[0].contains(field)) << field;
  }
  EXPECT_EQ(list[1]["total"], 99.55);
  EXPECT_EQ(list[1]["grade"], "优");
  EXPECT_EQ(list[1]["year"], 2024);
  const std::string id = std::to_string(list[2]["id"].get<int>());

  r = run({"show", id});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("总分 80.16  等级 良"), std::string::npos) << r.out;
  r = run({"show", id, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto shown = nlohmann::json::parse(r.out);
  EXPECT_EQ(shown["total"], 80.16);
  EXPECT_EQ(shown["version"], 1);
  EXPECT_EQ(shown["evaluation"]["title"], list[2]["title"]);
  r = run({"show", "999"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("评价 #999 不存在"), std::string::npos) << r.err;

  // export → import into a new database → export: the same bytes.
  const std::string file = temp_path("export.jsonl");
  r = run({"export", "--json", "-o", file});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string copy = temp_path("copy.db");
  ASSERT_EQ(jixiao({"init", "--db", copy}).exit_code, 0);
  r = jixiao({"import", "--db", copy, file});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = jixiao({"list", "--json", "--db", copy});
  const auto copied = json_lines(r.out);
  ASSERT_EQ(copied.size(), 4u);
  for (size_t k = 0; k < 4; ++k) {
    EXPECT_EQ(copied[k]["total"], list[k]["total"]);
    EXPECT_EQ(copied[k]["grade"], list[k]["grade"]);
  }
  r = jixiao({"export", "--db", copy});
  EXPECT_EQ(r.out, test::file_text(file));
  r = run({"export", id});
  ASSERT_EQ(json_lines(r.out).size(), 1u);
}

TEST_P(Commands, ARefusedFileIsExitTwoAndNamesTheFileAndField) {
  const std::string bad = temp_path("bad.json");
  std::ofstream(bad)
      << R"({"title":"坏文件","year":2024,"unit":"甲","indicators":[{"name":"甲","weight":"十五"}]})";
  const CommandRun r = run({"import", bad, example("report-002.json")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("拒绝：文件 " + bad), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("indicators[0].weight"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("已处理 2 个文件（1 个评价）"), std::string::npos) << r.out;
  EXPECT_EQ(count("evaluations"), 1);
}

// A folder of workbooks and JSON files: each file in its own transaction,
// the bad ones refused, and a findings workbook that names every problem's
// cell; the stored evaluations are the ones `jixiao score` reads.
TEST_P(Commands, ImportsAFolderOfWorkbooksWithAFindingsWorkbook) {
  const std::filesystem::path dir = temp_path("folder");
  std::filesystem::create_directories(dir / "sub");
  const std::filesystem::path src(JIXIAO_SOURCE_DIR);
  std::filesystem::copy_file(src / "test/office/fixtures/official.xlsx", dir / "a-official.xlsx");
  std::filesystem::copy_file(src / "test/office/fixtures/bad_weight.xlsx", dir / "sub/b-bad.xlsx");
  std::filesystem::copy_file(src / "examples/report-004.json", dir / "c-report.json");
  const std::string findings = temp_path("findings.xlsx");
  const CommandRun r = run({"import", dir.string(), "--findings", findings});
  EXPECT_EQ(r.exit_code, 2) << "a refused file makes the run exit 2";
  EXPECT_NE(r.out.find("已处理 3 个文件（2 个评价）：导入 0 个，导入但有问题 2 个，拒绝 1 个"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.err.find("b-bad.xlsx：项目支出绩效自评表!F3"), std::string::npos) << r.err;
  EXPECT_EQ(count("evaluations"), 2);
  // The workbook's evaluation is stored with the engine's total.
  const CommandRun list = run({"list", "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  const auto docs = json_lines(list.out);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0]["total"], 99.55);  // official.xlsx holds report 002's table
  EXPECT_EQ(docs[1]["total"], 80.16);
  // The findings workbook: a row per problem, with its cell.
  const std::string bytes = test::file_text(findings);
  office::Workbook wb;
  ASSERT_TRUE(office::XlsxReader().read(bytes, wb).ok());
  ASSERT_EQ(wb.sheets.size(), 2u);
  bool located = false, refused = false;
  for (uint32_t row = 1; row < wb.sheets[1].rows; ++row) {
    located |= wb.sheets[1].text_at(row, 2) == "项目支出绩效自评表!E17";
    refused |= wb.sheets[1].text_at(row, 4) == "file_refused";
  }
  EXPECT_TRUE(located);
  EXPECT_TRUE(refused);
}

// An import of an empty folder, or with a findings path that cannot be
// written, is refused before the database is touched: nothing is stored.
TEST_P(Commands, AnImportOfAnEmptyFolderOrToAnUnwritablePathStoresNothing) {
  ASSERT_EQ(run({"init"}).exit_code, 0);
  const std::filesystem::path empty = temp_path("empty-import");
  std::filesystem::create_directories(empty);
  CommandRun r = run({"import", empty.string(), "examples/report-000.json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("文件夹 " + empty.string() + " 中没有评价文件"), std::string::npos) << r.err;
  const std::string nowhere = (empty / "missing" / "findings.xlsx").string();
  r = run({"import", "examples/report-000.json", "--findings", nowhere});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("文件 " + nowhere + "：无法写入"), std::string::npos) << r.err;
  EXPECT_EQ(count("evaluations"), 0);
}

// A stored evaluation as a template and as a report: the template read back
// scores as the stored evaluation did, and the report's text holds its total.
TEST_P(Commands, TemplatesAndReportsFromTheDatabase) {
  CommandRun r = run({"import", example("report-002.json")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string id =
      std::to_string(json_lines(run({"list", "--json"}).out).at(0)["id"].get<int64_t>());
  const std::string xlsx = temp_path("stored.xlsx");
  r = run({"template", "self-eval", "--id", id, "-o", xlsx});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const CommandRun scored = jixiao({"score", "--json", xlsx});
  ASSERT_EQ(scored.exit_code, 0) << scored.err;
  EXPECT_EQ(json_lines(scored.out).at(0)["total"], 99.55);

  const std::string docx = temp_path("stored.docx");
  r = run({"report", "--id", id, "-o", docx});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  {
    const std::string bytes = test::file_text(docx);  // the reader keeps a view of it
    office::ZipReader zip;
    ASSERT_TRUE(zip.open(bytes).ok());
    std::string document;
    ASSERT_TRUE(zip.read("word/document.xml", document).ok());
    EXPECT_NE(document.find("99.55"), std::string::npos);
    EXPECT_NE(document.find("2024年朝阳区高新技术产业发展引导资金项目"), std::string::npos);
  }

  r = run({"report", "--id", "999", "-o", temp_path("missing.docx")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("评价 #999 不存在"), std::string::npos) << r.err;
}

TEST_P(Commands, UnitsAndUsersWithThePasswordFromStandardInput) {
  CommandRun r = run({"unit", "add", "F01", "某市财政局", "--kind", "finance_bureau"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run({"unit", "add", "D01", "某局", "--kind", "department", "--parent", "F01"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run({"unit", "add", "X", "某", "--kind", "bureau"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("单位类型「bureau」无效"), std::string::npos) << r.err;
  r = run({"unit", "add", "D01", "重复", "--kind", "department"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("已存在"), std::string::npos) << r.err;

  r = run({"user", "add", "zhao", "--role", "department", "--unit", "D01", "--as", "admin"},
          "s3cret-passphrase\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Result<std::optional<storage::UserRecord>> user = storage::find_user(*db_.connection, "zhao");
  ASSERT_TRUE(user.ok() && *user);
  EXPECT_TRUE((*user)->password_hash.starts_with("$argon2id$"));
  r = run({"user", "add", "qian", "--role", "unit"}, "short\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("密码太短"), std::string::npos) << r.err;
  r = run({"user", "add", "sun", "--role", "unit", "--password", "x"}, "long enough\n");
  EXPECT_NE(r.exit_code, 0) << "there is no option to pass a password on the command line";
  EXPECT_EQ(count("users"), 1);

  r = run({"log", "--record", "users", "--actor", "admin"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto entries = json_lines(r.out);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0]["after"]["name"], "zhao");
}

TEST_P(Commands, YearOpenCopiesForward) {
  CommandRun r = run({"year", "open", "2024"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("没有可复制的上一年度"), std::string::npos) << r.out;
  r = run({"year", "open", "2025"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("从 2024 年度复制规则集 0 个"), std::string::npos) << r.out;
  r = run({"year", "open", "2027", "--from", "2019"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST_P(Commands, BackupThenRestoreIntoAFreshDatabase) {
  ASSERT_EQ(run({"import", example("report-002.json"), example("report-004.json")}).exit_code, 0);
  const std::string backup = temp_path("backup.jsonl");
  CommandRun r = run({"backup", "-o", backup});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string restored = temp_path("restored.db");
  r = jixiao({"restore", backup, "--db", restored});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("已恢复"), std::string::npos);
  EXPECT_EQ(jixiao({"export", "--db", restored}).out, run({"export"}).out);
  r = jixiao({"restore", backup, "--db", restored});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("不是空的"), std::string::npos) << r.err;
}

// A failed export leaves the file it would have replaced as it was; a backup
// into a folder that does not exist names the file and creates nothing.
TEST_P(Commands, AFailedExportOrBackupLeavesTheOutputAsItWas) {
  ASSERT_EQ(run({"import", example("report-002.json")}).exit_code, 0);
  const std::string out = temp_path("export.jsonl");
  std::ofstream(out) << "yesterday's export\n";
  CommandRun r = run({"export", "999999", "-o", out});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(test::file_text(out), "yesterday's export\n");
  r = run({"export", "-o", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(test::file_text(out), run({"export"}).out);
  const std::string nowhere = temp_path("no-such-folder") + "/backup.jsonl";
  r = run({"backup", "-o", nowhere});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(nowhere), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(temp_path("no-such-folder")));
}

TEST_P(Commands, ABulkImportKilledWithSigkillLeavesEveryEvaluationWholeOrAbsent) {
  constexpr int kFiles = 120;
  constexpr int kPerFile = 40;
  const std::vector<std::string> files = generated_files(kFiles, kPerFile, "bulk");
  std::vector<std::string> args = {"import", "--db", url_};
  args.insert(args.end(), files.begin(), files.end());
  Process import(args);
  // Kill it as soon as the first file's commit is visible: mid-way, most
  // likely inside the transaction of a later file.
  auto conn = db_.database->connect();
  ASSERT_TRUE(conn.ok());
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  bool seen = false;
  while (!seen && std::chrono::steady_clock::now() < deadline && import.running()) {
    Result<std::optional<int64_t>> n =
        storage::query_int(**conn, "SELECT COUNT(*) FROM evaluations");
    seen = n.ok() && n->value_or(0) > 0;
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  import.kill_hard();
  const CommandRun killed = import.wait();
  ASSERT_TRUE(seen) << "the import committed nothing: " << killed.err;
  ASSERT_EQ(killed.exit_code, -1) << "the import finished before it could be killed";

  // Every stored evaluation has all its rows; every file is all or nothing.
  std::map<std::string, std::vector<size_t>> nodes;
  const std::map<std::string, int> per_file = check_whole(nodes);
  ASSERT_FALSE(per_file.empty());
  EXPECT_LT(per_file.size(), files.size()) << "killed mid-way";
  for (const auto& [file, n] : per_file) EXPECT_EQ(n, kPerFile) << file;
  // The database is usable: the next files import.
  std::vector<std::string> next = {"import"};
  for (const auto& f : files) {
    if (!per_file.count(f) && next.size() < 3) next.push_back(f);
  }
  const CommandRun again = run(next);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(count("evaluations"), static_cast<int64_t>(per_file.size() + 2) * kPerFile);
}

TEST_P(Commands, TwoProcessesImportingAtOnceBothSucceed) {
  // Both name the same units, so both try to register them at once.
  constexpr int kFiles = 8;
  constexpr int kPerFile = 25;
  const std::vector<std::string> a = generated_files(kFiles, kPerFile, "a");
  const std::vector<std::string> b = generated_files(kFiles, kPerFile, "b");
  std::vector<std::string> args_a = {"import", "--db", url_, "--as", "process-a"};
  std::vector<std::string> args_b = {"import", "--db", url_, "--as", "process-b"};
  args_a.insert(args_a.end(), a.begin(), a.end());
  args_b.insert(args_b.end(), b.begin(), b.end());
  Process pa(args_a);
  Process pb(args_b);
  const CommandRun ra = pa.wait();
  const CommandRun rb = pb.wait();
  ASSERT_EQ(ra.exit_code, 0) << ra.err << ra.out;
  ASSERT_EQ(rb.exit_code, 0) << rb.err << rb.out;
  EXPECT_EQ(count("evaluations"), 2 * kFiles * kPerFile);
  std::map<std::string, std::vector<size_t>> nodes;
  check_whole(nodes);
  // Each unit once, though both processes met it.
  Result<std::optional<int64_t>> units = storage::query_int(
      *db_.connection, "SELECT COUNT(*) FROM (SELECT DISTINCT unit_text FROM evaluations) u");
  EXPECT_EQ(count("units"), units->value_or(-1));
  // And each process's own evaluations are audited under its name.
  Result<std::optional<int64_t>> by_a = storage::query_int(
      *db_.connection,
      "SELECT COUNT(*) FROM audit_log WHERE actor = 'process-a' AND record_type = 'evaluations'");
  EXPECT_EQ(by_a->value_or(0), kFiles * kPerFile);
}

JIXIAO_BACKENDS(Commands);

TEST(SqliteCommands, AMissingFileIsNotCreatedByAccident) {
  const std::string missing = temp_path("nowhere.db");
  const CommandRun r = jixiao({"list", "--db", missing});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("不存在（请先运行 jixiao init 创建）"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(missing));
}

}  // namespace
}  // namespace jixiao::test

namespace jixiao::test {
namespace {

// The import's progress bar goes to standard error on a terminal only
// (`script` gives the command a pseudo-terminal); without one, stderr stays
// empty (checked in InitMigrateImportListShowExportAsAUserWould).
TEST(SqliteCommands, TheImportShowsAProgressBarOnATerminal) {
  if (access("/usr/bin/script", X_OK) != 0) GTEST_SKIP() << "util-linux script is missing";
  const std::string db = temp_path("progress.db");
  ASSERT_EQ(jixiao({"init", "--db", db}).exit_code, 0);
  const std::string command = std::string(JIXIAO_BINARY) + " import --db " + db + " " +
                              std::string(JIXIAO_SOURCE_DIR) + "/examples/report-002.json";
  const std::string out = temp_path("tty.txt");
  const std::string shell = "/usr/bin/script -qec '" + command + "' /dev/null > " + out;
  ASSERT_EQ(std::system(shell.c_str()), 0);
  const std::string screen = test::file_text(out);
  EXPECT_NE(screen.find("已处理 1/1 个文件"), std::string::npos) << screen;
  EXPECT_NE(screen.find("[####"), std::string::npos) << screen;
}

}  // namespace
}  // namespace jixiao::test
