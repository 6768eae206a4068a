// The audit corpus: every report in test/audit/reports/ (reports in other
// shapes than the samples, written with their expectations), the three real
// sample reports in test/audit/samples/ and further shapes in
// test/audit/shapes/, one test case per report. A
// NAME.docx.txt report is first converted to .docx by LibreOffice (fresh
// profile per run), as a user would save the exported text in Word.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/pdf_export.h"
#include "audit/audit.h"
#include "format/rule_set_json.h"
#include "test/audit/expectations.h"
#include "test/support/examples.h"
#include "test/support/file_text.h"
#include "test/support/temp_path.h"

namespace jixiao::test {
namespace {

namespace fs = std::filesystem;

struct Case {
  std::string name;  // test name
  fs::path expect;   // NAME.expect
  fs::path report;   // NAME.txt or NAME.docx.txt
  bool to_docx = false;
};

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const char* folder : {"test/audit/reports", "test/audit/samples", "test/audit/shapes"}) {
    const fs::path dir = fs::path(JIXIAO_SOURCE_DIR) / folder;
    if (!fs::is_directory(dir)) continue;
    std::vector<fs::path> expects;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() == ".expect") expects.push_back(entry.path());
    }
    std::sort(expects.begin(), expects.end());
    for (const fs::path& e : expects) {
      Case c;
      c.expect = e;
      const std::string stem = e.stem().string();
      c.report = e.parent_path() / (stem + ".txt");
      if (!fs::exists(c.report)) {
        c.report = e.parent_path() / (stem + ".docx.txt");
        c.to_docx = true;
      }
      const std::string f(folder);
      c.name = (f.ends_with("samples") ? "sample_" : f.ends_with("shapes") ? "shape_" : "") + stem;
      for (char& ch : c.name) {
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      }
      out.push_back(c);
    }
  }
  return out;
}

// LibreOffice converts the exported text to .docx: each line a paragraph.
std::string text_to_docx(const fs::path& text, const fs::path& dir) {
  const std::string soffice = app::find_soffice();
  if (soffice.empty()) return "";
  const fs::path input = dir / "report.txt";
  fs::copy_file(text, input, fs::copy_options::overwrite_existing);
  const std::string command = soffice + " -env:UserInstallation=file://" +
                              (dir / "profile").string() +
                              " --headless --norestore --infilter='Text (encoded):UTF8,LF,,,'"
                              " --convert-to 'docx:MS Word 2007 XML' --outdir " +
                              dir.string() + " " + input.string() + " > /dev/null 2>&1";
  if (std::system(command.c_str()) != 0) return "";
  return test::file_text(dir / "report.docx");
}

class AuditCorpus : public ::testing::TestWithParam<Case> {};

TEST_P(AuditCorpus, FindsWhatTheExpectationSays) {
  const Case& c = GetParam();
  std::string bytes;
  std::string name = c.report.string();
  if (c.to_docx) {
    if (app::find_soffice().empty()) {
      if (std::getenv("CI") != nullptr) FAIL() << "LibreOffice is installed by scripts/setup.sh";
      GTEST_SKIP() << "LibreOffice is not installed";
    }
    const fs::path dir = fs::path(test::temp_path("audit"));
    fs::create_directories(dir);
    bytes = text_to_docx(c.report, dir);
    name = (dir / "report.docx").string();
    fs::remove_all(dir);
    ASSERT_FALSE(bytes.empty()) << "LibreOffice did not convert " << c.report;
    ASSERT_EQ(bytes.substr(0, 2), "PK");
  } else {
    bytes = test::file_text(c.report);
  }
  Result<audit::Document> doc = audit::read_report(bytes, name);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  const audit::Audit a = audit::audit_document(*doc, test::national());
  const std::vector<Expectation> expected = read_expectations(c.expect.string());
  ASSERT_FALSE(expected.empty()) << c.expect;
  for (const std::string& problem : check_expectations(expected, a)) {
    ADD_FAILURE() << c.expect.filename().string() << " " << problem;
  }
}

INSTANTIATE_TEST_SUITE_P(Reports, AuditCorpus, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& p) { return p.param.name; });

}  // namespace
}  // namespace jixiao::test
