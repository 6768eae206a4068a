// Text in the encodings Windows writes, turned into UTF-8, jixiao's only
// encoding inside: a report exported from Word as plain text on Chinese
// Windows is GBK by default, and Notepad's "Unicode" is UTF-16.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "core/text.h"

namespace jixiao::format {

// `bytes`, in `from`, as UTF-8 (a byte order mark dropped). Fails, with a
// Chinese message, on bytes that are not text in `from`. `from` must not be
// Encoding::unknown; utf8 is returned as it is.
Result<std::string> to_utf8(std::string_view bytes, core::text::Encoding from);

// How messages name an encoding: "GBK（GB18030）", "UTF-16".
std::string_view encoding_name(core::text::Encoding encoding);

}  // namespace jixiao::format
