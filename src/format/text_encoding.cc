#include "format/text_encoding.h"

#include <iconv.h>

namespace jixiao::format {

using core::text::Encoding;

std::string_view encoding_name(Encoding encoding) {
  switch (encoding) {
    case Encoding::utf8:
      return "UTF-8";
    case Encoding::utf16le:
    case Encoding::utf16be:
      return "UTF-16";
    case Encoding::gb18030:
      return "GBK（GB18030）";
    case Encoding::unknown:
      break;
  }
  return "未知编码";
}

std::string_view not_utf8_problem(Encoding encoding) {
  switch (encoding) {
    case Encoding::utf16le:
    case Encoding::utf16be:
      return "是 UTF-16 编码（记事本所说的“Unicode”），请另存为 UTF-8 编码";
    case Encoding::gb18030:
      return "不是有效的 UTF-8 编码：看来是 GBK（GB18030）编码，请在编辑器中另存为 UTF-8 编码";
    case Encoding::utf8:
    case Encoding::unknown:
      break;
  }
  return {};
}

Result<std::string> to_utf8(std::string_view bytes, Encoding from) {
  const char* source = nullptr;
  switch (from) {
    case Encoding::utf8:
      return std::string(bytes);
    case Encoding::utf16le:
      if (bytes.starts_with("\xFF\xFE")) bytes.remove_prefix(2);
      source = "UTF-16LE";
      break;
    case Encoding::utf16be:
      if (bytes.starts_with("\xFE\xFF")) bytes.remove_prefix(2);
      source = "UTF-16BE";
      break;
    case Encoding::gb18030:
      source = "GB18030";
      break;
    case Encoding::unknown:
      return Status::error("无法识别文本的编码");
  }
  iconv_t cd = iconv_open("UTF-8", source);
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return Status::error("本机不支持 " + std::string(encoding_name(from)) + " 编码的转换");
  }
  // UTF-8 takes at most 3 bytes for a UTF-16 unit or a GB18030 pair, 4 for
  // a four-byte character: twice the input, plus room, always suffices.
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());  // iconv's signature; it does not write
  size_t in_left = bytes.size();
  char* to = out.data();
  size_t to_left = out.size();
  const size_t done = iconv(cd, &in, &in_left, &to, &to_left);
  iconv_close(cd);
  if (done == static_cast<size_t>(-1)) {
    return Status::error("第 " + std::to_string(bytes.size() - in_left + 1) + " 个字节起不是 " +
                         std::string(encoding_name(from)) + " 编码的文字");
  }
  out.resize(out.size() - to_left);
  return out;
}

}  // namespace jixiao::format
