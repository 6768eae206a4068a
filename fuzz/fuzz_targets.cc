#include "fuzz/fuzz_targets.h"

#include <cstring>
#include <string>
#include <string_view>

#include "audit/audit.h"
#include "core/engine.h"
#include "core/monitoring.h"
#include "core/value.h"
#include "core/words.h"
#include "format/evaluation_reader.h"
#include "format/evaluation_writer.h"
#include "format/json_writer.h"
#include "format/rule_set_json.h"
#include "format/scorecard_json.h"
#include "format/scorecard_text.h"
#include "office/workbook_import.h"
#include "office/zip_archive.h"
#include "report/docx_renderer.h"
#include "report/report_builder.h"

namespace jixiao::fuzz {
namespace {

const core::RuleSet& rules() {
  static const core::RuleSet r = *format::load_rule_set("national-2020");
  return r;
}

void score_and_write(const core::Evaluation& e) {
  const core::ScoreCard card = core::score(e, rules());
  std::string out;
  format::JsonWriter w(out);
  format::write_scorecard_json(w, e, card, rules(), "fuzz");
  format::write_scorecard_text(out, e, card, rules(), "fuzz");
}

// The reader's memory of values (and its shortcuts) must read every text as
// parse_value does: a difference is a crash for the fuzzer.
void check_value_reader(std::string_view written, const core::Value& expected) {
  static core::ValueReader reader;
  core::Value v;
  for (int round = 0; round < 2; ++round) {  // read, then remembered
    reader.read(written, v);
    const bool same = v.kind == expected.kind && v.op == expected.op &&
                      std::memcmp(&v.number, &expected.number, sizeof v.number) == 0 &&
                      std::memcmp(&v.factor, &expected.factor, sizeof v.factor) == 0 &&
                      std::memcmp(&v.upper, &expected.upper, sizeof v.upper) == 0 &&
                      v.unit == expected.unit && v.unit_known == expected.unit_known &&
                      v.words_after == expected.words_after && v.decimals == expected.decimals &&
                      v.label == expected.label && v.date.year == expected.date.year &&
                      v.date.month == expected.date.month && v.date.day == expected.date.day &&
                      v.text == expected.text;
    if (!same) __builtin_trap();
  }
}

}  // namespace

void value(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // Split the input into a target, an actual and the indicator's name at the
  // first two newlines: readings such as "无投诉" for 投诉次数 or "调查300人，
  // 满意285人" for 满意度 depend on the name.
  const size_t nl = text.find('\n');
  const std::string_view target = text.substr(0, nl);
  std::string_view actual = nl == std::string_view::npos ? "" : text.substr(nl + 1);
  const size_t name_at = actual.find('\n');
  const std::string_view name =
      name_at == std::string_view::npos ? std::string_view("指标") : actual.substr(name_at + 1);
  actual = actual.substr(0, name_at);
  core::Value v = core::parse_value(target);
  check_value_reader(target, v);
  core::classify_words(v.text, rules());
  core::Evaluation e;
  e.title = "fuzz";
  core::Indicator leaf;
  leaf.name = std::string(name);
  leaf.weight = 10;
  leaf.target_text = std::string(target);
  leaf.actual_text = std::string(actual);
  leaf.target = v;
  core::as_target(leaf.target);
  leaf.actual = core::parse_value(actual);
  e.add_indicator(std::move(leaf));
  score_and_write(e);
  // The monitoring lights read the same cells (a month from the input's size).
  (void)core::monitor(e, 1 + static_cast<int>(size % 12), rules());
}

void evaluation(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  format::EvaluationReader reader;
  const bool json_lines = size > 0 && (data[0] & 1) != 0 && data[0] != '{';
  (void)reader.read_text(text, "fuzz", json_lines, [](core::Evaluation& e, size_t) {
    score_and_write(e);
    return Status();
  });
}

void rule_set(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Result<core::RuleSet> r = format::rule_set_from_json(text, "fuzz");
  if (!r.ok()) return;
  // One leaf of each kind the engine tells apart, a category, a budget, stated
  // scores: what a bureau's rule set decides for.
  static const core::Evaluation e = *format::parse_evaluation(R"({"title":"t","kind":"self",
    "budget":{"adjusted":100,"executed":"55","stated_rate":"55%","stated_score":5.5},
    "indicators":[{"name":"产出","weight":60,"stated_score":50,"children":[
      {"name":"企业数","weight":10,"target":"≥100家","actual":"97家","stated_score":9.7},
      {"name":"控制率","weight":10,"target":"5%","actual":"8%"},
      {"name":"质量","weight":10,"target":"优","actual":"良"},
      {"name":"效果","weight":10,"target":"达成预期指标","actual":"基本达成预期指标","stated_score":7},
      {"name":"按时","weight":10,"target":"2021年9月前","actual":"2021年10月"},
      {"name":"是否","weight":5,"target":"是","actual":"否"},
      {"name":"投诉","weight":5,"target":"≤3件","actual":"4件","kind":"linear_deduction"}]},
      {"name":"满意度","weight":30,"children":[
      {"name":"满意度","weight":30,"target":"≥90%","actual":"/"}]}],
    "stated_total":80,"stated_grade":"良"})");
  const core::ScoreCard card = core::score(e, *r);
  std::string out;
  format::JsonWriter w(out);
  format::write_scorecard_json(w, e, card, *r, "fuzz");
  format::write_scorecard_text(out, e, card, *r, "fuzz");
  (void)format::rule_set_to_json(*r);
}

namespace {

// The fixed parts of a workbook around a fuzzed sheet: percentages, dates in
// Chinese formats and a custom 年月日 format among the styles.
std::string wrap_sheet(std::string_view sheet, std::string_view shared) {
  office::ZipWriter zip;
  zip.add("[Content_Types].xml", "<Types/>");
  zip.add(
      "_rels/.rels",
      R"(<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)");
  zip.add(
      "xl/workbook.xml",
      R"(<workbook xmlns:r="r"><sheets><sheet name="项目支出绩效自评表" sheetId="1" r:id="rId1"/></sheets></workbook>)");
  zip.add(
      "xl/_rels/workbook.xml.rels",
      R"(<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>)");
  zip.add(
      "xl/styles.xml",
      R"(<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="31"/><xf numFmtId="164"/><xf numFmtId="57"/></cellXfs></styleSheet>)");
  zip.add("xl/worksheets/sheet1.xml", std::string(sheet));
  zip.add("xl/sharedStrings.xml", std::string(shared));
  auto bytes = zip.finish();
  return bytes.ok() ? std::move(bytes.value()) : std::string();
}

}  // namespace

void xlsx(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string wrapped;
  std::string_view bytes = input;
  if (office::sniff_container(input) == office::ContainerKind::other) {
    const size_t nul = input.find('\0');
    wrapped =
        wrap_sheet(input.substr(0, nul),
                   nul == std::string_view::npos ? std::string_view() : input.substr(nul + 1));
    bytes = wrapped;
  }
  office::WorkbookImporter importer;
  (void)importer.read_bytes(bytes, "fuzz", [](office::ImportedEvaluation& imported, size_t) {
    core::ScoreCard card = core::score(imported.evaluation, rules());
    std::vector<core::Finding> findings = core::findings(imported.evaluation, card, rules());
    office::locate_findings(imported.source, imported.evaluation, findings);
    const report::Narrative narrative;
    const report::ReportInput in{imported.evaluation, card, rules(), narrative, imported.text};
    (void)report::render_docx(report::build_report(in));
    (void)report::render_docx(report::build_self_evaluation_table(in));
    return Status();
  });
}

namespace {

void audit_bytes(std::string_view bytes) {
  Result<audit::Document> doc = audit::read_report(bytes, "fuzz");
  if (!doc.ok()) return;
  const audit::Audit a = audit::audit_document(*doc, rules());
  (void)audit::audit_text(a, "fuzz");
  (void)audit::audit_json(a, "fuzz");
  (void)format::evaluation_to_json(a.extracted.evaluation);
}

}  // namespace

void audit(const uint8_t* data, size_t size) {
  audit_bytes(std::string_view(reinterpret_cast<const char*>(data), size));
}

void audit_docx(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (office::sniff_container(input) != office::ContainerKind::other) {
    audit_bytes(input);
    return;
  }
  office::ZipWriter zip;
  zip.add(
      "[Content_Types].xml",
      R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)");
  zip.add("word/document.xml", std::string(input));
  Result<std::string> bytes = zip.finish();
  if (bytes.ok()) audit_bytes(*bytes);
}

}  // namespace jixiao::fuzz
