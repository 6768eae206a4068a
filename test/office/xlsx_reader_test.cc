// The xlsx reader on workbooks written as raw XML: every value type, the
// Chinese date formats, missing `r` attributes, a wrong <dimension>, merged
// cells, sheets found through the relationships, and malformed input.
#include <gtest/gtest.h>

#include <fstream>

#include "office/xlsx_reader.h"
#include "test/office/xlsx_test_util.h"

namespace jixiao::office {
namespace {

using testing::RawSheet;
using testing::sheet_xml;
using testing::workbook;

Workbook read_ok(const std::string& bytes) {
  XlsxReader reader;
  Workbook wb;
  Status s = reader.read(bytes, wb);
  EXPECT_TRUE(s.ok()) << s.message();
  return wb;
}

std::string read_error(const std::string& bytes, const ZipLimits& limits = {}) {
  XlsxReader reader;
  Workbook wb;
  Status s = reader.read(bytes, wb, limits);
  EXPECT_FALSE(s.ok());
  return s.message();
}

TEST(CellNames, RoundTrip) {
  EXPECT_EQ(cell_name(13, 6), "G14");
  EXPECT_EQ(cell_name(0, 26), "AA1");
  EXPECT_EQ(column_name(16383), "XFD");
  uint32_t r = 0, c = 0;
  ASSERT_TRUE(parse_cell_name("$AB$12", r, c));
  EXPECT_EQ(r, 11u);
  EXPECT_EQ(c, 27u);
  EXPECT_FALSE(parse_cell_name("XFE1", r, c));  // beyond Excel's columns
  EXPECT_FALSE(parse_cell_name("A0", r, c));
  EXPECT_FALSE(parse_cell_name("A99999999", r, c));
  EXPECT_FALSE(parse_cell_name("1A", r, c));
}

TEST(XlsxReader, StringsOfEveryKind) {
  const std::string shared =
      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3">)"
      R"(<si><t>项目名称</t></si>)"
      R"(<si><r><rPr><b/></rPr><t>产出</t></r><r><t xml:space="preserve">指标 </t></r><rPh><t>チャン</t></rPh></si>)"
      R"(<si><t>第一行_x000D_
第二行</t></si></sst>)";
  const std::string data =
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>)"
      R"(<row r="2"><c r="A2" t="inlineStr"><is><t>内联文字</t></is></c>)"
      R"(<c r="B2" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c>)"
      R"(<c r="C2" t="str"><f>A1&amp;""</f><v>公式结果</v></c></row>)";
  const Workbook wb = read_ok(workbook({{"表", sheet_xml(data)}}, shared));
  const Sheet& s = wb.sheets.at(0);
  EXPECT_EQ(s.text_at(0, 0), "项目名称");
  EXPECT_EQ(s.text_at(0, 1), "产出指标 ");  // runs joined, phonetic text left out
  EXPECT_EQ(s.text_at(0, 2), "第一行\n第二行");
  EXPECT_EQ(s.text_at(1, 0), "内联文字");
  EXPECT_EQ(s.text_at(1, 1), "富文本");
  EXPECT_EQ(s.text_at(1, 2), "公式结果");
  EXPECT_EQ(s.at(1, 0)->type, CellType::text);
}

TEST(XlsxReader, NumbersBooleansErrorsPercentagesAndDates) {
  // cellXfs: 0 general, 1 0%, 2 date 14, 3 Chinese 年月日 (31), 4 年月 (57),
  // 5 custom yyyy"年"m"月"d"日", 6 custom 0.00%, 7 custom [Red]0.00 (not a date).
  const std::string styles =
      R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      R"(<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>)"
      R"(<numFmt numFmtId="165" formatCode="0.00%"/><numFmt numFmtId="166" formatCode="[Red]0.00"/></numFmts>)"
      R"(<cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="14"/><xf numFmtId="31"/>)"
      R"(<xf numFmtId="57"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs></styleSheet>)";
  const std::string data =
      R"(<row r="1"><c r="A1"><v>14.55</v></c><c r="B1" s="1"><v>0.95</v></c><c r="C1" t="b"><v>1</v></c>)"
      R"(<c r="D1" t="e"><v>#DIV/0!</v></c><c r="E1" s="6"><v>0.5</v></c><c r="F1" s="7"><v>12.5</v></c></row>)"
      R"(<row r="2"><c r="A2" s="2"><v>44561</v></c><c r="B2" s="3"><v>44561</v></c><c r="C2" s="4"><v>44561</v></c>)"
      R"(<c r="D2" s="5"><v>45292</v></c><c r="E2" s="2"><v>60</v></c><c r="F2"><v>-0</v></c></row>)";
  const Workbook wb = read_ok(workbook({{"表", sheet_xml(data)}}, "", styles));
  const Sheet& s = wb.sheets.at(0);
  EXPECT_EQ(s.text_at(0, 0), "14.55");
  EXPECT_EQ(s.at(0, 0)->number, 14.55);
  EXPECT_EQ(s.text_at(0, 1), "95%");
  EXPECT_TRUE(s.at(0, 1)->percent);
  EXPECT_EQ(s.text_at(0, 2), "TRUE");
  EXPECT_EQ(s.at(0, 2)->type, CellType::boolean);
  EXPECT_EQ(s.text_at(0, 3), "#DIV/0!");
  EXPECT_EQ(s.at(0, 3)->type, CellType::error);
  EXPECT_EQ(s.text_at(0, 4), "50%");
  EXPECT_EQ(s.text_at(0, 5), "12.5");  // [Red] is a colour, not a date
  EXPECT_EQ(s.text_at(1, 0), "2021年12月31日");
  EXPECT_EQ(s.text_at(1, 1), "2021年12月31日");
  EXPECT_EQ(s.text_at(1, 2), "2021年12月");
  EXPECT_EQ(s.text_at(1, 3), "2024年1月1日");
  EXPECT_EQ(s.at(1, 3)->type, CellType::date);
  EXPECT_EQ(s.text_at(1, 4), "1900年2月29日");  // Excel's fictitious leap day
  EXPECT_EQ(s.text_at(1, 5), "0");
}

TEST(XlsxReader, Date1904System) {
  const std::string styles =
      R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>)";
  const Workbook wb =
      read_ok(workbook({{"表", sheet_xml(R"(<row r="1"><c r="A1" s="1"><v>43099</v></c></row>)")}},
                       "", styles, R"(<workbookPr date1904="1"/>)"));
  EXPECT_EQ(wb.sheets[0].text_at(0, 0), "2021年12月31日");
}

TEST(XlsxReader, MissingReferencesAndWrongDimension) {
  // No r on rows or cells: positions follow the order; the dimension says A1.
  const std::string data =
      R"(<row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row>)"
      R"(<row><c/><c><v>2</v></c><c><v>3</v></c></row>)"
      R"(<row r="7"><c r="D7"><v>4</v></c><c><v>5</v></c></row>)";
  const Workbook wb = read_ok(workbook({{"表", sheet_xml(data)}}));
  const Sheet& s = wb.sheets[0];
  EXPECT_EQ(s.text_at(0, 0), "a");
  EXPECT_EQ(s.text_at(0, 1), "b");
  EXPECT_EQ(s.text_at(1, 1), "2");
  EXPECT_EQ(s.text_at(1, 2), "3");
  EXPECT_EQ(s.text_at(6, 3), "4");
  EXPECT_EQ(s.text_at(6, 4), "5");
  EXPECT_EQ(s.rows, 7u);
  EXPECT_EQ(s.cols, 5u);
}

TEST(XlsxReader, CellsOutOfOrderAreSortedAndLastWins) {
  const std::string data =
      R"(<row r="2"><c r="B2"><v>2</v></c></row><row r="1"><c r="C1"><v>1</v></c><c r="A1"><v>0</v></c></row>)"
      R"(<row r="2"><c r="B2"><v>9</v></c></row>)";
  const Sheet s = read_ok(workbook({{"表", sheet_xml(data)}})).sheets[0];
  ASSERT_EQ(s.cells.size(), 3u);
  EXPECT_EQ(s.text_at(0, 0), "0");
  EXPECT_EQ(s.text_at(0, 2), "1");
  EXPECT_EQ(s.text_at(1, 1), "9");
}

TEST(XlsxReader, MergedCellsShowTheirTopLeftValue) {
  const std::string data =
      R"(<row r="1"><c r="A1" t="inlineStr"><is><t>产出指标</t></is></c><c r="B1" t="inlineStr"><is><t>x</t></is></c></row>)"
      R"(<row r="3"><c r="B3" t="inlineStr"><is><t>y</t></is></c></row>)";
  const Sheet s =
      read_ok(
          workbook({{"表",
                     sheet_xml(data,
                               R"(<mergeCells count="1"><mergeCell ref="A1:A3"/></mergeCells>)")}}))
          .sheets[0];
  EXPECT_EQ(s.text_at(2, 0), "产出指标");
  EXPECT_EQ(s.at(2, 0), nullptr);  // the cell itself is empty
  ASSERT_NE(s.merged_at(1, 0), nullptr);
  EXPECT_EQ(s.merged_at(1, 0)->last_row, 2u);
  EXPECT_EQ(s.merged_at(1, 1), nullptr);
}

TEST(XlsxReader, SheetsThroughRelationshipsInWorkbookOrder) {
  // Part names that are not sheetN.xml, an absolute target, a hidden sheet,
  // and element prefixes.
  const std::string prefixed =
      R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>)";
  const Workbook wb = read_ok(workbook({{"封面", sheet_xml(""), "worksheets/cover.xml"},
                                        {"数据", prefixed, "/xl/data/main.xml"},
                                        {"旧表", sheet_xml(""), "", "hidden"}}));
  ASSERT_EQ(wb.sheets.size(), 3u);
  EXPECT_EQ(wb.sheets[0].name, "封面");
  EXPECT_EQ(wb.sheets[1].name, "数据");
  EXPECT_EQ(wb.sheets[1].text_at(0, 0), "7");
  EXPECT_TRUE(wb.sheets[2].hidden);
  EXPECT_FALSE(wb.sheets[1].hidden);
}

TEST(XlsxReader, FormulaWithoutCachedValueIsMarked) {
  const std::string data =
      R"(<row r="1"><c r="A1"><f>SUM(B1:B2)</f></c><c r="B1"><f>1+1</f><v></v></c></row>)";
  const Sheet s = read_ok(workbook({{"表", sheet_xml(data)}})).sheets[0];
  ASSERT_NE(s.at(0, 0), nullptr);
  EXPECT_TRUE(s.at(0, 0)->formula_without_value);
  EXPECT_EQ(s.at(0, 0)->type, CellType::empty);
  EXPECT_TRUE(s.at(0, 1)->formula_without_value);
}

TEST(XlsxReader, RefusesOleContainersWithAClearMessage) {
  // An encrypted workbook and a real .xls are both OLE compound files.
  std::string ole = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  ole.resize(4096, '\0');
  const std::string m = read_error(ole);
  EXPECT_NE(m.find("加密"), std::string::npos) << m;
  EXPECT_NE(m.find(".xls"), std::string::npos) << m;
}

TEST(XlsxReader, RefusesWhatIsNotAWorkbook) {
  EXPECT_NE(read_error("hello").find("不是 Excel 工作簿"), std::string::npos);
  EXPECT_NE(read_error("").find("不是 Excel 工作簿"), std::string::npos);
  // A zip that is no workbook (a .docx, say).
  ZipWriter zip;
  zip.add("word/document.xml", "<w:document/>");
  EXPECT_NE(read_error(zip.finish().value()).find("workbook.xml"), std::string::npos);
}

TEST(XlsxReader, TruncatedZipIsAnError) {
  const std::string good =
      workbook({{"表", sheet_xml(R"(<row r="1"><c r="A1"><v>1</v></c></row>)")}});
  for (size_t cut : {good.size() / 2, good.size() - 10, size_t{30}}) {
    EXPECT_NE(read_error(good.substr(0, cut)).find("损坏"), std::string::npos) << cut;
  }
}

TEST(XlsxReader, BrokenXmlNamesThePart) {
  const std::string m = read_error(workbook({{"表", "<worksheet><sheetData><row><c>"}}));
  EXPECT_NE(m.find("xl/worksheets/sheet1.xml"), std::string::npos) << m;
  EXPECT_NE(m.find("XML"), std::string::npos) << m;
}

TEST(XlsxReader, SharedStringIndexOutOfRangeNamesTheCell) {
  const std::string m =
      read_error(workbook({{"表", sheet_xml(R"(<row r="3"><c r="B3" t="s"><v>5</v></c></row>)")}},
                          R"(<sst><si><t>a</t></si></sst>)"));
  EXPECT_NE(m.find("B3"), std::string::npos) << m;
}

TEST(XlsxReader, HugeSharedStringsAreRefused) {
  // A shared-strings part above the part limit is refused, whatever its count says.
  std::string sst = R"(<sst count="1">)";
  while (sst.size() < (size_t{2} << 20)) sst += "<si><t>重复的很长的文字重复的很长的文字</t></si>";
  sst += "</sst>";
  ZipLimits limits;
  limits.max_part_bytes = size_t{1} << 20;
  const std::string m = read_error(workbook({{"表", sheet_xml("")}}, sst), limits);
  EXPECT_NE(m.find("xl/sharedStrings.xml"), std::string::npos) << m;
  EXPECT_NE(m.find("超过"), std::string::npos) << m;
}

TEST(XlsxReader, ZipBombIsRefused) {
  // 8 MiB of the same byte compresses a thousandfold.
  std::string bomb = sheet_xml("");
  bomb.insert(bomb.size() - 12, std::string(size_t{8} << 20, ' '));
  const std::string m = read_error(workbook({{"表", bomb}}));
  EXPECT_NE(m.find("压缩"), std::string::npos) << m;
}

TEST(XlsxReader, OutOfRangeRowsAndColumnsAreErrors) {
  EXPECT_NE(read_error(workbook({{"表", sheet_xml(R"(<row r="2000000"><c><v>1</v></c></row>)")}}))
                .find("超出"),
            std::string::npos);
  EXPECT_NE(
      read_error(workbook({{"表", sheet_xml(R"(<row r="1"><c r="ZZZZ1"><v>1</v></c></row>)")}}))
          .find("ZZZZ1"),
      std::string::npos);
}

}  // namespace
}  // namespace jixiao::office
