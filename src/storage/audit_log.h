// The audit log: who changed which record when, with the record before and
// after as JSON. Append-only: the schema's triggers refuse UPDATE and DELETE
// on audit_log in both engines.
//
// Contract: append_audit() runs inside the caller's transaction, so an entry
// exists exactly when the change it describes was committed.
#pragma once

#include <string>
#include <vector>

#include "storage/batch_insert.h"
#include "storage/database.h"
#include "storage/records.h"

namespace jixiao::storage {

Status append_audit(Connection& c, const AuditEntry& entry);

// Appends many entries in batches (a bulk import); flush() before committing.
class AuditBatch {
 public:
  explicit AuditBatch(Connection& c);
  Status add(const AuditEntry& entry);
  Status flush() { return rows_.flush(); }

 private:
  BatchInsert rows_;
};

// Filters; empty strings match everything. Times compare as ISO-8601 text:
// `from` inclusive, `to` exclusive.
struct AuditQuery {
  std::string record_type;
  std::string record_id;  // with record_type
  std::string actor;
  std::string from;
  std::string to;
  int limit = 1000;
};

// Matching entries, oldest first.
Result<std::vector<AuditEntry>> query_audit(Connection& c, const AuditQuery& q);

}  // namespace jixiao::storage
