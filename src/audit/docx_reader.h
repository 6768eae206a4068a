// Reading a .docx report (word/document.xml) into the audit's Document.
//
// The body is written out in the plain-text form Word exports (paragraphs as
// lines, each table cell on a line with a leading tab, a blank line after a
// row, two after a table) and read by audit/text_reader.h, so a .docx reads
// exactly like its text export: in particular a .docx that LibreOffice made
// from the exported text (its paragraphs start with a tab) reads like the
// text itself. Content controls are opened, deleted text and field codes
// skipped, a cell merged into the one above (vMerge) is empty and a cell
// spanning columns (gridSpan) is one cell, as in Word's export.
//
// The package is untrusted: the zip reader bounds every part once inflated
// (office/zip_archive.h), and the document part may hold at most
// kMaxDocumentXml bytes. Errors are Chinese and name `name` (the file).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "audit/document.h"
#include "core/status.h"

namespace jixiao::audit {

inline constexpr size_t kMaxDocumentXml = size_t{32} << 20;

// The plain-text form of the .docx in `bytes`.
Result<std::string> docx_text(std::string_view bytes, const std::string& name);

// read_text(docx_text(bytes)).
Result<Document> read_docx(std::string_view bytes, const std::string& name);

}  // namespace jixiao::audit
