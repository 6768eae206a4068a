// What every use case needs: the connection it works on, the clock, and who
// acts (recorded in the audit log). The CLI acts as the operating-system
// user or the name given by --as; the future HTTP server as the logged-in
// user. Permissions will be checked here, in app/, for both.
#pragma once

#include <optional>
#include <string>

#include "app/clock.h"
#include "storage/audit_log.h"
#include "storage/database.h"
#include "storage/records.h"

namespace jixiao::app {

struct Context {
  storage::Connection& connection;
  const Clock& clock;
  std::string actor;
  // The actor's users.id once looked up (nullopt inside: not a user).
  std::optional<std::optional<int64_t>> actor_user_id = std::nullopt;
};

// Appends an audit entry for the change just made, in the current
// transaction: who (ctx.actor), when (ctx.clock), which record, before and
// after (JSON; empty for none). With `batch`, the entry is batched (a bulk
// import flushes it before committing).
Status audit(Context& ctx, std::string_view action, std::string_view record_type,
             std::string_view record_id, std::string before_json, std::string after_json,
             storage::AuditBatch* batch = nullptr);

// Runs `read` (returning a Result) in one read transaction: one consistent
// snapshot, joined to an open transaction when there is one.
template <typename Read>
auto in_read_transaction(Context& ctx, Read&& read) -> decltype(read()) {
  storage::Transaction tx(ctx.connection);
  Status s = tx.begin_read();
  if (!s.ok()) return s;
  auto out = read();
  if (!out.ok()) return out;
  s = tx.commit();
  if (!s.ok()) return s;
  return out;
}

// The audit log's entries matching `query`, oldest first.
Result<std::vector<storage::AuditEntry>> audit_entries(Context& ctx,
                                                       const storage::AuditQuery& query);

}  // namespace jixiao::app
