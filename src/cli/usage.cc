#include "cli/usage.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>

#include "core/text.h"

namespace jixiao::cli {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The text after `marker` in `message`, or empty when it is not there.
std::string_view after(std::string_view message, std::string_view marker) {
  const size_t at = message.find(marker);
  return at == std::string_view::npos ? std::string_view() : message.substr(at + marker.size());
}

// The subcommand parse() was inside when it threw: the last one named on the
// command line, or the root.
const CLI::App& innermost(const CLI::App& app) {
  const CLI::App* at = &app;
  while (!at->get_subcommands().empty()) at = at->get_subcommands().back();
  return *at;
}

// "jixiao unit add": the words that call `app`.
std::string command_path(const CLI::App& app) {
  std::string path = app.get_name();
  for (const CLI::App* up = app.get_parent(); up != nullptr; up = up->get_parent()) {
    path = up->get_name() + " " + path;
  }
  return path;
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(sub->get_name());
  }
  return names;
}

std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : app.get_options()) {
    for (const std::string& l : opt->get_lnames()) names.push_back("--" + l);
    for (const std::string& s : opt->get_snames()) names.push_back("-" + s);
  }
  return names;
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : "、") + w;
  return out;
}

// "，是不是 score？" when `word` looks like a slip of one of `candidates`.
std::string suggestion(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string near = core::text::closest_word(word, candidates);
  return near.empty() ? std::string() : "，是不是 " + near + "？";
}

// "参数 files" or "选项 --output": how --help lists it.
std::string called(const CLI::Option* opt, std::string_view name) {
  return (opt != nullptr && !opt->nonpositional() ? "参数 " : "选项 ") + std::string(name);
}

// "参数 files：评价文件…" or "选项 --output：输出的 .xlsx 文件".
std::string described(const CLI::App& app, std::string_view name) {
  const CLI::Option* opt = app.get_option_no_throw(std::string(name));
  std::string out = called(opt, name);
  if (opt != nullptr && !opt->get_description().empty()) out += "：" + opt->get_description();
  return out;
}

// The Chinese for CLI11's type names (--help shows them, and so do messages).
std::string type_label(std::string_view type) {
  if (type == "INT") return "整数";
  if (type == "UINT") return "非负整数";
  if (type == "FLOAT") return "数字";
  return "文本";
}

std::string unknown_word(const CLI::App& at, std::string_view word) {
  if (starts_with(word, "-")) {
    return "没有选项 " + std::string(word) + suggestion(word, option_names(at));
  }
  const std::vector<std::string> subs = subcommand_names(at);
  if (!subs.empty()) {
    return "没有子命令「" + std::string(word) + "」" + suggestion(word, subs) + "（可用的子命令：" +
           joined(subs) + "）";
  }
  return "多余的参数「" + std::string(word) + "」";
}

// CLI11 (2.1, Debian 12's) carries the details only in its English
// message, so they are taken from there; test/cli/usage_test.cc pins every
// form used, and anything unforeseen still gets a Chinese lead with CLI11's
// words in brackets.
std::string what_is_wrong(const CLI::App& at, const CLI::ParseError& error) {
  const std::string_view message = error.what();
  // By type, not get_name(): one of ExtrasError's constructors puts the
  // subcommand's name there.
  if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
    // A mistyped option or subcommand is the slip to point out, rather than
    // what it left missing ("score --jsn a.json" lacks no file).
    for (const std::string& word : at.remaining()) {
      if (starts_with(word, "-") && word != "-") return unknown_word(at, word);
    }
    if (starts_with(message, "A subcommand") || starts_with(message, "Requires at least")) {
      for (const std::string& word : at.remaining()) {
        if (!starts_with(word, "-")) return unknown_word(at, word);
      }
      return "请给出子命令：" + joined(subcommand_names(at));
    }
    constexpr std::string_view kRequired = " is required";
    if (message.size() > kRequired.size() &&
        message.substr(message.size() - kRequired.size()) == kRequired) {
      return "缺少" + described(at, message.substr(0, message.size() - kRequired.size()));
    }
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr) {
    std::string_view words = after(message, "expected: ");
    if (words.find(' ') == std::string_view::npos && !words.empty()) return unknown_word(at, words);
    if (!words.empty()) return "多余的参数：" + std::string(words);
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr) {
    const std::string_view option = message.substr(0, message.find(':'));
    if (message.find(" missing") != std::string_view::npos) {
      return "选项 " + std::string(option) + " 后面缺少值";
    }
    return "选项 " + std::string(option) + " 给出的值个数不对";
  }
  if (dynamic_cast<const CLI::ConversionError*>(&error) != nullptr) {
    const std::string_view rest = after(message, "Could not convert: ");
    const size_t eq = rest.find(" = ");
    if (eq != std::string_view::npos) {
      const std::string option(rest.substr(0, eq));
      const CLI::Option* opt = at.get_option_no_throw(option);
      return called(opt, option) + " 的值「" + std::string(rest.substr(eq + 3)) + "」应为" +
             type_label(opt != nullptr ? opt->get_type_name() : "");
    }
  }
  if (dynamic_cast<const CLI::ExcludesError*>(&error) != nullptr) {
    const size_t at_word = message.find(" excludes ");
    if (at_word != std::string_view::npos) {
      return std::string(message.substr(0, at_word)) + " 与 " +
             std::string(message.substr(at_word + 10)) + " 不能同时使用";
    }
  }
  if (dynamic_cast<const CLI::RequiresError*>(&error) != nullptr) {
    const size_t at_word = message.find(" requires ");
    if (at_word != std::string_view::npos) {
      return std::string(message.substr(0, at_word)) + " 须与 " +
             std::string(message.substr(at_word + 10)) + " 一起使用";
    }
  }
  return "命令行有误（" + std::string(message) + "）";
}

// Pads by columns on a terminal, not bytes: a Chinese character takes three
// bytes of UTF-8 and two columns (CLI11's own padding counts bytes).
class ChineseFormatter final : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    std::string out = "  " + make_option_name(opt, is_positional) + make_option_opts(opt);
    const size_t column = get_column_width();
    const size_t width = core::text::display_width(out);
    const std::string indent(column, ' ');
    if (width >= column) {
      out += "\n" + indent;
    } else {
      out.append(column - width, ' ');
    }
    for (const char c : make_option_desc(opt)) {
      out += c;
      if (c == '\n') out += indent;
    }
    return out + "\n";
  }
};

// CLI11's English labels, groups and help text, in Chinese, for `app` and every subcommand below
// it.
void translate(CLI::App& app, const std::shared_ptr<ChineseFormatter>& formatter) {
  app.formatter(formatter);
  if (CLI::Option* help = app.get_help_ptr()) help->description("显示帮助后退出");
  for (CLI::Option* opt : app.get_options([](CLI::Option*) { return true; })) {
    if (opt->get_group() == "Options") opt->group("选项");
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    if (sub->get_group() == "Subcommands") sub->group("子命令");
    translate(*sub, formatter);
  }
}

}  // namespace

void use_chinese_help(CLI::App& app) {
  auto formatter = std::make_shared<ChineseFormatter>();
  formatter->label("Usage", "用法");
  formatter->label("OPTIONS", "选项");
  formatter->label("SUBCOMMAND", "子命令");
  formatter->label("SUBCOMMANDS", "子命令");
  formatter->label("Positionals", "参数");
  formatter->label("REQUIRED", "必填");
  formatter->label("Needs", "需要");
  formatter->label("Excludes", "不能与之同用");
  formatter->label("Env", "环境变量");
  for (const char* type : {"TEXT", "INT", "UINT", "FLOAT"})
    formatter->label(type, type_label(type));
  app.name("jixiao");
  translate(app, formatter);
}

std::string usage_error_message(const CLI::App& app, const CLI::ParseError& error) {
  const CLI::App& at = innermost(app);
  return "错误：" + what_is_wrong(at, error) + "\n运行 " + command_path(at) + " --help 查看用法。";
}

int finish_parse_error(const CLI::App& app, const CLI::ParseError& error) {
  if (error.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
    return app.exit(error);  // --help, --version
  }
  std::cerr << usage_error_message(app, error) << '\n';
  return 2;
}

}  // namespace jixiao::cli
