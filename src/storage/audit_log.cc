#include "storage/audit_log.h"

#include "storage/query.h"

namespace jixiao::storage {
namespace {

std::optional<std::string_view> nullable(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string_view>(s);
}

}  // namespace

Status append_audit(Connection& c, const AuditEntry& e) {
  return execute(c,
                 "INSERT INTO audit_log (at, actor, user_id, action, record_type, record_id, "
                 "before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 e.at, e.actor, e.user_id, e.action, e.record_type, e.record_id,
                 nullable(e.before_json), nullable(e.after_json));
}

AuditBatch::AuditBatch(Connection& c)
    : rows_(c, "audit_log",
            {"at", "actor", "user_id", "action", "record_type", "record_id", "before_json",
             "after_json"}) {}

Status AuditBatch::add(const AuditEntry& e) {
  rows_.add(e.at).add(e.actor).add(e.user_id).add(e.action).add(e.record_type).add(e.record_id);
  rows_.add(nullable(e.before_json)).add(nullable(e.after_json));
  return rows_.end_row();
}

Result<std::vector<AuditEntry>> query_audit(Connection& c, const AuditQuery& q) {
  // Assembled from constant fragments, one per filter given; every value is
  // a bound parameter.
  std::string sql =
      "SELECT id, at, actor, user_id, action, record_type, record_id, "
      "COALESCE(before_json, ''), COALESCE(after_json, '') FROM audit_log WHERE 1 = 1";
  if (!q.record_type.empty()) sql += " AND record_type = ?";
  if (!q.record_id.empty()) sql += " AND record_id = ?";
  if (!q.actor.empty()) sql += " AND actor = ?";
  if (!q.from.empty()) sql += " AND at >= ?";
  if (!q.to.empty()) sql += " AND at < ?";
  sql += " ORDER BY id LIMIT ?";
  Result<Statement*> st = c.prepare(sql);
  if (!st.ok()) return st.status();
  int index = 1;
  for (const std::string* v : {&q.record_type, &q.record_id, &q.actor, &q.from, &q.to}) {
    if (!v->empty()) (*st)->bind(index++, *v);
  }
  (*st)->bind(index, q.limit);
  std::vector<AuditEntry> out;
  Status s = each_row(**st, [&](Statement& r) {
    AuditEntry e;
    e.id = r.get_int(0);
    e.at = r.get_string(1);
    e.actor = r.get_string(2);
    e.user_id = r.get_optional_int(3);
    e.action = r.get_string(4);
    e.record_type = r.get_string(5);
    e.record_id = r.get_string(6);
    e.before_json = r.get_string(7);
    e.after_json = r.get_string(8);
    out.push_back(std::move(e));
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace jixiao::storage
