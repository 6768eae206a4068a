// Helpers for the office tests: workbooks built from raw SpreadsheetML, so
// that each test shows exactly the XML it reads.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "office/zip_archive.h"

namespace jixiao::office::testing {

struct RawSheet {
  RawSheet(std::string n, std::string x, std::string p = "", std::string s = "")
      : name(std::move(n)), xml(std::move(x)), part(std::move(p)), state(std::move(s)) {}
  std::string name;
  std::string xml;    // the whole worksheet part
  std::string part;   // defaults to worksheets/sheetN.xml
  std::string state;  // "hidden" or ""
};

inline std::string sheet_xml(const std::string& sheet_data, const std::string& extra = "") {
  return R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1"/><sheetData>)" +
         sheet_data + "</sheetData>" + extra + "</worksheet>";
}

// A package with the given sheets, shared strings and styles (empty: none).
inline std::string workbook(const std::vector<RawSheet>& sheets, const std::string& shared = "",
                            const std::string& styles = "", const std::string& workbook_pr = "") {
  ZipWriter zip;
  std::string types =
      R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>)";
  zip.add("[Content_Types].xml", types);
  zip.add(
      "_rels/.rels",
      R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)");
  std::string wb =
      R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)" +
      workbook_pr + "<sheets>";
  std::string rels =
      R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  for (size_t i = 0; i < sheets.size(); ++i) {
    const std::string id = "rId" + std::to_string(i + 10);
    const std::string part = sheets[i].part.empty()
                                 ? "worksheets/sheet" + std::to_string(i + 1) + ".xml"
                                 : sheets[i].part;
    wb += "<sheet name=\"" + sheets[i].name + "\" sheetId=\"" + std::to_string(i + 1) +
          "\" r:id=\"" + id + "\"" +
          (sheets[i].state.empty() ? "" : " state=\"" + sheets[i].state + "\"") + "/>";
    rels +=
        "<Relationship Id=\"" + id +
        "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
        "Target=\"" +
        part + "\"/>";
    const std::string stored = part[0] == '/' ? part.substr(1) : "xl/" + part;
    zip.add(stored, sheets[i].xml);
  }
  if (!shared.empty()) {
    rels +=
        R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)";
    zip.add("xl/sharedStrings.xml", shared);
  }
  if (!styles.empty()) {
    rels +=
        R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)";
    zip.add("xl/styles.xml", styles);
  }
  wb += "</sheets></workbook>";
  rels += "</Relationships>";
  zip.add("xl/workbook.xml", wb);
  zip.add("xl/_rels/workbook.xml.rels", rels);
  return std::move(zip.finish().value());
}

}  // namespace jixiao::office::testing
