// Command lines jixiao refuses, as a user types them: the message is Chinese,
// names what is wrong (and the likely slip), points to the subcommand's
// --help, goes to standard error, and the exit code is 2. Also --help itself.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test/support/process.h"

namespace {

using jixiao::test::CommandRun;

struct Refusal {
  std::string args;     // after "jixiao", split at spaces
  std::string message;  // the first line of standard error, exactly
  std::string help;     // the subcommand named in the hint on the second line
};

const std::vector<Refusal> kRefusals = {
    {"",
     "错误：请给出子命令：score、rules、template、report、audit、init、migrate、import、list、"
     "show、export、save、unit、user、year、backup、restore、log",
     "jixiao"},
    {"scor a.json",
     "错误：没有子命令「scor」，是不是 score？（可用的子命令：score、rules、template、report、"
     "audit、init、migrate、import、list、show、export、save、unit、user、year、backup、restore、"
     "log）",
     "jixiao"},
    {"score",
     "错误：缺少参数 files：评价文件（.json、每行一个评价的 .jsonl、Excel 自评表 "
     ".xlsx），或文件夹（批量）；- 表示标准输入（JSON 或每行一个评价）",
     "jixiao score"},
    {"score --jsn examples/report-000.json", "错误：没有选项 --jsn，是不是 --json？",
     "jixiao score"},
    // Only missing files: still the unknown option, which is the slip.
    {"score --jsn", "错误：没有选项 --jsn，是不是 --json？", "jixiao score"},
    {"score examples/report-000.json --bogus", "错误：没有选项 --bogus", "jixiao score"},
    {"score examples/report-000.json --rules", "错误：选项 --rules 后面缺少值", "jixiao score"},
    {"rules national-2020 extra", "错误：多余的参数「extra」", "jixiao rules"},
    {"unit", "错误：请给出子命令：add、list", "jixiao unit"},
    {"unit ad x y", "错误：没有子命令「ad」，是不是 add？（可用的子命令：add、list）",
     "jixiao unit"},
    {"unit add code", "错误：缺少参数 name：单位名称", "jixiao unit add"},
    {"show abc", "错误：参数 id 的值「abc」应为整数", "jixiao show"},
    {"list --year 20x", "错误：选项 --year 的值「20x」应为整数", "jixiao list"},
    {"template self-eval --from a.json --id 3 -o x.xlsx", "错误：--from 与 --id 不能同时使用",
     "jixiao template"},
    {"xyzzy",
     "错误：没有子命令「xyzzy」（可用的子命令：score、rules、template、report、audit、"
     "init、migrate、import、list、show、export、save、unit、user、year、backup、restore、"
     "log）",
     "jixiao"},
};

TEST(Usage, RefusedCommandLinesAreExplainedInChinese) {
  for (const Refusal& r : kRefusals) {
    SCOPED_TRACE("jixiao " + r.args);
    const CommandRun run = jixiao::test::jixiao_line(r.args);
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, r.message + "\n运行 " + r.help + " --help 查看用法。\n");
  }
}

TEST(Usage, HelpIsChineseAndAlignedByColumns) {
  const CommandRun run = jixiao::test::jixiao_line("score --help");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string& help = run.out;
  EXPECT_NE(help.find("用法: jixiao score [选项] files..."), std::string::npos) << help;
  EXPECT_NE(help.find("\n参数:\n"), std::string::npos) << help;
  EXPECT_NE(help.find("\n选项:\n"), std::string::npos) << help;
  // CLI11's English words are gone, the help flag's included.
  for (const char* english : {"Usage", "Options", "Positionals", "REQUIRED", "TEXT", "Print"}) {
    EXPECT_EQ(help.find(english), std::string::npos) << english << "\n" << help;
  }
  // Descriptions start in one column: "  --rules 文本" is 15 columns but 19 bytes.
  const std::string json_line = "  --json                      每个评价输出一行 JSON";
  const std::string rules_line = "  --rules 文本                规则集名称";
  EXPECT_NE(help.find(json_line), std::string::npos) << help;
  EXPECT_NE(help.find(rules_line), std::string::npos) << help;
}

TEST(Usage, TopLevelHelpListsSubcommandsInChinese) {
  const CommandRun run = jixiao::test::jixiao_line("--help");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("用法: jixiao [选项] 子命令"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("\n子命令:\n  score "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("-h,--help                   显示帮助后退出"), std::string::npos);
  EXPECT_NE(run.out.find("--version                   显示版本后退出"), std::string::npos);
  EXPECT_EQ(run.out.find("Subcommands"), std::string::npos) << run.out;
}

}  // namespace
