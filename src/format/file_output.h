// Writing a whole output file so that it is never left half-written.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace jixiao::format {

// Writes `bytes` to a temporary file beside `path` and renames it over
// `path`: a reader sees the old file or the whole new one, never a part, and
// a failure (disk full, no permission, missing folder) leaves `path` as it
// was. Errors are Chinese and name `path`.
Status write_file(const std::string& path, std::string_view bytes);

// Whether a file can be written at `path` (its folder exists and lets us
// create a file there), tried by creating and removing the temporary beside
// it: a command checks this before long work whose result goes to `path`,
// and a writer before a library that reports the failure in English.
Status check_writable(const std::string& path);

// A new, empty folder of our own in the temporary folder ($TMPDIR, else
// /tmp), named `prefix` and six random characters; the caller removes it.
// Fails, in Chinese, when $TMPDIR names no folder one can write in.
Result<std::string> make_temporary_folder(const std::string& prefix);

// For writers that need a file name of their own (libxlsxwriter): write to
// temporary_beside(path), then commit_file() renames it over `path`, or
// discard_file() removes it after a failure.
std::string temporary_beside(const std::string& path);
Status commit_file(const std::string& temporary, const std::string& path);
void discard_file(const std::string& temporary);

}  // namespace jixiao::format
