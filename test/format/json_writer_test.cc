// The JSON writer: output must always parse back to what was written.
#include "format/json_writer.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <optional>
#include <random>

#include <nlohmann/json.hpp>

#include "test/support/random.h"

namespace jixiao::format {
namespace {

// Strings of quotes, backslashes, control characters, ASCII and Chinese, at
// every offset, so that escapes fall on both sides of the 16-byte scan blocks.
TEST(JsonWriter, StringsParseBackExactly) {
  const std::vector<std::string> pieces = {"\"", "\\", "\n", "\t", "\x01", "\x1f", "a",
                                           "0",  " ",  "达", "≥",  "\x7f", "/"};
  test::Random random(7);
  for (int round = 0; round < 2000; ++round) {
    const std::string s = random.text(pieces, 60);
    std::string out;
    append_json_string(out, s);
    const auto parsed = nlohmann::json::parse(out);
    ASSERT_EQ(parsed.get<std::string>(), s) << out;
  }
}

// One byte to escape at every position of strings of every short length:
// each way of scanning (byte by byte, two 8-byte words, 16-byte blocks)
// must see it, next to plain bytes of every value around it.
TEST(JsonWriter, EveryEscapeIsSeenAtEveryPosition) {
  for (const char special : {'"', '\\', '\0', '\x1f', '\n', '\x7f'}) {
    for (const char filler : {'a', ' ', '!', '#', '[', ']', '~', '\x21'}) {
      for (size_t n = 1; n <= 40; ++n) {
        for (size_t at = 0; at < n; ++at) {
          std::string s(n, filler);
          s[at] = special;
          std::string out;
          append_json_string(out, s);
          ASSERT_EQ(nlohmann::json::parse(out).get<std::string>(), s) << out;
        }
      }
    }
  }
}

TEST(JsonWriter, NumbersAreShortestAndFiniteOnly) {
  std::string out;
  JsonWriter w(out);
  w.begin_array().value(14.55).value(0.1 + 0.2).value(10.0).value(-0.0).value(1e21);
  w.value(std::numeric_limits<double>::infinity()).value(7LL).end_array();
  EXPECT_EQ(out, "[14.55,0.30000000000000004,10,-0,1e+21,null,7]");
  EXPECT_NO_THROW(nlohmann::json::parse(out));
}

// Numbers print as to_chars' shortest round-trip text, whichever path prints
// them, in plain notation where to_chars would choose an exponent only for
// values the fast path takes (k/10^4 and k/10^6): scores and money, their
// neighbours one ulp away, results of arithmetic (0.1 + 0.2), rates at six
// decimals, round amounts and random doubles of any size.
TEST(JsonWriter, NumbersMatchToCharsShortest) {
  std::mt19937_64 rng(20261204);
  const auto chars = [](double d, std::optional<std::chars_format> format) {
    char buf[400];
    const auto r = format ? std::to_chars(buf, buf + sizeof buf, d, *format)
                          : std::to_chars(buf, buf + sizeof buf, d);
    return std::string(buf, r.ptr);
  };
  auto written = [](double d) {
    std::string out;
    JsonWriter(out).value(d);
    return out;
  };
  // The shortest text, or the shortest in plain notation; either reads back as d.
  auto check = [&](double d) {
    const std::string out = written(d);
    const std::string shortest = chars(d, std::nullopt);
    const std::string plain = chars(d, std::chars_format::fixed);
    EXPECT_TRUE(out == shortest || (out == plain && shortest.find('e') != std::string::npos))
        << d << ": " << out << " (shortest " << shortest << ")";
    return out == shortest || out == plain;
  };
  for (int round = 0; round < 200000; ++round) {
    double d = 0;
    switch (round % 4) {
      case 0:  // a score, weight or amount with up to four decimals
        d = static_cast<double>(static_cast<int64_t>(rng() % 2000000000001) - 1000000000000) /
            std::pow(10.0, static_cast<double>(rng() % 5));
        break;
      case 1:  // one ulp beside such a value
        d = std::nextafter(static_cast<double>(rng() % 100000000) / 1e4,
                           (rng() & 1) ? 1e300 : -1e300);
        break;
      case 2:  // arithmetic, as the engine computes rates and scores
        d = static_cast<double>(rng() % 10000) / static_cast<double>(1 + rng() % 997);
        break;
      default: {  // any finite double
        const uint64_t bits = rng();
        std::memcpy(&d, &bits, sizeof d);
        if (!std::isfinite(d)) d = 1.5;
      }
    }
    ASSERT_TRUE(check(d)) << "round " << round;
    // Round amounts and rates at six decimals.
    ASSERT_TRUE(check(static_cast<double>(rng() % 100000) * std::pow(10.0, rng() % 7)));
    ASSERT_TRUE(check(static_cast<double>(rng() % 1000001) / 1e6));
  }
  EXPECT_EQ(written(5e6), "5000000");
  EXPECT_EQ(written(1e10), "10000000000");
  EXPECT_EQ(written(0.959667), "0.959667");
  EXPECT_EQ(written(1e21), "1e+21");
  EXPECT_EQ(written(1e-7), "1e-07");
  EXPECT_EQ(written(-0.0), "-0");
  EXPECT_EQ(written(99.55), "99.55");
  EXPECT_EQ(written(1449.76), "1449.76");
}

// Keys and values that need escaping still come out escaped, however short.
TEST(JsonWriter, KeysAreEscapedToo) {
  std::string out;
  JsonWriter w(out);
  // A literal that needs escaping, a long key, and a char array holding a shorter text.
  char buffer[16] = "ab";
  w.begin_object().field("优\"秀", "a\nb").field(std::string(130, 'k'), 1).field(buffer, 2);
  w.end_object();
  const auto parsed = nlohmann::json::parse(out);
  EXPECT_EQ(parsed["优\"秀"], "a\nb");
  EXPECT_EQ(parsed["ab"], 2);
  EXPECT_EQ(parsed[std::string(130, 'k')], 1);
}

// A literal key with a text value is written in one piece when the value
// needs no escape, and as key and value when it does: both ways, in any
// order, with the commas between them right.
TEST(JsonWriter, TextFieldsWriteBothWays) {
  std::string out;
  JsonWriter w(out);
  const std::string plain = "达成年度指标";
  const char buffer[8] = "ab";
  w.begin_object()
      .field("a", plain)
      .field("b", std::string_view("引\"号"))
      .field("c", "")
      .field("d", buffer)
      .field("e", std::string("x\\y"))
      .key("f")
      .begin_array()
      .begin_object()
      .field("g", "h")
      .end_object()
      .end_array()
      .field("i", "j")
      .end_object();
  EXPECT_EQ(
      out,
      R"({"a":"达成年度指标","b":"引\"号","c":"","d":"ab","e":"x\\y","f":[{"g":"h"}],"i":"j"})");
  const auto parsed = nlohmann::json::parse(out);
  EXPECT_EQ(parsed["b"], "引\"号");
  EXPECT_EQ(parsed["e"], "x\\y");
}

TEST(JsonWriter, ObjectsAndArraysNest) {
  std::string out;
  JsonWriter w(out);
  w.begin_object().field("a", 1).key("b").begin_array().value("x").null().end_array();
  w.field("c", true).end_object();
  EXPECT_EQ(out, R"({"a":1,"b":["x",null],"c":true})");
}

}  // namespace
}  // namespace jixiao::format
