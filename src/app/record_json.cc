#include "app/record_json.h"

#include "format/evaluation_writer.h"
#include "format/json_writer.h"
#include "storage/units.h"

namespace jixiao::app {
namespace {

void evaluation_fields(format::JsonWriter& w, int64_t id, const core::Evaluation& e,
                       const storage::EvaluationResults& r, std::string_view source,
                       int64_t version) {
  w.field("id", static_cast<long long>(id))
      .field("title", e.title)
      .field("year", e.year)
      .field("unit", e.unit)
      .field("kind", core::evaluation_kind_code(e.kind))
      .field("scope", core::scope_code(e.scope))
      .field("total", r.total)
      .field("grade", r.grade)
      .field("indicators", static_cast<long long>(e.indicators.size()))
      .field("source", source)
      .field("version", static_cast<long long>(version));
}

}  // namespace

std::string evaluation_summary_json(int64_t id, const core::Evaluation& e,
                                    const storage::EvaluationResults& r, std::string_view source,
                                    int64_t version, bool with_content) {
  std::string out;
  format::JsonWriter w(out);
  w.begin_object();
  evaluation_fields(w, id, e, r, source, version);
  if (with_content) w.key("evaluation").raw_value(format::evaluation_to_json(e));
  w.end_object();
  return out;
}

std::string unit_json(const storage::UnitRecord& u) {
  std::string out;
  format::JsonWriter w(out);
  w.begin_object()
      .field("id", static_cast<long long>(u.id))
      .field("code", u.code)
      .field("name", u.name)
      .field("kind", storage::unit_kind_code(u.kind))
      .field("parent", u.parent_code)
      .field("version", static_cast<long long>(u.version))
      .end_object();
  return out;
}

std::string project_json(int64_t id, int year, int64_t unit_id, std::string_view title,
                         std::string_view scope) {
  std::string out;
  format::JsonWriter w(out);
  w.begin_object()
      .field("id", static_cast<long long>(id))
      .field("year", year)
      .field("unit_id", static_cast<long long>(unit_id))
      .field("title", title)
      .field("scope", scope)
      .end_object();
  return out;
}

std::string user_json(const storage::UserRecord& u, std::string_view unit_code) {
  std::string out;
  format::JsonWriter w(out);
  w.begin_object()
      .field("id", static_cast<long long>(u.id))
      .field("name", u.name)
      .field("roles", u.roles)
      .field("unit", unit_code)
      .field("disabled", u.disabled)
      .end_object();
  return out;
}

}  // namespace jixiao::app
