// Renders a report model (report_model.h) as a .docx (office/docx_writer.h):
// headings numbered 一、（一）1., tables with merged cells, charts as vector
// shapes laid out by chart_layout.h, a title page without a page number.
//
// Contract: pure apart from memory; the result is the package bytes, or an
// error only when libzip fails.
#pragma once

#include <string>

#include "core/status.h"
#include "report/report_model.h"

namespace jixiao::report {

Result<std::string> render_docx(const Document& document);

}  // namespace jixiao::report
