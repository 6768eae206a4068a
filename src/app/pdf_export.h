// Converting documents to PDF with LibreOffice headless, when it is installed.
//
// Contract: one soffice process converts every file given (one start-up for
// many documents), with a fresh user profile in a temporary folder so that
// concurrent runs never share one; the PDFs land beside the inputs or in
// `out_dir`. A missing LibreOffice is an error with a Chinese message saying
// what to install. Blocks until soffice exits (at most `timeout_seconds`).
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace jixiao::app {

// The soffice executable on PATH, or "" when LibreOffice is not installed.
std::string find_soffice();

Status convert_to_pdf(const std::vector<std::string>& files, const std::string& out_dir,
                      int timeout_seconds = 180);

}  // namespace jixiao::app
