#include "format/evaluation_reader.h"

#include <simdjson.h>

#include <cmath>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <algorithm>
#include <cstring>
#include <deque>
#include <vector>

#include "core/decimal.h"
#include "core/department.h"
#include "core/text.h"
#include "core/units.h"
#include "format/file_bytes.h"
#include "format/text_encoding.h"

namespace jixiao::format {
namespace {

using namespace simdjson;  // NOLINT: the ondemand API reads badly fully qualified
using core::Evaluation;
using core::Indicator;

std::string_view chinese_error(error_code code) {
  switch (code) {
    case UTF8_ERROR:
      return "不是有效的 UTF-8 编码";
    case UNCLOSED_STRING:
      return "字符串缺少结束引号";
    case NUMBER_ERROR:
      return "数字格式错误";
    case T_ATOM_ERROR:
    case F_ATOM_ERROR:
    case N_ATOM_ERROR:
      return "出现无法识别的值（true/false/null 拼写错误？）";
    case DEPTH_ERROR:
      return "嵌套层级过深";
    case EMPTY:
      return "文件为空";
    case CAPACITY:
      return "文件过大";
    case UNESCAPED_CHARS:
      return "字符串中有未转义的控制字符";
    case INCOMPLETE_ARRAY_OR_OBJECT:
    case TAPE_ERROR:
    case TRAILING_CONTENT:
      return "JSON 结构不完整或多余内容（括号、逗号或引号不匹配）";
    default:
      return "不是有效的 JSON";
  }
}

// Compares a field name with a literal. The length is a constant, so the
// comparison compiles to a few integer compares instead of a memcmp call:
// the reader compares keys more often than it does anything else.
template <size_t N>
bool key_is(std::string_view key, const char (&literal)[N]) {
  return key.size() == N - 1 && std::memcmp(key.data(), literal, N - 1) == 0;
}

// The bytes of a raw key or string up to its closing quote or first
// backslash. Keys are short: one 16-byte compare finds the end of most of
// them. The document is padded, so reading 16 bytes past the closing quote is
// safe.
size_t raw_length(const char* raw) {
#ifdef __SSE2__
  for (size_t at = 0;; at += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(raw + at));
    const int ends = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')),
                                                    _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\'))));
    if (ends != 0) return at + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(ends)));
  }
#else
  size_t len = 0;
  while (raw[len] != '"' && raw[len] != '\\') ++len;
  return len;
#endif
}

// Reads a JSON number token such as "5", "4.56" or "1449.76 " (the token
// runs to the next structural character) without simdjson's full number
// parser, which get_double plus decimals_of would run twice over. Takes only
// what is surely read the same way: non-negative, no exponent, at most 15
// digits, so that mantissa / 10^decimals is exact over exact and therefore the
// correctly rounded double, as simdjson's. Anything else returns false and
// goes the general way, which also reports malformed numbers ("01", "1.").
bool plain_json_number(std::string_view token, std::optional<core::Figure>& out) {
  static constexpr double kPow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                      1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  size_t i = 0;
  const size_t n = token.size();
  uint64_t mantissa = 0;
  int digits = 0;
  while (i < n && token[i] >= '0' && token[i] <= '9') {
    mantissa = mantissa * 10 + static_cast<uint64_t>(token[i] - '0');
    ++digits;
    ++i;
  }
  if (digits == 0 || (digits > 1 && token[0] == '0')) return false;
  int decimals = 0;
  if (i < n && token[i] == '.') {
    ++i;
    while (i < n && token[i] >= '0' && token[i] <= '9') {
      mantissa = mantissa * 10 + static_cast<uint64_t>(token[i] - '0');
      ++decimals;
      ++i;
    }
    if (decimals == 0) return false;
  }
  if (digits + decimals > 15) return false;
  for (; i < n; ++i) {  // only the white space before the next structural character
    if (token[i] != ' ' && token[i] != '\t' && token[i] != '\n' && token[i] != '\r') return false;
  }
  out = core::Figure{static_cast<double>(mantissa) / kPow10[decimals], decimals};
  return true;
}

// Where a field sits, for messages: indicators[2].children[0].weight. Keys
// are string literals or views into the document, which outlive the path.
class FieldPath {
 public:
  void push(std::string_view key, int index = -1) { parts_.push_back({key, index}); }
  void pop() { parts_.pop_back(); }
  void clear() { parts_.clear(); }
  std::string text(std::string_view last = {}) const {
    std::string out;
    for (const auto& p : parts_) {
      if (!out.empty()) out += '.';
      out += p.key;
      if (p.index >= 0) out += "[" + std::to_string(p.index) + "]";
    }
    if (!last.empty()) {
      if (!out.empty()) out += '.';
      out += last;
    }
    return out;
  }

 private:
  struct Part {
    std::string_view key;
    int index;
  };
  std::vector<Part> parts_;
};

struct Scope {
  Scope(FieldPath& p, std::string_view key, int index = -1) : path(p) { path.push(key, index); }
  ~Scope() { path.pop(); }
  FieldPath& path;
};

// Money is converted to 万元 once the budget's `unit` is known, because the
// unit may come after the amounts in the object. An amount that carries its
// own unit ("480万元") converts at once.
struct PendingAmount {
  std::optional<double>* out;
  double value;
};

// What a DocumentReader works in, kept from one document to the next so that
// reading one allocates nothing once warm (a JSON Lines file holds many
// small documents).
struct Workspace {
  std::string scratch;
  FieldPath path;
  std::vector<PendingAmount> pending;
  std::deque<core::FundingLine> sources;  // the budget's, until its amounts are converted
  core::Value value;
};

class DocumentReader {
 public:
  DocumentReader(Workspace& w, core::ValueReader& values)
      : scratch_(w.scratch),
        values_(values),
        path_(w.path),
        pending_(w.pending),
        sources_(w.sources),
        value_(w.value) {
    path_.clear();  // a failed document leaves its place
  }

  Status read(ondemand::document& doc, Evaluation& e) {
    ondemand::object obj;
    if (auto err = doc.get_object().get(obj)) {
      return err == INCORRECT_TYPE ? Status::error("内容应为一个评价对象（以 { 开头）")
                                   : Status::error(std::string(chinese_error(err)));
    }
    reset(e);
    Status s = evaluation(obj, e);
    if (!s.ok()) return s;
    // Anything after the object (a second object, stray text) is an error.
    if (doc.current_location().error() != OUT_OF_BOUNDS)
      return Status::error(std::string(chinese_error(TRAILING_CONTENT)));
    if (e.title.empty()) return Status::error("缺少字段 title（评价对象名称）");
    return Status();
  }

 private:
  Status fail(std::string_view field, std::string_view problem) {
    return Status::error("字段 " + path_.text(field) + " " + std::string(problem));
  }
  Status json_error(error_code err, std::string_view field) {
    if (err == INCORRECT_TYPE) return fail(field, "类型不正确");
    return Status::error(std::string(chinese_error(err)) + "（字段 " + path_.text(field) +
                         " 附近）");
  }

  void reset(Evaluation& e) {
    e.title.clear();
    e.unit.clear();
    e.year = 0;
    e.kind = core::EvaluationKind::self;
    e.scope = core::Scope::project;
    e.rule_set.clear();
    e.budget.reset();
    count_ = 0;
    e.stated_total.reset();
    e.stated_grade.clear();
    e.experts.clear();
    e.panel_method.reset();
    e.department.reset();
    e.overall_goal.clear();
  }

  // The string `v`, read in place when it has no escape in it: most cells
  // have none, and simdjson's get_string would copy every one into its own
  // buffer. The document's strings were checked for UTF-8 and control
  // characters when it was indexed, so an unescaped string is its own value.
  static simdjson_result<std::string_view> string(ondemand::value v) {
    // The token starts with the opening quote; peeking at it consumes nothing,
    // so an escaped string can still be read by get_string.
    const std::string_view token = v.raw_json_token();
    const char* start = token.data() + 1;
    const size_t len = raw_length(start);
    if (start[len] == '"') return std::string_view(start, len);
    return v.get_string();
  }

  // Text: a string, or a number kept as written; null is empty.
  Status text(ondemand::value v, std::string_view field, std::string& out) {
    ondemand::json_type type;
    if (auto err = v.type().get(type)) return json_error(err, field);
    switch (type) {
      case ondemand::json_type::string: {
        std::string_view s;
        if (auto err = string(v).get(s)) return json_error(err, field);
        if (s.size() > kMaxTextBytes) return fail(field, "文本过长（超过 256 KiB）");
        // clear + append: append copies without the overlap checks of assign.
        out.clear();
        out.append(s);
        return Status();
      }
      case ondemand::json_type::number: {
        std::string_view raw = v.raw_json_token();
        out.assign(core::text::trim(raw));
        return Status();
      }
      case ondemand::json_type::null:
        out.clear();
        return Status();
      default:
        return fail(field, "应为文字或数字");
    }
  }

  // A number, or a string holding one ("15", "15分", "1,234.5"); null, "",
  // "/" and "-" are absent. With `full_marks`, a stated score may say "满分":
  // absent, and *full_marks set, for the caller to take the weight once read.
  Status number(ondemand::value v, std::string_view field, std::optional<core::Figure>& out,
                std::string_view* unit_out = nullptr, bool* full_marks = nullptr) {
    out.reset();
    ondemand::json_type type;
    if (auto err = v.type().get(type)) return json_error(err, field);
    if (type == ondemand::json_type::null) return Status();
    if (type == ondemand::json_type::number) {
      if (plain_json_number(v.raw_json_token(), out)) return Status();
      double d = 0;
      if (auto err = v.get_double().get(d)) return json_error(err, field);
      if (!(std::fabs(d) <= core::kLargestNumber)) return fail(field, core::kLargestNumberText);
      out = core::Figure{d, core::decimals_of(v.raw_json_token())};
      return Status();
    }
    if (type != ondemand::json_type::string) return fail(field, "应为数字");
    std::string_view s;
    if (auto err = v.get_string().get(s)) return json_error(err, field);
    if (s.size() > 256) return fail(field, "应为数字，内容过长");
    if (full_marks != nullptr && core::says_full_marks(s)) {
      *full_marks = true;
      return Status();
    }
    core::parse_value_into(s, value_);
    if (value_.kind == core::ValueKind::empty || value_.kind == core::ValueKind::not_applicable) {
      return Status();
    }
    const bool plain = value_.kind == core::ValueKind::number && value_.op == core::Op::none &&
                       value_.label.empty();
    if (!plain || (unit_out == nullptr && !value_.unit.empty() && value_.unit != "分")) {
      return fail(field, "应为数字，实际为「" + std::string(s) + "」");
    }
    if (!(std::fabs(value_.number) <= core::kLargestNumber)) {
      return fail(field, core::kLargestNumberText);
    }
    out = core::Figure{value_.number, value_.decimals};
    if (unit_out != nullptr) *unit_out = core::money_unit(value_);
    return Status();
  }

  // A year: 2024, "2024", or as tables write it, "2024年" and "2024年度".
  Status year(ondemand::value v, std::string_view field, int& out) {
    std::optional<double> y;
    ondemand::json_type type;
    if (auto err = v.type().get(type)) return json_error(err, field);
    if (type == ondemand::json_type::string) {
      std::string_view s;
      if (auto err = v.get_string().get(s)) return json_error(err, field);
      s = core::text::trim(s);
      for (std::string_view suffix : {"年度", "年"}) {
        if (s.ends_with(suffix)) {
          s.remove_suffix(suffix.size());
          break;
        }
      }
      if (s.size() == 4 &&
          std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
      } else if (!s.empty()) {
        return fail(field, "应为年份（如 2024），实际为「" + std::string(s) + "」");
      }
    } else {
      Status s = plain_number(v, field, y);
      if (!s.ok()) return s;
    }
    if (!y) return Status();
    if (*y < 1900 || *y > 2200 || *y != static_cast<int>(*y)) {
      return fail(field, "应为年份（如 2024）");
    }
    out = static_cast<int>(*y);
    return Status();
  }

  Status plain_number(ondemand::value v, std::string_view field, std::optional<double>& out) {
    std::optional<core::Figure> f;
    Status s = number(v, field, f);
    out = f ? std::optional<double>(f->value) : std::nullopt;
    return s;
  }

  Status amount(ondemand::value v, std::string_view field, std::optional<double>& out) {
    std::optional<core::Figure> f;
    std::string_view written_unit;
    Status s = number(v, field, f, &written_unit);
    out.reset();
    if (!s.ok() || !f) return s;
    if (written_unit.empty()) {
      pending_.push_back({&out, f->value});
    } else if (written_unit == "元") {  // parse_value has turned 万元 and 亿元 into 元
      out = f->value / 1e4;
    } else {
      return fail(field, "金额单位应为元、万元或亿元");
    }
    return Status();
  }

  // `unit` has been checked when it was read (budget.unit).
  void convert_amounts(const std::string& unit) {
    for (const PendingAmount& p : pending_) {
      double wan = p.value;
      core::to_wan_yuan(p.value, unit, wan);
      *p.out = wan;
    }
    pending_.clear();
  }

  // Calls on_field(key, value) for each field of `obj`, stopping at the first error.
  template <typename OnField>
  Status each_field(ondemand::object obj, OnField&& on_field) {
    for (auto f : obj) {
      ondemand::field field;
      if (auto err = std::move(f).get(field)) return json_error(err, "");
      // Keys are plain ASCII names: read them in place, and unescape only a
      // key that has an escape in it (the closing quote is there: the
      // document's strings were checked when it was indexed).
      const char* raw = field.key().raw();
      const size_t len = raw_length(raw);
      std::string_view key(raw, len);
      if (raw[len] == '\\') {
        if (auto err = field.unescaped_key().get(key)) return json_error(err, "");
      }
      ondemand::value v = field.value();
      Status s = on_field(key, v);
      if (!s.ok()) return s;
    }
    return Status();
  }

  // Calls on_item(object) for each object of the array `v` named `field`.
  template <typename OnItem>
  Status each_object(ondemand::value v, std::string_view field, OnItem&& on_item) {
    ondemand::array arr;
    if (v.get_array().get(arr)) return fail(field, "应为数组");
    int i = 0;
    for (auto item : arr) {
      Scope scope(path_, field, i++);
      ondemand::object obj;
      if (auto err = item.get_object().get(obj)) {
        return err == INCORRECT_TYPE ? fail("", "应为对象") : json_error(err, "");
      }
      Status s = on_item(obj);
      if (!s.ok()) return s;
    }
    return Status();
  }

  Status unknown(std::string_view key) {
    return fail(key, "是未知字段（字段名见 docs/format.md）");
  }

  Status boolean(ondemand::value v, std::string_view field, bool& out) {
    if (v.get_bool().get(out) != SUCCESS) return fail(field, "应为 true 或 false");
    return Status();
  }

  Status evaluation(ondemand::object obj, Evaluation& e) {
    bool saw_indicators = false;
    Status status = each_field(obj, [&](std::string_view key, ondemand::value v) -> Status {
      if (key_is(key, "title")) return text(v, key, e.title);
      if (key_is(key, "unit")) return text(v, key, e.unit);
      if (key_is(key, "rule_set")) return text(v, key, e.rule_set);
      if (key_is(key, "overall_goal")) return text(v, key, e.overall_goal);
      if (key_is(key, "stated_total")) return number(v, key, e.stated_total);
      if (key_is(key, "stated_grade")) return text(v, key, e.stated_grade);
      if (key_is(key, "budget")) return budget(v, e);
      if (key_is(key, "department")) return department(v, e);
      if (key_is(key, "indicators")) {
        saw_indicators = true;
        return indicators(v, e, -1, key);
      }
      if (key_is(key, "year")) return year(v, key, e.year);
      if (key_is(key, "experts")) {
        Status s = strings(v, key, e.experts);
        if (s.ok() && e.experts.size() > kMaxExperts) return fail(key, "专家人数过多");
        return s;
      }
      if (!key_is(key, "kind") && !key_is(key, "scope") && !key_is(key, "panel_method"))
        return unknown(key);
      // The enumerations.
      Status s = text(v, key, scratch_);
      if (!s.ok()) return s;
      if (key_is(key, "kind")) {
        auto kind = core::evaluation_kind_from_text(scratch_);
        if (!kind) {
          return fail(key,
                      "应为 self（单位自评）、department（部门评价）、finance（财政评价）或 "
                      "third_party（第三方评价），实际为「" +
                          scratch_ + "」");
        }
        e.kind = *kind;
      } else if (key_is(key, "scope")) {
        auto scope = core::scope_from_text(scratch_);
        if (!scope)
          return fail(key,
                      "应为 project（项目支出）或 department_overall（部门整体支出），实际为「" +
                          scratch_ + "」");
        e.scope = *scope;
      } else if (scratch_ == "mean" || scratch_ == "trimmed_mean") {
        e.panel_method =
            scratch_ == "mean" ? core::PanelMethod::mean : core::PanelMethod::trimmed_mean;
      } else {
        return fail(key, "应为 mean 或 trimmed_mean");
      }
      return Status();
    });
    if (!status.ok()) return status;
    if (!saw_indicators) return Status::error("缺少字段 indicators（指标列表）");
    e.indicators.resize(count_);
    return Status();
  }

  Status strings(ondemand::value v, std::string_view field, std::vector<std::string>& out) {
    ondemand::array arr;
    if (v.get_array().get(arr)) return fail(field, "应为文字数组");
    out.clear();
    int i = 0;
    for (auto item : arr) {
      ondemand::value iv;
      if (auto err = item.get(iv)) return json_error(err, field);
      Scope scope(path_, field, i++);
      out.emplace_back();
      Status s = text(iv, "", out.back());
      if (!s.ok()) return s;
    }
    return Status();
  }

  Status budget(ondemand::value v, Evaluation& e) {
    Scope scope(path_, "budget");
    ondemand::object obj;
    if (v.get_object().get(obj)) return fail("", "应为对象");
    core::Budget& b = e.budget.emplace();
    std::string unit = "万元";
    pending_.clear();
    sources_.clear();
    bool full_marks = false;
    Status s = each_field(obj, [&](std::string_view key, ondemand::value fv) -> Status {
      if (key_is(key, "name")) return text(fv, key, b.name);
      if (key_is(key, "initial")) return amount(fv, key, b.initial);
      if (key_is(key, "adjusted")) return amount(fv, key, b.adjusted);
      if (key_is(key, "executed")) return amount(fv, key, b.executed);
      if (key_is(key, "received")) return amount(fv, key, b.received);
      if (key_is(key, "weight")) return plain_number(fv, key, b.weight);
      if (key_is(key, "target_rate")) return text(fv, key, b.target_rate);
      if (key_is(key, "stated_rate")) return text(fv, key, b.stated_rate);
      if (key_is(key, "stated_score")) {
        return number(fv, key, b.stated_score, nullptr, &full_marks);
      }
      if (key_is(key, "sources")) return sources(fv);
      if (key_is(key, "unit")) {
        Status u = text(fv, key, unit);
        double probe = 0;
        if (u.ok() && !core::to_wan_yuan(1, unit, probe)) return fail(key, "应为元、万元或亿元");
        return u;
      }
      return unknown(key);
    });
    if (!s.ok()) return s;
    if (full_marks && !(b.stated_score = core::full_marks(b.weight))) {
      return fail("stated_score", core::kFullMarksWithoutWeight);
    }
    convert_amounts(unit);
    // Sources were read into a deque: pending amounts point into its lines,
    // which a growing vector would have moved.
    b.sources.assign(std::make_move_iterator(sources_.begin()),
                     std::make_move_iterator(sources_.end()));
    sources_.clear();
    return Status();
  }

  Status sources(ondemand::value v) {
    return each_object(v, "sources", [&](ondemand::object obj) -> Status {
      if (sources_.size() >= kMaxFundingLines) return fail("", "资金来源行过多（最多 16 行）");
      core::FundingLine& line = sources_.emplace_back();
      return each_field(obj, [&](std::string_view key, ondemand::value fv) -> Status {
        if (key_is(key, "initial")) return amount(fv, key, line.initial);
        if (key_is(key, "adjusted")) return amount(fv, key, line.adjusted);
        if (key_is(key, "executed")) return amount(fv, key, line.executed);
        if (!key_is(key, "source")) return unknown(key);
        Status s = text(fv, key, scratch_);
        if (!s.ok()) return s;
        if (scratch_ == "fiscal" || scratch_ == "本年财政拨款" || scratch_ == "财政拨款") {
          line.source = core::FundingSource::fiscal;
        } else if (scratch_ == "carried_over" || scratch_ == "上年结转资金" ||
                   scratch_ == "上年结转") {
          line.source = core::FundingSource::carried_over;
        } else if (scratch_ == "other" || scratch_ == "其他资金") {
          line.source = core::FundingSource::other;
        } else {
          return fail(key, "应为 fiscal、carried_over 或 other");
        }
        return Status();
      });
    });
  }

  Status department(ondemand::value v, Evaluation& e) {
    Scope scope(path_, "department");
    ondemand::object obj;
    if (v.get_object().get(obj)) return fail("", "应为对象");
    core::DepartmentData& d = e.department.emplace();
    struct Field {
      std::string_view key;
      std::optional<double> core::DepartmentData::*member;
    };
    static constexpr Field kFields[] = {
        {"initial_budget", &core::DepartmentData::initial_budget},
        {"adjusted_budget", &core::DepartmentData::adjusted_budget},
        {"final_expenditure", &core::DepartmentData::final_expenditure},
        {"budget_adjustment", &core::DepartmentData::budget_adjustment},
        {"carryover", &core::DepartmentData::carryover},
        {"carryover_previous", &core::DepartmentData::carryover_previous},
        {"staff_actual", &core::DepartmentData::staff_actual},
        {"staff_quota", &core::DepartmentData::staff_quota},
        {"three_public", &core::DepartmentData::three_public},
        {"three_public_previous", &core::DepartmentData::three_public_previous},
        {"three_public_budget", &core::DepartmentData::three_public_budget},
        {"operating_budget", &core::DepartmentData::operating_budget},
        {"operating_actual", &core::DepartmentData::operating_actual},
        {"procurement_budget", &core::DepartmentData::procurement_budget},
        {"procurement_actual", &core::DepartmentData::procurement_actual},
        {"personnel", &core::DepartmentData::personnel},
        {"operating", &core::DepartmentData::operating},
        {"basic", &core::DepartmentData::basic},
    };
    return each_field(obj, [&](std::string_view key, ondemand::value fv) -> Status {
      if (key_is(key, "projects")) return projects(fv, d);
      for (const auto& field : kFields) {
        if (field.key == key) return plain_number(fv, key, d.*(field.member));
      }
      return unknown(key);
    });
  }

  Status projects(ondemand::value v, core::DepartmentData& d) {
    return each_object(v, "projects", [&](ondemand::object obj) {
      auto& p = d.projects.emplace_back();
      return each_field(obj, [&](std::string_view key, ondemand::value fv) -> Status {
        if (key_is(key, "title")) return text(fv, key, p.title);
        if (key_is(key, "total")) return plain_number(fv, key, p.total);
        if (key_is(key, "grade")) return text(fv, key, p.grade);
        return unknown(key);
      });
    });
  }

  Status indicators(ondemand::value v, Evaluation& e, int parent, std::string_view field) {
    const int level = parent == -1 ? 1 : e.indicators[parent].level + 1;
    if (level > kMaxLevels) return fail(field, "指标层级超过 8 级");
    return each_object(v, field, [&](ondemand::object obj) -> Status {
      if (count_ >= kMaxIndicators) return fail("", "指标超过 10000 个");
      const int index = static_cast<int>(count_++);
      if (static_cast<size_t>(index) >= e.indicators.size()) e.indicators.emplace_back();
      reset(e.indicators[index], parent, level);
      Status s = indicator(obj, e, index);
      if (!s.ok()) return s;
      if (e.indicators[index].name.empty()) return fail("name", "不能为空（指标名称）");
      return Status();
    });
  }

  static void reset(Indicator& n, int parent, int level) {
    n.name.clear();
    n.parent = parent;
    n.level = level;
    n.weight.reset();
    n.target_text.clear();
    n.actual_text.clear();
    n.stated_score.reset();
    n.checked_score.reset();
    n.deduction_reason.clear();
    n.kind = core::ScoringKind::automatic;
    n.per_point = 0;
    n.note.clear();
    n.not_applicable = false;
    n.figure.clear();
    n.expert_scores.clear();
  }

  Status indicator(ondemand::object obj, Evaluation& e, int index) {
    bool saw_target = false;
    bool saw_actual = false;
    bool full_marks = false;
    // `e.indicators` may grow while reading children: look the node up each time.
    Status status = each_field(obj, [&](std::string_view key, ondemand::value v) -> Status {
      Indicator& n = e.indicators[index];
      if (key_is(key, "name")) return text(v, key, n.name);
      if (key_is(key, "target")) {
        saw_target = true;
        return text(v, key, n.target_text);
      }
      if (key_is(key, "actual")) {
        saw_actual = true;
        return text(v, key, n.actual_text);
      }
      if (key_is(key, "weight")) {
        Status s = plain_number(v, key, n.weight);
        if (s.ok() && n.weight && *n.weight < 0) return fail(key, "分值不能为负数");
        return s;
      }
      if (key_is(key, "stated_score")) {
        return number(v, key, n.stated_score, nullptr, &full_marks);
      }
      if (key_is(key, "checked_score")) return plain_number(v, key, n.checked_score);
      if (key_is(key, "deduction_reason")) return text(v, key, n.deduction_reason);
      if (key_is(key, "note")) return text(v, key, n.note);
      if (key_is(key, "not_applicable")) return boolean(v, key, n.not_applicable);
      if (key_is(key, "expert_scores")) return expert_scores(v, key, n.expert_scores);
      if (key_is(key, "children")) return indicators(v, e, index, key);
      if (key_is(key, "per_point")) {
        std::optional<double> p;
        Status s = plain_number(v, key, p);
        n.per_point = p.value_or(0);
        return s;
      }
      if (key_is(key, "figure")) {
        Status s = text(v, key, n.figure);
        if (s.ok() && !core::is_department_figure_code(n.figure)) {
          return fail(key, "不是已知的部门整体指标「" + n.figure + "」");
        }
        return s;
      }
      if (key_is(key, "kind")) {
        Status s = text(v, key, scratch_);
        if (!s.ok()) return s;
        auto kind = core::scoring_kind_from_code(scratch_);
        if (!kind || !core::settable_scoring_kind(*kind)) {
          return fail(key, "不是可用的计分方式「" + scratch_ + "」（可用：" +
                               core::settable_scoring_kinds_text() + "）");
        }
        n.kind = *kind;
        return Status();
      }
      return unknown(key);
    });
    if (!status.ok()) return status;
    Indicator& n = e.indicators[index];
    if (full_marks && !(n.stated_score = core::full_marks(n.weight))) {
      return fail("stated_score", core::kFullMarksWithoutWeight);
    }
    if (saw_target) {
      values_.read_target(n.target_text, n.target);
    } else {
      core::reset_value(n.target);  // most parent rows have neither target nor actual
    }
    if (saw_actual) {
      values_.read(n.actual_text, n.actual);
    } else {
      core::reset_value(n.actual);
    }
    return Status();
  }

  // Numbers, one per expert; null, "/" or "回避" where the expert recused.
  Status expert_scores(ondemand::value v, std::string_view field,
                       std::vector<std::optional<double>>& out) {
    ondemand::array arr;
    if (v.get_array().get(arr)) return fail(field, "应为数字数组");
    int i = 0;
    for (auto item : arr) {
      ondemand::value iv;
      if (auto err = item.get(iv)) return json_error(err, field);
      Scope scope(path_, field, i++);
      if (out.size() >= kMaxExperts) return fail("", "专家评分过多");
      ondemand::json_type type;
      if (auto err = iv.type().get(type)) return json_error(err, "");
      std::string_view text;
      if (type == ondemand::json_type::string && !iv.get_string().get(text)) {
        // An empty score is a score left out, not a recusal (as in the expert sheet).
        if (core::text::trim(text).empty())
          return fail("", "缺少专家评分（回避的写 null 或 \"/\"）");
        if (core::text::trim(text) == "回避") {
          out.emplace_back();
          continue;
        }
      }
      std::optional<double> d;
      Status s = plain_number(iv, "", d);
      if (!s.ok()) return s;
      out.push_back(d);
    }
    return Status();
  }

  std::string& scratch_;
  core::ValueReader& values_;
  FieldPath& path_;
  std::vector<PendingAmount>& pending_;
  std::deque<core::FundingLine>& sources_;
  core::Value& value_;
  size_t count_ = 0;
};

}  // namespace

struct EvaluationReader::Impl {
  ondemand::parser parser;
  Evaluation evaluation;
  Workspace workspace;
  core::ValueReader values;  // remembers targets and actuals read before
  std::string buffer;        // text read into memory, plus padding
  std::string copy;          // one document near the end of a mapped file, plus padding

  Status read_one(const char* data, size_t len, size_t capacity, std::string_view origin,
                  size_t line, const Sink& sink) {
    ondemand::document doc;
    if (auto err = parser.iterate(data, len, capacity).get(doc)) {
      return Status::error(encoding_hint(err, std::string_view(data, len)))
          .within(origin_prefix(origin, line));
    }
    DocumentReader reader(workspace, values);
    Status s = reader.read(doc, evaluation);
    if (!s.ok()) return s.within(origin_prefix(origin, line));
    return sink(evaluation, line);
  }

  // Parses `len` bytes at `data`, of which `readable` may be read: the
  // parser reads up to SIMDJSON_PADDING bytes past the end, so text too near
  // the end of readable memory is parsed from a padded copy.
  Status read_padded(const char* data, size_t len, size_t readable, std::string_view origin,
                     size_t line, const Sink& sink) {
    if (readable >= len + SIMDJSON_PADDING)
      return read_one(data, len, readable, origin, line, sink);
    copy.assign(data, len);
    copy.resize(len + SIMDJSON_PADDING, '\0');
    return read_one(copy.data(), len, copy.size(), origin, line, sink);
  }

  // The message for a parse error; for text that is not UTF-8, what it
  // looks like instead (GBK from Chinese Windows), and what to do.
  static std::string encoding_hint(error_code err, std::string_view text) {
    if (err == UTF8_ERROR) {
      const std::string_view problem = not_utf8_problem(core::text::guess_encoding(text));
      if (!problem.empty()) return std::string(problem);
    }
    return std::string(chinese_error(err));
  }

  // Reads the `size` bytes at `base`, of which `readable` (≥ size) may be read.
  Status read_buffer(const char* base, size_t size, size_t readable, std::string_view origin,
                     bool json_lines, const Sink& sink, size_t first_line = 1) {
    // UTF-16 shows in its first bytes; the parser would call it a stray control character.
    const core::text::Encoding encoding =
        core::text::guess_encoding(std::string_view(base, std::min<size_t>(size, 4)));
    if (encoding == core::text::Encoding::utf16le || encoding == core::text::Encoding::utf16be) {
      return Status::error("文件 " + std::string(origin) + "：" +
                           std::string(not_utf8_problem(encoding)));
    }
    const size_t mark = core::text::byte_order_mark(std::string_view(base, size));
    base += mark;
    size -= mark;
    readable -= mark;
    if (core::text::trim(std::string_view(base, size)).empty()) {
      return Status::error("文件 " + std::string(origin) + "：文件为空");
    }
    if (!json_lines) return read_padded(base, size, readable, origin, 0, sink);
    size_t line = first_line - 1;
    for (size_t pos = 0; pos < size;) {
      const void* nl = std::memchr(base + pos, '\n', size - pos);
      const size_t end = nl ? static_cast<const char*>(nl) - base : size;
      ++line;
      const std::string_view content = core::text::trim(std::string_view(base + pos, end - pos));
      if (!content.empty()) {
        const size_t start = content.data() - base;
        Status s = read_padded(base + start, content.size(), readable - start, origin, line, sink);
        if (!s.ok()) return s;
      }
      pos = end + 1;
    }
    return Status();
  }

  static std::string origin_prefix(std::string_view origin, size_t line) {
    std::string p = "文件 " + std::string(origin);
    if (line > 0) p += " 第 " + std::to_string(line) + " 行";
    return p + "：";
  }
};

EvaluationReader::EvaluationReader() : impl_(std::make_unique<Impl>()) {}
EvaluationReader::~EvaluationReader() = default;

bool is_json_lines_path(std::string_view path) {
  const std::string extension = lower_extension(path);
  return extension == "jsonl" || extension == "ndjson";
}

Status EvaluationReader::read_text(std::string_view text, std::string_view origin, bool json_lines,
                                   const Sink& sink, size_t first_line) {
  // The parser reads up to SIMDJSON_PADDING bytes past the end: copy once.
  std::string& buf = impl_->buffer;
  buf.resize(text.size() + SIMDJSON_PADDING);
  std::memcpy(buf.data(), text.data(), text.size());
  std::memset(buf.data() + text.size(), 0, SIMDJSON_PADDING);
  return impl_->read_buffer(buf.data(), text.size(), buf.size(), origin, json_lines, sink,
                            first_line);
}

namespace {

// A report or another Office file given by mistake (to score, import, …),
// named by what it is and the command that reads it, rather than reported as
// broken JSON ("字符串缺少结束引号").
Status not_an_evaluation_file(const std::string& path, std::string_view text) {
  const std::string extension = lower_extension(path);
  if (extension == "docx" || extension == "doc" || extension == "wps" || extension == "pdf" ||
      text.starts_with("%PDF")) {
    return Status::error(
        "文件 " + path +
        "：是报告文档，不是评价文件；复核报告请用 jixiao audit（.docx 或导出的纯文本）");
  }
  if (text.starts_with(std::string_view("PK\x03\x04", 4))) {
    return Status::error(
        "文件 " + path +
        "：是 Office 文档（zip 格式），不是 JSON 评价文件；Excel 自评表的文件名应以 "
        ".xlsx 结尾，Word 报告请用 jixiao audit 复核");
  }
  return Status();
}

}  // namespace

Status EvaluationReader::read_file(const std::string& path, const Sink& sink) {
  // Large files are mapped, not copied: the reader then runs at the speed of
  // the parser. Documents near the end of the mapping are parsed from a
  // padded copy (read_padded).
  Result<FileBytes> bytes = FileBytes::open(path, kMaxEvaluationFileBytes);
  if (!bytes.ok()) return bytes.status();
  const std::string_view text = bytes->text();
  if (path != kStandardInput) {
    Status s = not_an_evaluation_file(path, text);
    if (!s.ok()) return s;
    return impl_->read_buffer(text.data(), text.size(), bytes->readable(), path,
                              is_json_lines_path(path), sink);
  }
  if (text.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
    return Status::error(std::string(kStandardInputName) +
                         "：是 Excel 文件（.xlsx），请给出文件路径，不能从标准输入读取");
  }
  return impl_->read_buffer(text.data(), text.size(), bytes->readable(), kStandardInputName,
                            looks_like_json_lines(text), sink);
}

bool looks_like_json_lines(std::string_view text) {
  text.remove_prefix(core::text::byte_order_mark(text));
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t nl = text.find('\n', pos);
    const size_t end = nl == std::string_view::npos ? text.size() : nl;
    const std::string_view line = core::text::trim(text.substr(pos, end - pos));
    if (!line.empty()) return line.size() >= 2 && line.front() == '{' && line.back() == '}';
    pos = end + 1;
  }
  return false;
}

Result<Evaluation> parse_evaluation(std::string_view json, std::string_view origin) {
  EvaluationReader reader;
  std::optional<Evaluation> out;
  Status s = reader.read_text(json, origin, false, [&](Evaluation& e, size_t) {
    out = e;
    return Status();
  });
  if (!s.ok()) return s;
  return std::move(*out);
}

}  // namespace jixiao::format
