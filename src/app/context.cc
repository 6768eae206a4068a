#include "app/context.h"

#include "storage/audit_log.h"
#include "storage/users.h"

namespace jixiao::app {

Status audit(Context& ctx, std::string_view action, std::string_view record_type,
             std::string_view record_id, std::string before_json, std::string after_json,
             storage::AuditBatch* batch) {
  if (!ctx.actor_user_id) {
    Result<std::optional<storage::UserRecord>> user = storage::find_user(ctx.connection, ctx.actor);
    if (!user.ok()) return user.status();
    ctx.actor_user_id = *user ? std::optional<int64_t>((*user)->id) : std::nullopt;
  }
  storage::AuditEntry e;
  e.at = ctx.clock.now();
  e.actor = ctx.actor;
  e.user_id = *ctx.actor_user_id;
  e.action = action;
  e.record_type = record_type;
  e.record_id = record_id;
  e.before_json = std::move(before_json);
  e.after_json = std::move(after_json);
  return batch ? batch->add(e) : storage::append_audit(ctx.connection, e);
}

Result<std::vector<storage::AuditEntry>> audit_entries(Context& ctx,
                                                       const storage::AuditQuery& query) {
  return in_read_transaction(ctx, [&] { return storage::query_audit(ctx.connection, query); });
}

}  // namespace jixiao::app
