#include "office/docx_writer.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdio>

#include "office/docx_parts.h"
#include "office/zip_archive.h"

namespace jixiao::office {

namespace {

// Valid UTF-8 that XML 1.0 can hold: invalid bytes and control characters
// (other than tab and newline) are dropped.
std::string xml_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xE  ? 3
                 : (c >> 3) == 0x1E ? 4
                                    : 0;
    if (len == 0 || i + len > s.size()) {
      ++i;
      continue;
    }
    bool ok = true;
    for (size_t k = 1; k < len; ++k) ok &= (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (!ok) {
      ++i;
      continue;
    }
    if (len == 1 && c < 0x20 && c != '\t' && c != '\n') {
      ++i;
      continue;
    }
    // U+FFFE and U+FFFF are not characters.
    if (len == 3 && c == 0xEF && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        static_cast<unsigned char>(s[i + 2]) >= 0xBE) {
      i += 3;
      continue;
    }
    out.append(s, i, len);
    i += len;
  }
  return out;
}

const char* style_id(ParagraphStyle s) {
  switch (s) {
    case ParagraphStyle::body:
      return nullptr;
    case ParagraphStyle::plain:
      return "Plain";
    case ParagraphStyle::title:
      return "Title";
    case ParagraphStyle::subtitle:
      return "Subtitle";
    case ParagraphStyle::center:
      return "Center";
    case ParagraphStyle::caption:
      return "Caption";
    case ParagraphStyle::note:
      return "Note";
    case ParagraphStyle::heading1:
      return "Heading1";
    case ParagraphStyle::heading2:
      return "Heading2";
    case ParagraphStyle::heading3:
      return "Heading3";
  }
  return nullptr;
}

const char* align_value(CellAlign a) {
  return a == CellAlign::left ? "left" : a == CellAlign::right ? "right" : "center";
}

void set(pugi::xml_node n, const char* attr, const char* value) {
  n.append_attribute(attr).set_value(value);
}
void set(pugi::xml_node n, const char* attr, int value) {
  n.append_attribute(attr).set_value(value);
}
void set(pugi::xml_node n, const char* attr, long long value) {
  n.append_attribute(attr).set_value(value);
}

pugi::xml_node val(pugi::xml_node parent, const char* name, const char* value) {
  pugi::xml_node n = parent.append_child(name);
  set(n, "w:val", value);
  return n;
}

// Runs of text; a newline starts a line break inside the paragraph.
void append_text_run(pugi::xml_node p, std::string_view text, bool bold, bool highlight,
                     int half_points) {
  pugi::xml_node r = p.append_child("w:r");
  if (bold || highlight || half_points > 0) {
    pugi::xml_node rpr = r.append_child("w:rPr");
    if (bold) {
      rpr.append_child("w:b");
      rpr.append_child("w:bCs");
    }
    if (highlight) val(rpr, "w:highlight", "yellow");
    if (half_points > 0) {
      val(rpr, "w:sz", std::to_string(half_points).c_str());
      val(rpr, "w:szCs", std::to_string(half_points).c_str());
    }
  }
  const std::string clean = xml_text(text);
  size_t start = 0;
  for (;;) {
    const size_t nl = clean.find('\n', start);
    const std::string part =
        clean.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    pugi::xml_node t = r.append_child("w:t");
    set(t, "xml:space", "preserve");
    t.text().set(part.c_str());
    if (nl == std::string::npos) break;
    r.append_child("w:br");
    start = nl + 1;
  }
}

}  // namespace

struct DocxWriter::Impl {
  pugi::xml_document doc;
  pugi::xml_node body;
  long long next_id = 1;  // drawing and shape ids

  Impl() {
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    set(decl, "version", "1.0");
    set(decl, "encoding", "UTF-8");
    set(decl, "standalone", "yes");
    pugi::xml_node root = doc.append_child("w:document");
    for (size_t i = 0; i < docx_parts::kDocumentNamespaceCount; ++i) {
      set(root, std::string(docx_parts::kDocumentNamespaces[i][0]).c_str(),
          std::string(docx_parts::kDocumentNamespaces[i][1]).c_str());
    }
    body = root.append_child("w:body");
  }

  pugi::xml_node paragraph(pugi::xml_node parent, const char* style, const char* jc = nullptr) {
    pugi::xml_node p = parent.append_child("w:p");
    if (style != nullptr || jc != nullptr) {
      pugi::xml_node ppr = p.append_child("w:pPr");
      if (style != nullptr) val(ppr, "w:pStyle", style);
      if (jc != nullptr) val(ppr, "w:jc", jc);
    }
    return p;
  }

  void cell(pugi::xml_node tr, const DocxTable& t, const DocxCell& c, int width, int span,
            const char* vmerge, bool header_row) {
    pugi::xml_node tc = tr.append_child("w:tc");
    pugi::xml_node pr = tc.append_child("w:tcPr");
    pugi::xml_node w = pr.append_child("w:tcW");
    set(w, "w:w", width);
    set(w, "w:type", "dxa");
    if (span > 1) val(pr, "w:gridSpan", std::to_string(span).c_str());
    if (vmerge != nullptr) {
      pugi::xml_node vm = pr.append_child("w:vMerge");
      if (*vmerge != '\0') set(vm, "w:val", vmerge);
    }
    if (c.header || header_row) {
      pugi::xml_node shd = pr.append_child("w:shd");
      set(shd, "w:val", "clear");
      set(shd, "w:color", "auto");
      set(shd, "w:fill", "E7E6E6");
    }
    val(pr, "w:vAlign", "center");
    if (vmerge != nullptr && *vmerge == '\0') {
      tc.append_child("w:p");  // a continued merge holds an empty paragraph
      return;
    }
    // One paragraph per line of the cell's text.
    std::string_view text = c.text;
    for (;;) {
      const size_t nl = text.find('\n');
      pugi::xml_node p = paragraph(tc, "TableText", align_value(c.align));
      const std::string_view line = text.substr(0, nl);
      if (!line.empty()) {
        append_text_run(p, line, c.header || header_row, false,
                        t.font_half_points != 21 ? t.font_half_points : 0);
      }
      if (nl == std::string_view::npos) break;
      text.remove_prefix(nl + 1);
    }
  }

  void table(const DocxTable& t) {
    const int cols = static_cast<int>(t.widths.size());
    if (cols == 0 || t.rows.empty()) return;
    pugi::xml_node tbl = body.append_child("w:tbl");
    pugi::xml_node pr = tbl.append_child("w:tblPr");
    pugi::xml_node tw = pr.append_child("w:tblW");
    set(tw, "w:w", 0);
    set(tw, "w:type", "auto");
    val(pr, "w:jc", "center");
    pugi::xml_node borders = pr.append_child("w:tblBorders");
    for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
      pugi::xml_node b = borders.append_child(side);
      set(b, "w:val", "single");
      set(b, "w:sz", 4);
      set(b, "w:space", 0);
      set(b, "w:color", "000000");
    }
    pugi::xml_node layout = pr.append_child("w:tblLayout");
    set(layout, "w:type", "fixed");
    pugi::xml_node grid = tbl.append_child("w:tblGrid");
    for (int w : t.widths) set(grid.append_child("w:gridCol"), "w:w", w);
    // Which origin cell covers each position.
    const int rows = static_cast<int>(t.rows.size());
    std::vector<std::pair<int, int>> owner(static_cast<size_t>(rows * cols), {-1, -1});
    for (int r = 0; r < rows; ++r) {
      for (int c = 0; c < cols && c < static_cast<int>(t.rows[r].size()); ++c) {
        const DocxCell& cell = t.rows[r][c];
        if (cell.covered || owner[static_cast<size_t>(r * cols + c)].first >= 0) continue;
        for (int rr = r; rr < std::min(rows, r + std::max(1, cell.row_span)); ++rr) {
          for (int cc = c; cc < std::min(cols, c + std::max(1, cell.col_span)); ++cc) {
            owner[static_cast<size_t>(rr * cols + cc)] = {r, c};
          }
        }
      }
    }
    for (int r = 0; r < rows; ++r) {
      pugi::xml_node tr = tbl.append_child("w:tr");
      pugi::xml_node trpr = tr.append_child("w:trPr");
      trpr.append_child("w:cantSplit");
      const bool header_row = r < t.header_rows;
      if (header_row) trpr.append_child("w:tblHeader");
      for (int c = 0; c < cols;) {
        const auto [orow, ocol] = owner[static_cast<size_t>(r * cols + c)];
        if (orow < 0) {
          // A hole: an empty cell keeps the grid whole.
          cell(tr, t, DocxCell{}, t.widths[c], 1, nullptr, header_row);
          ++c;
          continue;
        }
        const DocxCell& origin = t.rows[orow][ocol];
        const int span = std::min(cols - ocol, std::max(1, origin.col_span));
        int width = 0;
        for (int k = ocol; k < ocol + span; ++k) width += t.widths[k];
        const bool vertical = origin.row_span > 1;
        if (orow == r && ocol == c) {
          cell(tr, t, origin, width, span, vertical ? "restart" : nullptr, header_row);
        } else if (ocol == c) {
          cell(tr, t, origin, width, span, "", header_row);
        }
        c = ocol + span;
      }
    }
    // Word needs a paragraph between two tables and after the last one.
    body.append_child("w:p");
  }

  void shape(pugi::xml_node group, const DocxShape& s) {
    pugi::xml_node sp = group.append_child("wps:wsp");
    pugi::xml_node nv = sp.append_child("wps:cNvPr");
    set(nv, "id", next_id++);
    set(nv, "name",
        s.kind == DocxShape::label  ? "文字"
        : s.kind == DocxShape::line ? "线"
                                    : "矩形");
    if (s.kind == DocxShape::line) {
      sp.append_child("wps:cNvCnPr");
    } else {
      pugi::xml_node c = sp.append_child("wps:cNvSpPr");
      if (s.kind == DocxShape::label) set(c, "txBox", 1);
    }
    pugi::xml_node pr = sp.append_child("wps:spPr");
    pugi::xml_node xfrm = pr.append_child("a:xfrm");
    long long x = s.x, y = s.y, cx = s.cx, cy = s.cy;
    if (s.kind == DocxShape::line) {
      if (cx < 0) {
        x += cx;
        cx = -cx;
        set(xfrm, "flipH", 1);
      }
      if (cy < 0) {
        y += cy;
        cy = -cy;
        set(xfrm, "flipV", 1);
      }
    }
    pugi::xml_node off = xfrm.append_child("a:off");
    set(off, "x", x);
    set(off, "y", y);
    pugi::xml_node ext = xfrm.append_child("a:ext");
    set(ext, "cx", cx);
    set(ext, "cy", cy);
    pugi::xml_node geom = pr.append_child("a:prstGeom");
    set(geom, "prst", s.kind == DocxShape::line ? "line" : "rect");
    geom.append_child("a:avLst");
    if (s.kind == DocxShape::rect) {
      set(pr.append_child("a:solidFill").append_child("a:srgbClr"), "val", s.fill.c_str());
      pr.append_child("a:ln").append_child("a:noFill");
    } else if (s.kind == DocxShape::line) {
      pugi::xml_node ln = pr.append_child("a:ln");
      set(ln, "w", 9525);
      set(ln.append_child("a:solidFill").append_child("a:srgbClr"), "val", s.fill.c_str());
      if (s.dashed) set(ln.append_child("a:prstDash"), "val", "dash");
    } else {
      pr.append_child("a:noFill");
      pr.append_child("a:ln").append_child("a:noFill");
      pugi::xml_node content = sp.append_child("wps:txbx").append_child("w:txbxContent");
      pugi::xml_node p = paragraph(content, "TableText", align_value(s.align));
      pugi::xml_node ppr = p.child("w:pPr");
      pugi::xml_node spacing = ppr.append_child("w:spacing");
      set(spacing, "w:line", 240);
      set(spacing, "w:lineRule", "auto");
      pugi::xml_node r = p.append_child("w:r");
      pugi::xml_node rpr = r.append_child("w:rPr");
      if (s.bold) rpr.append_child("w:b");
      set(rpr.append_child("w:color"), "w:val", s.fill.c_str());
      val(rpr, "w:sz", std::to_string(s.font_half_points).c_str());
      val(rpr, "w:szCs", std::to_string(s.font_half_points).c_str());
      pugi::xml_node t = r.append_child("w:t");
      set(t, "xml:space", "preserve");
      t.text().set(xml_text(s.text).c_str());
    }
    pugi::xml_node body_pr = sp.append_child("wps:bodyPr");
    if (s.kind == DocxShape::label) {
      for (const char* inset : {"lIns", "tIns", "rIns", "bIns"}) set(body_pr, inset, 0);
      set(body_pr, "anchor", "ctr");
      set(body_pr, "wrap", "square");
    }
  }

  void drawing(const DocxDrawing& d) {
    pugi::xml_node p = paragraph(body, "Center");
    pugi::xml_node ac = p.append_child("w:r").append_child("mc:AlternateContent");
    pugi::xml_node choice = ac.append_child("mc:Choice");
    set(choice, "Requires", "wpg");
    pugi::xml_node inline_ = choice.append_child("w:drawing").append_child("wp:inline");
    for (const char* dist : {"distT", "distB", "distL", "distR"}) set(inline_, dist, 0);
    pugi::xml_node extent = inline_.append_child("wp:extent");
    set(extent, "cx", d.cx);
    set(extent, "cy", d.cy);
    pugi::xml_node doc_pr = inline_.append_child("wp:docPr");
    set(doc_pr, "id", next_id++);
    set(doc_pr, "name", xml_text(d.name).c_str());
    set(doc_pr, "descr", xml_text(d.name).c_str());
    inline_.append_child("wp:cNvGraphicFramePr");
    pugi::xml_node graphic = inline_.append_child("a:graphic");
    pugi::xml_node data = graphic.append_child("a:graphicData");
    set(data, "uri", "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup");
    pugi::xml_node group = data.append_child("wpg:wgp");
    group.append_child("wpg:cNvGrpSpPr");
    pugi::xml_node xfrm = group.append_child("wpg:grpSpPr").append_child("a:xfrm");
    for (const char* name : {"a:off", "a:chOff"}) {
      pugi::xml_node n = xfrm.append_child(name);
      set(n, "x", 0);
      set(n, "y", 0);
    }
    for (const char* name : {"a:ext", "a:chExt"}) {
      pugi::xml_node n = xfrm.append_child(name);
      set(n, "cx", d.cx);
      set(n, "cy", d.cy);
    }
    // chOff/chExt must follow off/ext: reorder (off, ext, chOff, chExt).
    xfrm.insert_move_after(xfrm.child("a:ext"), xfrm.child("a:off"));
    for (const DocxShape& s : d.shapes) shape(group, s);
  }
};

DocxWriter::DocxWriter() : impl_(std::make_unique<Impl>()) {}
DocxWriter::~DocxWriter() = default;

void DocxWriter::paragraph(ParagraphStyle style, const std::vector<DocxRun>& runs) {
  pugi::xml_node p = impl_->paragraph(impl_->body, style_id(style));
  for (const DocxRun& r : runs) append_text_run(p, r.text, r.bold, r.highlight, 0);
}

void DocxWriter::paragraph(ParagraphStyle style, std::string_view text) {
  pugi::xml_node p = impl_->paragraph(impl_->body, style_id(style));
  if (!text.empty()) append_text_run(p, text, false, false, 0);
}

void DocxWriter::table(const DocxTable& table) {
  impl_->table(table);
}
void DocxWriter::drawing(const DocxDrawing& drawing) {
  impl_->drawing(drawing);
}

void DocxWriter::page_break() {
  pugi::xml_node p = impl_->paragraph(impl_->body, "Plain");
  set(p.append_child("w:r").append_child("w:br"), "w:type", "page");
}

namespace {
struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, size_t size) override {
    out.append(static_cast<const char*>(data), size);
  }
};

std::string core_properties(std::string_view title) {
  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  set(decl, "version", "1.0");
  set(decl, "encoding", "UTF-8");
  set(decl, "standalone", "yes");
  pugi::xml_node cp = doc.append_child("cp:coreProperties");
  set(cp, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  set(cp, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  cp.append_child("dc:title").text().set(xml_text(title).c_str());
  cp.append_child("dc:creator").text().set("jixiao");
  StringWriter w;
  doc.save(w, "", pugi::format_raw);
  return w.out;
}
}  // namespace

Result<std::string> DocxWriter::finish(std::string_view title) {
  // The section: A4 portrait, official margins, page numbers except on the title page.
  pugi::xml_node sect = impl_->body.append_child("w:sectPr");
  pugi::xml_node footer = sect.append_child("w:footerReference");
  set(footer, "w:type", "default");
  set(footer, "r:id", "rId5");
  pugi::xml_node size = sect.append_child("w:pgSz");
  set(size, "w:w", 11906);
  set(size, "w:h", 16838);
  pugi::xml_node margins = sect.append_child("w:pgMar");
  set(margins, "w:top", 2098);
  set(margins, "w:right", 1474);
  set(margins, "w:bottom", 1984);
  set(margins, "w:left", 1588);
  set(margins, "w:header", 851);
  set(margins, "w:footer", 992);
  set(margins, "w:gutter", 0);
  sect.append_child("w:titlePg");
  pugi::xml_node grid = sect.append_child("w:docGrid");
  set(grid, "w:type", "lines");
  set(grid, "w:linePitch", 579);
  StringWriter document;
  impl_->doc.save(document, "", pugi::format_raw);
  ZipWriter zip;
  zip.add("[Content_Types].xml", std::string(docx_parts::kContentTypes));
  zip.add("_rels/.rels", std::string(docx_parts::kPackageRels));
  zip.add("word/document.xml", std::move(document.out));
  zip.add("word/_rels/document.xml.rels", std::string(docx_parts::kDocumentRels));
  zip.add("word/styles.xml", std::string(docx_parts::kStyles));
  zip.add("word/numbering.xml", std::string(docx_parts::kNumbering));
  zip.add("word/settings.xml", std::string(docx_parts::kSettings));
  zip.add("word/fontTable.xml", std::string(docx_parts::kFontTable));
  zip.add("word/footer1.xml", std::string(docx_parts::kFooter));
  zip.add("docProps/core.xml", core_properties(title));
  zip.add("docProps/app.xml", std::string(docx_parts::kApp));
  return zip.finish();
}

}  // namespace jixiao::office
