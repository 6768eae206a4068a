// The Chinese explanation of every score. Kept apart from the engine so that
// scoring stays allocation-free; texts are written only when shown.
#include <algorithm>
#include <string>

#include "core/compare.h"
#include "core/concat.h"
#include "core/decimal.h"
#include "core/engine.h"
#include "core/panel.h"
#include "core/word_answers.h"
#include "core/words.h"

namespace jixiao::core {
namespace {

// An actual supplied by a department figure has no text: show it as a rate.
bool from_figure(const Indicator& ind) {
  return ind.actual_text.empty() && !ind.figure.empty();
}

// "-7%" against "≤5%" for 预算执行偏差率, scored by its size (bounds_a_deviation).
bool deviation_below_zero(const Indicator& ind) {
  return ind.actual.kind == ValueKind::number && ind.actual.number < 0 &&
         bounds_a_deviation(ind.target, ind.name);
}

// The actual as written, or a department figure's rate.
void append_actual(std::string& out, const Indicator& ind, const NodeResult& node) {
  if (from_figure(ind)) return append(out, format_number(node.why.a, 2), "%");
  out += ind.actual_text;
}

void node_text(const Indicator& ind, const NodeResult& node, std::string& out) {
  // Each wording formats only the numbers it shows: explanations are written
  // for every row of every evaluation the CLI prints.
  const auto w = [&] { return format_number(node.weight); };
  const auto s = [&] { return format_number(node.score); };
  const Explanation& x = node.why;
  const int digits = from_figure(ind) ? 2 : 4;
  const auto a = [&] { return format_number(x.a, digits); };
  const auto t = [&] { return format_number(x.t, digits); };
  switch (x.reason) {
    // The two wordings of most rows: numbers appended in place.
    case Reason::met: {
      out += "实际完成值「";
      append_actual(out, ind, node);
      // A band ("±5%", "18℃-26℃") is met inside it, not by reaching it.
      const bool band = is_band(ind.target, ind.name);
      append(out, band ? "」在年度指标值「" : "」达到年度指标值「", ind.target_text,
             band ? "」的范围之内，得满分" : "」，得满分");
      return append_number(out, node.weight);
    }
    case Reason::ratio:
      append_number(out, x.a, digits);
      out += '/';
      append_number(out, x.t, digits);
      out += "×";
      append_number(out, node.weight);
      out += '=';
      return append_number(out, node.score);
    case Reason::lower_ratio:
      if (deviation_below_zero(ind)) out += "偏差按绝对值计：";
      return append(out, "(1−(", a(), "−", t(), ")/", t(), ")×", w(), "=", s());
    // Quoted as written: the numbers compared may be converted ("120000元" is
    // 12 against "≤5万元"), and a bare 12 would read as a slip.
    case Reason::lower_double:
      if (deviation_below_zero(ind)) out += "偏差按绝对值计：";
      out += "实际完成值「";
      append_actual(out, ind, node);
      return append(out, "」达到年度指标值「", ind.target_text, "」的2倍及以上，得0分");
    case Reason::zero_target_met:
      out += "年度指标值为0，实际完成值「";
      append_actual(out, ind, node);
      return append(out, "」未超过，得满分", w());
    case Reason::zero_target_missed:
      out += "年度指标值为0，实际完成值「";
      append_actual(out, ind, node);
      return append(out, "」，得0分");
    case Reason::negative_actual:
      return append(out, "实际完成值为负数，按0计，得0分");
    case Reason::opposite_change:
      out += "实际完成值「";
      append_actual(out, ind, node);
      return append(out, "」与年度指标值「", ind.target_text, "」的变化方向相反，得0分");
    case Reason::tier:
    case Reason::tier_stated:
    case Reason::tier_clamped:
    case Reason::grade:
    case Reason::yes_no_met:
    case Reason::yes_no_missed:
    case Reason::deadline_met:
    case Reason::deadline_missed:
    case Reason::linear:
      return;  // written by the caller, which has the rule set
    case Reason::manual:
      return append(out, "评价人打分", s(), ind.note.empty() ? "" : "：", ind.note);
    case Reason::panel:
      return;
    case Reason::stated_category:
      return append(out, "仅列出本项得分", s(), "，采用所列得分");
    case Reason::stated_fallback:
      return append(out, "无法自动计分，采用填报得分", s());
    case Reason::unscorable:
      return append(out, "无法自动计分，暂计0分");
    case Reason::sum:
      return append(out, "下级指标得分合计", s());
    case Reason::not_applicable:
      return append(out, "不适用，不计分");
    case Reason::no_weight:
      return node.achievement >= 0
                 ? append(out, "未列分值，不单独计分；完成率", format_percent(node.achievement))
                 : append(out, "未列分值，不单独计分");
    case Reason::none:
      return;
  }
  return;
}

}  // namespace

void explain_into(const Evaluation& e, const ScoreCard& card, int index, const RuleSet& r,
                  std::string& text) {
  const Indicator& ind = e.indicators[index];
  const NodeResult& node = card.nodes[index];
  const Explanation& x = node.why;
  // Formatted only where a wording shows them (most rows take node_text's).
  const auto w = [&] { return format_number(node.weight); };
  const auto s = [&] { return format_number(node.score); };
  text.clear();
  switch (x.reason) {
    case Reason::tier:
    case Reason::tier_stated:
    case Reason::tier_clamped: {
      const QualitativeTier& tier = r.tiers[x.level];
      // Words in no list that repeat the target are read as reaching it (core/words.h).
      const WordClass said = classify_words(ind.actual.text, r);
      const bool repeated = repeats_target(ind.target, ind.actual) && said.type == WordClass::none;
      // "基本实现" against "基本实现": the partial tier's words, as asked.
      const bool as_asked =
          x.level == 0 && partial_as_asked(classify_words(ind.target.text, r), said);
      const std::string head = concat(
          repeated || as_asked ? "实际完成值「" : "「", ind.actual_text,
          repeated ? "」与年度指标值一致，属「"
                   : (as_asked ? concat("」达到年度指标值「", ind.target_text, "」的要求，属「")
                               : std::string("」属「")),
          tier.label, "」档（", format_number(tier.min_share * node.weight), "–",
          format_number(tier.max_share * node.weight), "分）");
      if (x.reason == Reason::tier) {
        append(text, head, "，取本档上限", format_percent(tier.max_share, 0), "×", w(), "=", s());
      } else if (x.reason == Reason::tier_stated) {
        append(text, head, "，采用评价人给分", s());
      } else {
        append(text, head, "，填报得分超出该档，按", s(), "计");
      }
      break;
    }
    case Reason::grade:
      append(text, "「", ind.actual_text, "」对应等级「", r.grade_levels[x.level].label, "」，",
             format_percent(x.share, 0), "×", w(), "=", s());
      break;
    case Reason::yes_no_met:
      append(text, "实际完成值「", ind.actual_text, "」与年度指标值「", ind.target_text,
             "」相符，得满分", w());
      break;
    case Reason::yes_no_missed:
      append(text, "实际完成值「", ind.actual_text, "」与年度指标值「", ind.target_text,
             "」不符，得0分");
      break;
    case Reason::deadline_met:
      append(text, "年度指标值「", ind.target_text, "」，实际「", ind.actual_text,
             "」，按时完成，得满分", w());
      break;
    case Reason::deadline_missed:
      append(text, "年度指标值「", ind.target_text, "」，实际「", ind.actual_text,
             "」，未按时完成，得0分");
      break;
    case Reason::linear: {
      const double deducted = x.extra * x.share;
      const std::string unit = ind.target.unit == "%" ? "个百分点" : ind.target.unit;
      text += "实际完成值「";
      append_actual(text, ind, node);
      append(text, "」超出年度指标值「", ind.target_text, "」", format_number(x.extra), unit,
             "，扣", format_number(x.extra), "×", format_number(x.share), "=",
             format_number(deducted), "分，", w(), "−", format_number(deducted), "=", s());
      break;
    }
    case Reason::panel: {
      // Written as arithmetic a reader can redo: the scores kept, over how many.
      const PanelMethod method = e.panel_method.value_or(r.panel_method);
      const std::vector<double> scores = given_scores(ind.expert_scores);
      const bool trimmed = method == PanelMethod::trimmed_mean && scores.size() >= 3;
      const auto [lo, hi] = std::minmax_element(scores.begin(), scores.end());
      std::string sum;
      size_t kept = 0;
      for (auto it = scores.begin(); it != scores.end(); ++it) {
        if (trimmed && (it == lo || it == hi)) continue;  // the first lowest and highest only
        sum += (sum.empty() ? "" : "+") + format_number(*it);
        ++kept;
      }
      // Who recused: "（专家丙回避）", or by position when the experts are unnamed.
      std::string recused;
      for (size_t k = 0; k < ind.expert_scores.size(); ++k) {
        if (ind.expert_scores[k]) continue;
        recused += recused.empty() ? "（" : "、";
        recused += k < e.experts.size() ? e.experts[k] : "第" + std::to_string(k + 1) + "位专家";
      }
      if (!recused.empty()) recused += "回避）";
      if (trimmed) {
        text += "专家评分" + recused + "去掉最高分" + format_number(*hi) + "和最低分" +
                format_number(*lo) + "后平均：(" + sum + ")/" + std::to_string(kept) + "=" + s();
      } else {
        text += "专家评分" + recused + "平均：(" + sum + ")/" + std::to_string(kept) + "=" + s();
      }
      break;
    }
    default:
      node_text(ind, node, text);
      break;
  }
  if (x.deducted > 0) {
    append(text, "；超额完成按规则扣", format_number(x.deducted), "分，得", s());
  }
}

std::string explain(const Evaluation& e, const ScoreCard& card, int index, const RuleSet& r) {
  std::string text;
  explain_into(e, card, index, r, text);
  return text;
}

std::string explain_execution(const ScoreCard& card) {
  const ExecutionResult& ex = card.execution;
  std::string text;
  if (!ex.present) return text;
  if (!ex.rate_known) {
    text = ex.zero_budget ? "预算数为0，未能计算执行率"
           : ex.negative  ? "执行数或预算数为负数，未能计算执行率"
                          : "未能计算执行率";
    if (ex.weight <= 0) return text;
    if (!ex.score_stated) return text + "，暂计0分";
    text += "，采用填报得分";
    append_number(text, ex.score);
    return text;
  }
  // Numbers appended in place: the CLI writes this for every evaluation.
  text = "执行率";
  append_number(text, ex.numerator);
  text += '/';
  append_number(text, ex.denominator);
  text += '=';
  append_number(text, ex.rate * 100, 2);
  text += '%';
  if (ex.weight <= 0) return text + "（不单独计分）";
  if (ex.rate >= 1) {
    text += "，得满分";
    append_number(text, ex.weight);
    return text;
  }
  // The score from the amounts, not from the rounded rate: 98.35%×10 would read
  // as 9.84 where the rate 98.346…% gives 9.83.
  text += "，得分";
  append_number(text, ex.weight);
  text += "×";
  append_number(text, ex.numerator);
  text += '/';
  append_number(text, ex.denominator);
  text += '=';
  append_number(text, ex.score);
  return text;
}

std::string explain_total(const ScoreCard& card, const RuleSet& r) {
  std::string text = "各项得分合计" + format_number(card.raw_total);
  if (card.rescaled) {
    text +=
        "，剔除不适用指标后适用分值" + format_number(card.applicable_weight) + "，折算" +
        format_number(card.raw_total) + "/" + format_number(card.applicable_weight) + "×" +
        format_number(r.total) + "=" +
        format_number(round_half_up(card.raw_total * r.total / card.applicable_weight, r.decimals));
  }
  if (card.cap) {
    text += "；预算执行率" + format_percent(card.execution.rate) + "，总分不得超过" +
            format_number(*card.cap);
  }
  return text;
}

}  // namespace jixiao::core
