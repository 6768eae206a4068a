#include "audit/sentences.h"

#include <algorithm>

#include "audit/numbers.h"
#include "audit/wording.h"
#include "core/text.h"

namespace jixiao::audit {
namespace {

// Money of a part of the spending, not of the project ("“三公”经费预算…").
bool other_subject(std::string_view before) {
  for (std::string_view w : {"三公", "公用经费", "人员经费", "政府采购", "基本支出"}) {
    if (has(before, w)) return true;
  }
  return false;
}

// The amounts written in 万元 in `s`, in order.
std::vector<Number> amounts_in(std::string_view s) {
  std::vector<Number> out;
  for (const Number& n : numbers_in(s)) {
    if (n.unit == "万元") out.push_back(n);
  }
  return out;
}

}  // namespace

void SentenceReader::read(std::string_view s, const std::string& quote) {
  if (list_may_follow_ && starts(s, "其中") && f_.text_categories.empty()) {
    category_list(s.substr(std::string_view("其中").size()), quote);
  }
  if (!starts(s, "其中")) list_may_follow_ = false;
  // Each reader needs its unit in the sentence: most sentences hold none,
  // and the keyword searches are the audit's main cost.
  const bool money_words = has(s, "万元") || has(s, "亿元");
  const bool percent = has(s, "%") || has(s, "％");
  if (money_words) money(s, quote);
  if (percent) rates(s, quote);
  if (percent || has(s, "个") || has(s, "项")) department(s, quote);
  if (has(s, "分")) {
    totals(s, quote);
    sentence_category(s, quote);
  }
  if (has(s, "优") || has(s, "良") || has(s, "中") || has(s, "差")) grades(s, quote);
  if (money_words) {
    named_amounts(s, quote);
    sums_and_shares(s, quote);
  }
  targets(s, quote);
  if (has(s, "完成") || has(s, "达到") || has(s, "实现") || has(s, "超出")) claims(s, quote);
}

void SentenceReader::money(std::string_view s, const std::string& quote) {
  // Longest keywords first; a position used by one is not read again.
  struct K {
    std::string_view word;
    std::vector<Stated>* list;
    std::initializer_list<std::string_view> not_after;
  };
  std::vector<std::pair<size_t, size_t>> used;
  const auto taken = [&](size_t at) {
    for (auto [b, e] : used) {
      if (at >= b && at < e) return true;
    }
    return false;
  };
  const K keys[] = {
      {"年初预算数", &f_.initial_budget, {}},
      {"年初预算资金", &f_.initial_budget, {}},
      {"年初预算", &f_.initial_budget, {}},
      {"全年预算数", &f_.budget, {}},
      {"调整后预算数", &f_.budget, {}},
      {"调整后预算", &f_.budget, {}},
      {"支出预算数", &f_.expenditure_budget, {}},
      {"预算资金",
       &f_.budget,
       {"基本支出", "人员", "公用", "三公", "采购", "年初", "追加", "调增", "调减"}},
      {"预算金额",
       &f_.budget,
       {"基本支出", "人员", "公用", "三公", "采购", "年初", "追加", "调增", "调减"}},
      {"预算数",
       &f_.budget,
       {"基本支出", "人员", "公用", "三公", "采购", "年初", "支出", "追加", "调增", "调减",
        "调整"}},
      {"预算",
       &f_.budget,
       {"基本支出", "人员", "公用", "三公", "采购", "年初", "经费", "追加", "调增", "调减",
        "调整"}},
      {"全年执行数", &f_.executed, {}},
      {"累计支出", &f_.executed, {}},
      {"实际使用资金", &f_.executed, {}},
      {"年度资金总额", &f_.budget, {}},
      {"实际执行数", &f_.executed, {}},
      {"实际支出", &f_.executed, {"预计", "三公经费", "公用经费", "人员经费", "采购"}},
      {"执行金额", &f_.executed, {}},
      {"实际到位资金", &f_.received, {}},
      {"到位资金", &f_.received, {"实际"}},
      {"决算支出数", &f_.final_expenditure, {}},
      {"决算支出", &f_.final_expenditure, {}},
      {"决算数", &f_.final_expenditure, {}},
      {"结转结余总额", &f_.carryover_total, {}},
  };
  for (const K& k : keys) {
    for (size_t at = s.find(k.word); at != std::string_view::npos;
         at = s.find(k.word, at + k.word.size())) {
      if (taken(at) || preceded_by_any(s, at, k.not_after)) continue;
      // Money of a part of the spending ("“三公”经费预算18.00万元，实际支出15.30万元").
      if ((k.list == &f_.budget || k.list == &f_.executed) && other_subject(s.substr(0, at))) {
        continue;
      }
      // "2023年初批复预算资金100.00万元": the initial budget, however it is worded.
      std::vector<Stated>* list = k.list;
      if (list == &f_.budget && has(s.substr(0, at), "年初") && !has(s.substr(0, at), "全年") &&
          !has(s.substr(0, at), "调整后")) {
        const std::string_view before = s.substr(0, at);
        const size_t initial = before.rfind("年初");
        const size_t comma = before.rfind("，");
        if (comma == std::string_view::npos || comma < initial) list = &f_.initial_budget;
      }
      const size_t after = at + k.word.size();
      if (followed_by_any(s, after, {"执行率", "调整", "完成率", "差异率", "绩效"})) continue;
      Number n;
      if (!money_after(s, after, n)) continue;
      used.emplace_back(at, n.end);
      list->push_back(stated(n, quote));
    }
  }
  // A project's carryover: 结转资金, 结余资金, 结余（结转）.
  for (std::string_view w :
       {"结转资金", "结余资金", "结转结余资金", "结余（结转）", "结转（结余）"}) {
    const size_t at = s.find(w);
    if (at == std::string_view::npos || taken(at) || f_.carryover) continue;
    if (preceded_by_any(s, at, {"上年", "上年度", "以前年度"})) continue;  // a funding source
    Number n;
    if (money_after(s, at + w.size(), n, 3)) f_.carryover = stated(n, quote);
  }
}

void SentenceReader::rates(std::string_view s, const std::string& quote) {
  for (size_t at = s.find("执行率"); at != std::string_view::npos; at = s.find("执行率", at + 1)) {
    if (preceded_by_any(s, at, {"采购", "三公经费", "公用经费"})) continue;
    const size_t after = at + std::string_view("执行率").size();
    if (followed_by_any(s, after, {"得分", "分值"})) continue;
    Number n;
    if (!number_after(s, after, "%", 4, n)) continue;
    // A target ("预算执行率（100%）", "执行率目标不低于90%") is no rate achieved.
    const std::string_view between = s.substr(after, n.begin - after);
    if (has(between, "（") || has(between, "(") || has(between, "目标") || has(between, "不低于") ||
        has(between, "≥")) {
      continue;
    }
    f_.execution_rate.push_back(stated(n, quote));
  }
}

void SentenceReader::department(std::string_view s, const std::string& quote) {
  const auto rate = [&](std::string_view word, std::vector<Stated>& list) {
    for (size_t at = s.find(word); at != std::string_view::npos;
         at = s.find(word, at + word.size())) {
      const size_t after = at + word.size();
      if (followed_by_any(s, after, {"得分", "分值"})) continue;
      // The first percentage after the name in its clause ("…=5%").
      Number n;
      size_t from = after;
      bool found = false;
      for (const Number& x : numbers_in(s.substr(after))) {
        const std::string_view between = s.substr(from, after + x.begin - from);
        if (has(between, "，") || has(between, "。") || has(between, "；")) break;
        if (x.unit == "%") {
          n = x;
          found = true;
          break;
        }
      }
      if (found) list.push_back({n.value, n.decimals, quote});
    }
  };
  rate("预决算差异率", f_.difference_rate);
  rate("结转结余率", f_.carryover_rate);
  grade_counts(s, quote);
}

void SentenceReader::grade_counts(std::string_view s, const std::string& quote) {
  if (!has(s, "项目") && !has(s, "个")) return;
  std::vector<std::pair<std::string, Stated>> counts;
  size_t first_grade = std::string_view::npos;
  for (std::string_view g : {"优", "良", "中", "差"}) {
    for (size_t at = s.find(g); at != std::string_view::npos; at = s.find(g, at + g.size())) {
      // The grade must stand alone: after a delimiter, not inside a word.
      if (!(at == 0 ||
            preceded_by_any(s, at, {"、", "，", "：", "“", "（", "其中", "为", "\"", "；"}))) {
        continue;
      }
      if (g == "中" && preceded_by_any(s, at, {"其"})) continue;
      size_t after = at + g.size();
      for (std::string_view skip : {"”", "\"", "等级", "级", "档", "秀", "好"}) {
        if (s.substr(after).starts_with(skip)) after += skip.size();
      }
      for (std::string_view skip : {"的项目", "项目", "的", "等"}) {
        if (s.substr(after).starts_with(skip)) after += skip.size();
      }
      Number n;
      if ((number_after(s, after, "个", 1, n) || number_after(s, after, "项", 1, n))) {
        counts.emplace_back(std::string(g), stated(n, quote));
        first_grade = std::min(first_grade, at);
        break;
      }
    }
  }
  if (counts.size() < 2) return;
  f_.grade_counts = counts;
  // The number of projects: a count of 个/项 before the first grade, next to 项目.
  for (const Number& n : numbers_in(s.substr(0, first_grade))) {
    if (n.unit != "个" && n.unit != "项") continue;
    const std::string before = words_before(s, n.begin, 12);
    if (has(before, "项目") || s.substr(n.end).starts_with("项目") || has(before, "评价")) {
      f_.project_count = stated(n, quote);
    }
  }
}

void SentenceReader::totals(std::string_view s, const std::string& quote) {
  // A category's own sentence ("该指标分值10分，评价得分7.18分") is not the total.
  if (starts(s, "该指标") || starts(s, "该项") || starts(s, "其中")) return;
  // The framework's full marks ("指标体系由…构成，总分100分") are not a result.
  for (std::string_view w : {"构成", "满分", "分值", "权重", "指标体系", "不一致", "不符"}) {
    if (has(s, w)) return;
  }
  for (std::string_view w : {"综合得分", "总得分", "自评总分", "评价总分", "总分", "自评打分",
                             "自评得分", "评价得分", "综合评分", "得分", "打分"}) {
    for (size_t at = s.find(w); at != std::string_view::npos; at = s.find(w, at + w.size())) {
      size_t after = at + w.size();
      if (followed_by_any(s, after, {"率"})) continue;
      for (std::string_view colon : {"：", ":"}) {
        if (s.substr(after).starts_with(colon)) after += colon.size();
      }
      Number n;
      if (!number_after(s, after, "分", 3, n)) continue;
      // The words before in the clause must not name a category.
      const std::string before = words_before(s, at, 12);
      if (has(before, "指标") || has(before, "决策") || has(before, "过程") ||
          has(before, "产出") || has(before, "效益") || has(before, "满意度") ||
          has(before, "管理") || has(before, "投入")) {
        continue;
      }
      f_.text_total.push_back(stated(n, quote));
      // "…得分91.5分，其中，项目决策5分、项目过程57.58分、…"
      const size_t other = s.find("其中", n.end);
      if (other != std::string_view::npos && f_.text_categories.empty()) {
        category_list(s.substr(other + std::string_view("其中").size()), quote);
      } else {
        list_may_follow_ = true;  // "…得分97.7分。其中，项目决策15分，…"
      }
      return;
    }
  }
}

// "项目决策指标满分10分，实际得分8.5分，得分率85%": a category's figures in
// one sentence, the category named before its weight.
void SentenceReader::sentence_category(std::string_view s, const std::string& quote) {
  for (std::string_view w : {"分值", "满分", "权重"}) {
    const size_t at = s.find(w);
    if (at == std::string_view::npos) continue;
    Number weight;
    if (!number_after(s, at + w.size(), "分", 3, weight)) continue;
    std::string name = words_before(s, at, 12);
    for (std::string_view tail : {"的", "为"}) {
      if (name.ends_with(tail)) name.resize(name.size() - tail.size());
    }
    if (name.empty() || starts(name, "该") || starts(name, "本")) return;
    static constexpr std::string_view kCores[] = {"决策",   "过程", "管理", "产出", "效益",
                                                  "满意度", "投入", "效果", "成本"};
    const std::string core_name = category_core(name);
    bool known = name.ends_with("指标");
    for (std::string_view c : kCores) known |= core_name == c;
    if (!known) return;
    for (const CategoryFact& seen : f_.text_categories) {
      if (category_core(seen.name) == core_name) return;
    }
    CategoryFact c;
    c.name = name;
    c.quote = quote;
    c.weight = stated(weight, quote);
    Number n;
    for (size_t g = s.find("得分", weight.end); g != std::string_view::npos;
         g = s.find("得分", g + 1)) {
      if (followed_by_any(s, g + std::string_view("得分").size(), {"率"})) continue;
      if (number_after(s, g + std::string_view("得分").size(), "分", 3, n)) {
        c.score = stated(n, quote);
        break;
      }
    }
    if (!c.score) return;
    const size_t r = s.find("得分率");
    if (r != std::string_view::npos &&
        number_after(s, r + std::string_view("得分率").size(), "%", 3, n)) {
      c.rate = stated(n, quote);
    }
    f_.text_categories.push_back(std::move(c));
    return;
  }
}

// "项目决策5分、项目过程57.58分、…": at least two named scores.
void SentenceReader::category_list(std::string_view s, const std::string& quote) {
  std::vector<CategoryFact> cats;
  for (const Number& n : numbers_in(s)) {
    if (n.unit != "分") continue;
    std::string name = words_before(s, n.begin, 12);
    for (std::string_view tail : {"得分为", "得分", "为"}) {
      if (name.ends_with(tail)) name.resize(name.size() - tail.size());
    }
    if (name.empty()) continue;
    CategoryFact c;
    c.name = name;
    c.score = stated(n, quote);
    c.quote = quote;
    c.execution = is_execution_name(name);
    cats.push_back(std::move(c));
  }
  if (cats.size() >= 2) f_.text_categories = std::move(cats);
}

void SentenceReader::grades(std::string_view s, const std::string& quote) {
  // The rule set's bands ("优（90分及以上），良（80分及以上）…") state no grade.
  if (has(s, "及以上") || has(s, "分以上") || has(s, "≥")) return;
  for (std::string_view w : {"评价等级", "绩效等级", "等级", "评定结论", "评价结论", "整体评价",
                             "评定为", "评价为", "结论为", "结果为", "评为", "档次"}) {
    const size_t at = s.find(w);
    if (at == std::string_view::npos) continue;
    // "「良」对应等级「良」": an indicator's qualitative grade (a score's explanation), not
    // the evaluation's.
    if (s.substr(0, at).ends_with("对应")) continue;
    size_t i = at + w.size();
    // Up to four characters of 为 是 ： “ before the grade.
    for (int k = 0; k < 4 && i < s.size(); ++k) {
      const std::string g = grade_of(s.substr(i));
      if (!g.empty()) {
        // The grade must stand alone: after it (and 秀/好, a closing quote)
        // only punctuation, the end, or 等/级/档 — not "优化", "中国",
        // "“中”的2个项目" (other projects' grade).
        std::string_view rest = s.substr(i);
        for (std::string_view q : {"“", "\"", "「"}) {
          if (rest.starts_with(q)) rest.remove_prefix(q.size());
        }
        size_t j = 0;
        core::text::next_code_point(rest, j);
        std::string_view after = rest.substr(j);
        for (std::string_view t : {"秀", "好"}) {
          if (after.starts_with(t)) after.remove_prefix(t.size());
        }
        for (std::string_view q : {"”", "\"", "」"}) {
          if (after.starts_with(q)) after.remove_prefix(q.size());
        }
        bool alone = after.empty();
        for (std::string_view ok : {"。", "，", "；", "、", "）", ")", ",", ";", ".", " ", "！",
                                    "等级。", "等级，", "等次", "档", "级"}) {
          alone |= after.starts_with(ok);
        }
        if (after.starts_with("等级的")) alone = false;
        if (!alone) break;
        f_.text_grade.push_back({g, quote});
        return;
      }
      size_t j = i;
      const char32_t cp = core::text::next_code_point(s, j);
      if (cp != U'为' && cp != U'是' && cp != U'：' && cp != ':' && cp != U'“' && cp != '"' &&
          cp != ' ' && cp != U'「') {
        break;
      }
      i = j;
    }
  }
}

void SentenceReader::named_amounts(std::string_view s, const std::string& quote) {
  for (const Number& n : numbers_in(s)) {
    if (n.unit != "万元") continue;
    std::string name = words_before(s, n.begin, 8);
    for (std::string_view tail : {"共计", "合计", "总计", "为", "共", "达"}) {
      if (name.ends_with(tail)) name.resize(name.size() - tail.size());
    }
    if (core::text::code_points(name) < 2) continue;
    named_.push_back({name, stated(n, quote)});
  }
}

const Stated* SentenceReader::find_named(std::string_view name) const {
  for (const auto& [n, v] : named_) {
    if (n.ends_with(name)) return &v;
  }
  return nullptr;
}

// "全年预算数3,612.80万元，其中财政拨款3,412.80万元、其他资金200.00万元": a
// whole and its parts in one sentence, when the parts are a known split
// (funding sources; 人员经费 + 公用经费; 基本支出 + 项目支出), so that a
// partial list ("其中人员经费200万元") is never taken for a whole one.
void SentenceReader::decomposition(std::string_view s, const std::string& quote) {
  const size_t at = s.find("其中");
  if (at == std::string_view::npos) return;
  const std::vector<Number> before = amounts_in(s.substr(0, at));
  if (before.empty()) return;
  const Number whole = before.back();
  // The parts: amounts after 其中 up to the end of the sentence.
  std::vector<std::pair<std::string, Stated>> parts;
  const std::string_view rest = s.substr(at);
  for (const Number& n : numbers_in(rest)) {
    if (n.unit != "万元") continue;
    parts.emplace_back(words_before(rest, n.begin, 10), stated(n, quote));
  }
  if (parts.size() < 2) return;
  const auto is_any = [](const std::string& name, std::initializer_list<std::string_view> ws) {
    for (std::string_view w : ws) {
      if (name.ends_with(w)) return true;
    }
    return false;
  };
  bool sources = true, basic = true, spending = true;
  for (const auto& [name, v] : parts) {
    sources &= is_any(name, {"财政拨款", "财政资金", "其他资金", "上年结转资金", "上年结转",
                             "结转资金", "自筹资金", "单位自筹", "社会资金", "其它资金"});
    basic &= is_any(name, {"人员经费", "公用经费"});
    spending &= is_any(name, {"基本支出", "项目支出"});
  }
  if (!(sources || (basic && parts.size() == 2) || (spending && parts.size() == 2))) return;
  SumFact sum;
  sum.label = words_before(s, whole.begin, 10);
  if (sum.label.empty()) sum.label = "合计";
  sum.total = stated(whole, quote);
  sum.unit = "万元";
  sum.parts = std::move(parts);
  f_.sums.push_back(std::move(sum));
}

void SentenceReader::sums_and_shares(std::string_view s, const std::string& quote) {
  decomposition(s, quote);
  // "…合计拟安排资金11559.274万元": the amounts before it in its sentence,
  // or in the sentence before when 合计 opens its own.
  for (std::string_view w : {"合计", "共计", "总计"}) {
    const size_t at = s.find(w);
    if (at == std::string_view::npos) continue;
    Number total;
    if (!money_after(s, at + w.size(), total, 8)) continue;
    std::string_view source = s.substr(0, at);
    std::string source_quote = quote;
    std::vector<Number> parts = amounts_in(source);
    if (parts.empty() && core::text::trim(source).size() <= 3 * 4) {
      source = previous_sentence;
      parts = amounts_in(source);
      source_quote = std::string(previous_sentence) + std::string(s);
    }
    if (parts.size() < 2) continue;
    SumFact sum;
    sum.label = words_before(s, total.begin, 10);
    if (sum.label.empty()) sum.label = std::string(w);
    sum.total = stated(total, source_quote);
    sum.unit = "万元";
    for (const Number& p : parts) {
      sum.parts.emplace_back(words_before(source, p.begin, 10), stated(p, source_quote));
    }
    f_.sums.push_back(std::move(sum));
    break;
  }
  // "人员经费600万元，占基本支出的75%".
  for (size_t at = s.find("占"); at != std::string_view::npos; at = s.find("占", at + 3)) {
    const std::vector<Number> before = amounts_in(s.substr(0, at));
    if (before.empty()) continue;
    const Number part = before.back();
    // "人员经费占基本支出的75%": the part is the one named right before 占.
    const std::string subject = words_before(s, at, 8);
    // The whole's name: up to 的, 比, 为 or a figure.
    std::string whole;
    size_t i = at + 3;
    while (i < s.size()) {
      size_t j = i;
      const char32_t cp = core::text::next_code_point(s, j);
      if (cp == U'的' || cp == U'比' || cp == U'为' || cp == U'，' || cp == U'。' ||
          (cp >= '0' && cp <= '9') || whole.size() > 30) {
        break;
      }
      whole.append(s.substr(i, j - i));
      i = j;
    }
    Number share;
    if (whole.empty() || !number_after(s, i, "%", 6, share)) continue;
    ShareFact fact{words_before(s, part.begin, 8), whole, stated(part, quote), Stated{},
                   stated(share, quote)};
    if (core::text::code_points(subject) >= 2) {
      fact.part_name = subject;
      fact.part = Stated{};
      fact.part.decimals = -1;  // looked up by name in finish()
      fact.part.quote = quote;
    }
    pending_shares_.push_back(std::move(fact));
  }
}

void SentenceReader::targets(std::string_view s, const std::string& quote) {
  struct Op {
    std::string_view word;
    core::Op op;
  };
  static const Op kOps[] = {{"不少于", core::Op::ge}, {"不低于", core::Op::ge},
                            {"不超过", core::Op::le}, {"不高于", core::Op::le},
                            {"≥", core::Op::ge},      {"≤", core::Op::le}};
  bool any = false;
  for (const Op& op : kOps) {
    for (size_t at = s.find(op.word); at != std::string_view::npos;
         at = s.find(op.word, at + op.word.size())) {
      any = true;
      Number n;
      if (!number_after(s, at + op.word.size(), "", 1, n) || n.unit.empty()) continue;
      std::string noun = words_before(s, at, 16);
      if (core::text::code_points(noun) < 2) continue;
      f_.targets.push_back({noun, op.op, n.value, n.unit, std::string(s)});
    }
  }
  if (any || has(s, "目标") || has(s, "计划")) return;
  for (const Number& n : numbers_in(s)) {
    if (n.unit.empty() || n.unit == "万元" || n.unit == "%" || n.unit == "分" || n.unit == "年" ||
        n.unit == "月" || n.unit == "日") {
      continue;
    }
    std::string before = words_before(s, n.begin, 12);
    if (before.empty()) continue;
    f_.actuals.push_back({before, n.value, n.unit, quote});
  }
}

void SentenceReader::claims(std::string_view s, const std::string& quote) {
  static constexpr std::string_view kClaims[] = {
      "达到计划产出", "超出计划产出", "达到了计划产出", "达到预期目标", "达到了预期目标",
      "全部完成",     "均已完成",     "均达到",         "全面完成",     "均已实现",
      "达到绩效目标", "完成了全部",   "全部达到",       "已全部完成",   "均完成"};
  for (std::string_view c : kClaims) {
    const size_t at = s.find(c);
    if (at == std::string_view::npos) continue;
    if (preceded_by_any(s, at, {"未", "没有", "不", "未能", "尚未", "基本"})) continue;
    if (has(s, "未达到") || has(s, "未完成") || has(s, "未全部")) continue;
    // Claims about timeliness, quality, cost or satisfaction say nothing of amounts.
    const std::string_view head = s.substr(0, at);
    if (has(head, "时效") || has(head, "质量") || has(head, "成本") || has(head, "满意") ||
        has(head, "进度") || has(head, "及时")) {
      continue;
    }
    f_.claims.push_back({quote});
    return;
  }
}

void SentenceReader::finish() {
  // With no adjustment stated, the year's budget is the initial one.
  if (f_.budget.empty()) f_.budget = f_.initial_budget;
  for (ShareFact& share : pending_shares_) {
    if (share.part.decimals < 0) {
      const Stated* part = find_named(share.part_name);
      if (!part) continue;
      const std::string quote = share.part.quote;
      share.part = *part;
      share.part.quote = quote;
    }
    const Stated* whole = find_named(share.whole_name);
    if (!whole && (has(share.whole_name, "预算") || has(share.whole_name, "总额")) &&
        !f_.budget.empty()) {
      whole = &f_.budget.front();
    }
    if (!whole) continue;
    share.whole = *whole;
    f_.shares.push_back(share);
  }
  // 基本支出 = 人员经费 + 公用经费, wherever the three are stated, unless a
  // sentence already listed them.
  const Stated* basic = find_named("基本支出");
  const Stated* personnel = find_named("人员经费");
  const Stated* operating = find_named("公用经费");
  bool listed = false;
  for (const SumFact& s : f_.sums) listed |= s.label.ends_with("基本支出");
  if (basic && personnel && operating && !listed) {
    SumFact sum;
    sum.label = "基本支出";
    sum.total = *basic;
    sum.total.quote = personnel->quote;  // where the parts are
    sum.unit = "万元";
    sum.parts = {{"人员经费", *personnel}, {"公用经费", *operating}};
    f_.sums.push_back(std::move(sum));
  }
  // A project's carryover: budget − spending.
  if (f_.carryover && !f_.budget.empty() && !f_.executed.empty() && !f_.department) {
    SumFact sum;
    sum.label = "结转资金";
    sum.total = *f_.carryover;
    sum.unit = "万元";
    sum.difference = true;
    sum.parts = {{"预算资金", f_.budget.front()}, {"实际支出", f_.executed.front()}};
    f_.sums.push_back(std::move(sum));
  }
}

// A paragraph that opens with a category's heading and states its score:
// "（一）决策指标。该指标分值10分，评价得分7.18分"; or a heading paragraph
// followed by "该指标分值50分，评价得分45分，得分率90%。".
bool heading_category(std::string_view heading, std::string_view body, const std::string& quote,
                      Facts& f) {
  std::string name(core::text::without_heading_marker(heading));
  for (std::string_view tail : {"。", "情况", "：", ":"}) {
    if (name.ends_with(tail)) name.resize(name.size() - tail.size());
  }
  if (name.empty() || core::text::code_points(name) > 12) return false;
  if (!(starts(body, "该指标") || starts(body, "该项") || starts(body, "本指标"))) return false;
  CategoryFact c;
  c.name = name;
  c.quote = quote;
  Number n;
  for (std::string_view w : {"分值", "满分", "权重"}) {
    const size_t at = body.find(w);
    if (at != std::string_view::npos && number_after(body, at + w.size(), "分", 3, n)) {
      c.weight = stated(n, quote);
      break;
    }
  }
  for (std::string_view w : {"评价得分", "得分"}) {
    for (size_t at = body.find(w); at != std::string_view::npos; at = body.find(w, at + 1)) {
      if (followed_by_any(body, at + w.size(), {"率"})) continue;
      if (number_after(body, at + w.size(), "分", 3, n)) {
        c.score = stated(n, quote);
        break;
      }
    }
    if (c.score) break;
  }
  if (!c.score) return false;
  for (const CategoryFact& seen : f.text_categories) {
    if (category_core(seen.name) == category_core(c.name)) return true;  // stated before
  }
  for (size_t at = body.find("得分率"); at != std::string_view::npos; at = std::string_view::npos) {
    if (number_after(body, at + std::string_view("得分率").size(), "%", 3, n)) {
      c.rate = stated(n, quote);
    }
  }
  f.text_categories.push_back(std::move(c));
  return true;
}

bool looks_like_heading(std::string_view p) {
  p = core::text::trim(p);
  if (p.empty() || core::text::code_points(p) > 24) return false;
  if (has(p, "，")) return false;
  return !p.ends_with("。") || core::text::without_heading_marker(p) != p;
}

}  // namespace jixiao::audit
