#include "audit/docx_reader.h"

#include <pugixml.hpp>

#include <cstring>
#include <vector>

#include "audit/text_reader.h"
#include "office/zip_archive.h"

namespace jixiao::audit {
namespace {

bool named(const pugi::xml_node& n, const char* local) {
  const char* name = n.name();
  const char* colon = std::strchr(name, ':');
  return std::strcmp(colon ? colon + 1 : name, local) == 0;
}

// The text of a paragraph (or of any element holding runs), without
// recursion: deep nesting in a hostile file must not exhaust the stack.
void append_runs(const pugi::xml_node& root, std::string& out) {
  std::vector<pugi::xml_node> stack;
  for (pugi::xml_node c = root.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
  while (!stack.empty()) {
    const pugi::xml_node n = stack.back();
    stack.pop_back();
    if (n.type() != pugi::node_element) continue;
    if (named(n, "t")) {
      out += n.text().get();
    } else if (named(n, "tab")) {
      out += '\t';
    } else if (named(n, "br") || named(n, "cr")) {
      out += '\n';
    } else if (named(n, "del") || named(n, "instrText") || named(n, "delText") || named(n, "pPr") ||
               named(n, "rPr")) {
      // Deleted text, field codes and properties are not the document's text.
    } else {
      for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
    }
  }
}

void trim_cell_paragraph(std::string& s) {
  size_t b = 0;
  while (b < s.size() && (s[b] == '\t' || s[b] == ' ' || s[b] == '\n')) ++b;
  size_t e = s.size();
  while (e > b && (s[e - 1] == '\t' || s[e - 1] == ' ' || s[e - 1] == '\n')) --e;
  s = s.substr(b, e - b);
}

// Every paragraph below `cell` (nested tables included), in order.
std::string cell_text(const pugi::xml_node& cell) {
  std::string out;
  std::vector<pugi::xml_node> stack;
  for (pugi::xml_node c = cell.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
  while (!stack.empty()) {
    const pugi::xml_node n = stack.back();
    stack.pop_back();
    if (n.type() != pugi::node_element || named(n, "tcPr")) continue;
    if (named(n, "p")) {
      std::string p;
      append_runs(n, p);
      // A cell's lines become continuation lines of the text form: no tabs
      // in front, none empty.
      size_t start = 0;
      while (start <= p.size()) {
        size_t end = p.find('\n', start);
        if (end == std::string::npos) end = p.size();
        std::string line = p.substr(start, end - start);
        trim_cell_paragraph(line);
        if (!line.empty()) {
          if (!out.empty()) out += '\n';
          out += line;
        }
        start = end + 1;
      }
      continue;
    }
    for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
  }
  return out;
}

void append_table(const pugi::xml_node& table, std::string& out) {
  for (pugi::xml_node tr : table.children()) {
    if (!named(tr, "tr")) continue;
    bool any = false;
    for (pugi::xml_node tc : tr.children()) {
      // Cells may sit inside a content control of the row.
      if (named(tc, "sdt")) tc = tc.child("w:sdtContent").child("w:tc");
      if (!tc || !named(tc, "tc")) continue;
      out += '\t';
      out += cell_text(tc);
      out += '\n';
      any = true;
    }
    if (any) out += '\n';
  }
  out += '\n';
}

// Body-level content in order; content controls (w:sdt) are opened.
void append_body(const pugi::xml_node& body, std::string& out) {
  std::vector<pugi::xml_node> stack;
  for (pugi::xml_node c = body.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
  while (!stack.empty()) {
    const pugi::xml_node n = stack.back();
    stack.pop_back();
    if (n.type() != pugi::node_element) continue;
    if (named(n, "p")) {
      std::string p;
      append_runs(n, p);
      out += p;
      out += '\n';
    } else if (named(n, "tbl")) {
      append_table(n, out);
    } else if (named(n, "sdt") || named(n, "sdtContent") || named(n, "customXml") ||
               named(n, "smartTag")) {
      for (pugi::xml_node c = n.last_child(); c; c = c.previous_sibling()) stack.push_back(c);
    }
  }
}

}  // namespace

Result<std::string> docx_text(std::string_view bytes, const std::string& name) {
  const std::string where = "文件 " + name + "：";
  switch (office::sniff_container(bytes)) {
    case office::ContainerKind::ole:
      return Status::error(where +
                           "是加密的或旧版（.doc）Word 文件，无法读取；请另存为未加密的 .docx");
    case office::ContainerKind::other:
      return Status::error(where + "不是 .docx 文件（不是 zip 格式）");
    case office::ContainerKind::zip:
      break;
  }
  office::ZipLimits limits;
  limits.max_part_bytes = kMaxDocumentXml;
  office::ZipReader zip;
  if (Status s = zip.open(bytes, limits); !s.ok()) return s.within(where);
  if (!zip.has("word/document.xml")) {
    if (zip.has("xl/workbook.xml")) {
      return Status::error(where + "是 Excel 工作簿，不是报告；自评表请用 jixiao score 评分");
    }
    return Status::error(where + "不是 Word 文档（缺少 word/document.xml）");
  }
  std::string xml;
  if (Status s = zip.read("word/document.xml", xml); !s.ok()) return s.within(where);
  zip.close();
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed =
      doc.load_buffer_inplace(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    return Status::error(where + "word/document.xml 不是有效的 XML（" + parsed.description() +
                         "）");
  }
  pugi::xml_node body = doc.document_element().child("w:body");
  if (!body) {
    for (pugi::xml_node c : doc.document_element().children()) {
      if (named(c, "body")) body = c;
    }
  }
  if (!body) return Status::error(where + "word/document.xml 中没有正文（w:body）");
  std::string out;
  append_body(body, out);
  return out;
}

Result<Document> read_docx(std::string_view bytes, const std::string& name) {
  Result<std::string> text = docx_text(bytes, name);
  if (!text.ok()) return text.status();
  return read_text(*text);
}

}  // namespace jixiao::audit
