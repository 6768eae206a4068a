// Text from Windows tools: which encoding it is in, and the same text in
// UTF-8. The encoded bytes are made by iconv from UTF-8 texts, as Word and
// Notepad would write them.
#include "format/text_encoding.h"

#include <gtest/gtest.h>

#include <iconv.h>

#include <string>

namespace jixiao::format {
namespace {

using core::text::Encoding;
using core::text::guess_encoding;

// `utf8` in `encoding` (an iconv name), with `mark` before it.
std::string encoded(const std::string& utf8, const char* encoding, const std::string& mark = "") {
  iconv_t cd = iconv_open(encoding, "UTF-8");
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 4 + 8, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size();
  char* to = out.data();
  size_t to_left = out.size();
  EXPECT_NE(iconv(cd, &in, &in_left, &to, &to_left), static_cast<size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - to_left);
  return mark + out;
}

const std::string kReport =
    "青阳区应急管理局2023年安全生产监管执法专项经费项目绩效评价报告\n"
    "\t投入指标\n\t15\n\t15\n\t100%\n预算120.00万元，实际支出114.00万元，执行率95%。\n";

TEST(TextEncoding, GuessesWhatWindowsWrites) {
  EXPECT_EQ(guess_encoding(kReport), Encoding::utf8);
  EXPECT_EQ(guess_encoding("\xEF\xBB\xBF" + kReport), Encoding::utf8);
  EXPECT_EQ(guess_encoding("plain ASCII"), Encoding::utf8);
  EXPECT_EQ(guess_encoding(""), Encoding::utf8);
  EXPECT_EQ(guess_encoding(encoded(kReport, "GB18030")), Encoding::gb18030);
  EXPECT_EQ(guess_encoding(encoded(kReport, "GBK")), Encoding::gb18030);
  EXPECT_EQ(guess_encoding(encoded(kReport, "UTF-16LE", "\xFF\xFE")), Encoding::utf16le);
  EXPECT_EQ(guess_encoding(encoded(kReport, "UTF-16BE", "\xFE\xFF")), Encoding::utf16be);
  EXPECT_EQ(guess_encoding(encoded("{\"title\":\"项目\"}", "UTF-16LE")), Encoding::utf16le);
  EXPECT_EQ(guess_encoding(encoded("{\"title\":\"项目\"}", "UTF-16BE")), Encoding::utf16be);
  // Bytes that are neither: a lead byte with no trail, a lone continuation byte.
  EXPECT_EQ(guess_encoding("abc\xFF"), Encoding::unknown);
  EXPECT_EQ(guess_encoding("ab\x80 cd"), Encoding::unknown);
  // UTF-8 cut inside a character is not UTF-8.
  EXPECT_FALSE(core::text::is_utf8(kReport.substr(0, 2)));
  EXPECT_TRUE(core::text::is_utf8(kReport.substr(0, 3)));
}

TEST(TextEncoding, ConvertsToTheSameUtf8) {
  for (const auto& [bytes, encoding] :
       {std::pair{encoded(kReport, "GB18030"), Encoding::gb18030},
        {encoded(kReport, "UTF-16LE", "\xFF\xFE"), Encoding::utf16le},
        {encoded(kReport, "UTF-16BE", "\xFE\xFF"), Encoding::utf16be},
        {encoded(kReport, "UTF-16LE"), Encoding::utf16le},
        {kReport, Encoding::utf8}}) {
    SCOPED_TRACE(encoding_name(encoding));
    Result<std::string> text = to_utf8(bytes, encoding);
    ASSERT_TRUE(text.ok()) << text.status().message();
    EXPECT_EQ(*text, kReport);
  }
  // Bytes that are not text in the encoding: refused, saying where.
  Result<std::string> bad = to_utf8("项目\xFF\xFF", Encoding::gb18030);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("不是 GBK（GB18030） 编码的文字"), std::string::npos)
      << bad.status().message();
  EXPECT_FALSE(to_utf8("x", Encoding::unknown).ok());
}

}  // namespace
}  // namespace jixiao::format
