// The fixed parts of a .docx package jixiao writes: content types,
// relationships, styles, numbering, fonts, settings, footer. Kept apart from
// docx_writer.cc so the document logic reads without pages of XML.
#pragma once

#include <string_view>

namespace jixiao::office::docx_parts {

extern const std::string_view kContentTypes;
extern const std::string_view kPackageRels;
extern const std::string_view kDocumentRels;
extern const std::string_view kStyles;
extern const std::string_view kNumbering;
extern const std::string_view kFontTable;
extern const std::string_view kSettings;
extern const std::string_view kFooter;
extern const std::string_view kApp;

// The namespaces declared on the document element.
extern const std::string_view kDocumentNamespaces[][2];
extern const size_t kDocumentNamespaceCount;

}  // namespace jixiao::office::docx_parts
