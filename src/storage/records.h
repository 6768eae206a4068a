// The values the repositories read and write: one struct per kind of
// record, plain data with no behaviour. Times are ISO-8601 UTC text given by
// the caller (app/ injects the clock); ids are the database's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"

namespace jixiao::storage {

struct UnitRecord {
  int64_t id = 0;
  std::string code;
  std::string name;
  core::UnitKind kind = core::UnitKind::budget_unit;
  std::optional<int64_t> parent_id;
  std::string parent_code;  // filled when read
  int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};

std::string_view unit_kind_code(core::UnitKind kind);
std::optional<core::UnitKind> unit_kind_from_code(std::string_view code);
std::string_view unit_kind_label(core::UnitKind kind);  // 财政局 / 主管部门 / 预算单位

struct UserRecord {
  int64_t id = 0;
  std::string name;
  std::string password_hash;  // argon2id
  std::optional<int64_t> unit_id;
  std::vector<std::string> roles;
  bool disabled = false;
  int64_t version = 1;
  std::string created_at;
};

// One entry of the audit log. `before_json` is empty for a creation,
// `after_json` for a deletion.
struct AuditEntry {
  int64_t id = 0;
  std::string at;
  std::string actor;
  std::optional<int64_t> user_id;
  std::string action;       // create, update, copy, restore …
  std::string record_type;  // the table: units, evaluations …
  std::string record_id;
  std::string before_json;
  std::string after_json;
};

// ---- evaluations -----------------------------------------------------------

// The computed results of one evaluation, as stored beside its input
// (app/scored_rows.h makes them from a ScoreCard).
struct NodeResultRow {
  bool scored = false;
  std::optional<double> score;
  std::string scored_kind;  // the scoring kind the engine used
  std::optional<double> achievement;
  std::optional<double> deviation;  // < 0: short of the target by this share
};

struct FindingRow {
  std::string code;
  std::string severity;   // error | warning
  std::string path_json;  // JSON array of names
  std::string message;
};

struct FigureRow {
  std::string code;
  std::optional<double> value;
};

struct EvaluationResults {
  std::string scored_with;  // rule set name
  double total = 0;
  double raw_total = 0;
  double weight = 0;
  double applicable_weight = 0;
  bool rescaled = false;
  std::optional<double> cap;
  std::string grade;  // 优
  std::string grade_code;
  std::optional<double> execution_rate;
  std::optional<double> execution_score;
  std::optional<double> execution_weight;
  int error_count = 0;
  int warning_count = 0;
  std::vector<NodeResultRow> nodes;  // aligned with Evaluation::indicators
  std::vector<FindingRow> findings;
  std::vector<FigureRow> figures;
};

// Where an evaluation belongs.
struct EvaluationPlace {
  int year = 0;
  int64_t unit_id = 0;
  int64_t project_id = 0;
};

// One line of a listing.
struct EvaluationHeader {
  int64_t id = 0;
  int year = 0;
  int64_t unit_id = 0;
  std::string unit_code;
  std::string unit_name;
  int64_t project_id = 0;
  std::string title;
  std::string kind;
  std::string scope;
  double total = 0;
  std::string grade;
  std::string grade_code;
  std::optional<double> execution_rate;
  int indicator_count = 0;
  std::string state;
  std::string source;
  int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};

struct StoredEvaluation {
  EvaluationHeader header;
  core::Evaluation evaluation;  // the input, as imported
  EvaluationResults results;
};

struct EvaluationFilter {
  std::optional<int> year;
  std::optional<int64_t> unit_id;
  std::vector<int64_t> ids;  // empty: all
};

}  // namespace jixiao::storage
