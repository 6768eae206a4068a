// The command line's own words in Chinese: the labels of --help, and the
// messages for arguments CLI11 refuses (a missing file, an unknown option, a
// mistyped subcommand), which CLI11 writes in English.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
class ParseError;
}  // namespace CLI

namespace jixiao::cli {

// Names the program "jixiao" and puts its help in Chinese (用法, 选项, 子命令,
// 必填 …, aligned by columns). Call on the root once every option and
// subcommand is added: it walks them all.
void use_chinese_help(CLI::App& app);

// What to tell the user about a refused command line, in Chinese: what is
// wrong, and "运行 jixiao score --help 查看用法" for the subcommand being
// parsed. `app` is the root, after parse() threw `error`.
std::string usage_error_message(const CLI::App& app, const CLI::ParseError& error);

// Handles what parse() threw: help and --version are printed (exit code 0);
// anything else is explained on standard error with exit code 2, the code of
// unusable input (cli/commands.h).
int finish_parse_error(const CLI::App& app, const CLI::ParseError& error);

}  // namespace jixiao::cli
