// The JSON writer: output must always parse back to what was written.
#include "format/json_writer.h"

#include <gtest/gtest.h>

#include <random>

#include <nlohmann/json.hpp>

namespace jixiao::format {
namespace {

// Strings of quotes, backslashes, control characters, ASCII and Chinese, at
// every offset, so that escapes fall on both sides of the 16-byte scan blocks.
TEST(JsonWriter, StringsParseBackExactly) {
  const std::vector<std::string> pieces = {"\"", "\\", "\n", "\t", "\x01", "\x1f", "a",
                                           "0",  " ",  "达", "≥",  "\x7f", "/"};
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 60);
    for (int k = 0; k < n; ++k) s += pieces[rng() % pieces.size()];
    std::string out;
    append_json_string(out, s);
    const auto parsed = nlohmann::json::parse(out);
    ASSERT_EQ(parsed.get<std::string>(), s) << out;
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

TEST(JsonWriter, ObjectsAndArraysNest) {
  std::string out;
  JsonWriter w(out);
  w.begin_object().field("a", 1).key("b").begin_array().value("x").null().end_array();
  w.field("c", true).end_object();
  EXPECT_EQ(out, R"({"a":1,"b":["x",null],"c":true})");
}

}  // namespace
}  // namespace jixiao::format
