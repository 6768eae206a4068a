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

// For a file that must be UTF-8 (JSON) but is in `encoding`: the problem and
// what to do, as a message says it ("是 UTF-16 编码（…），请另存为 UTF-8 编码");
// empty for utf8 and unknown, which have nothing better to say.
std::string_view not_utf8_problem(core::text::Encoding encoding);

// How messages name an encoding: "GBK（GB18030）", "UTF-16".
std::string_view encoding_name(core::text::Encoding encoding);

}  // namespace jixiao::format
