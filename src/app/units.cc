#include "app/units.h"

#include "app/record_json.h"
#include "storage/units.h"

namespace jixiao::app {

Result<int64_t> add_unit(Context& ctx, const core::Unit& unit) {
  if (unit.code.empty()) return Status::error("单位编码不能为空");
  if (unit.code.size() > 200 || unit.name.size() > 1000) {
    return Status::error("单位编码或名称过长");
  }
  if (unit.name.empty()) return Status::error("单位名称不能为空");
  storage::Transaction tx(ctx.connection);
  Status s = tx.begin_write();
  if (!s.ok()) return s;
  Result<std::optional<storage::UnitRecord>> existing =
      storage::find_unit(ctx.connection, unit.code);
  if (!existing.ok()) return existing.status();
  if (*existing) {
    return Status::error("单位编码「" + unit.code + "」已存在（" + (*existing)->name + "）");
  }
  storage::UnitRecord record;
  record.code = unit.code;
  record.name = unit.name;
  record.kind = unit.kind;
  record.created_at = ctx.clock.now();
  if (!unit.parent_code.empty()) {
    Result<std::optional<storage::UnitRecord>> parent =
        storage::find_unit(ctx.connection, unit.parent_code);
    if (!parent.ok()) return parent.status();
    if (!*parent) return Status::error("上级单位「" + unit.parent_code + "」不存在");
    if ((*parent)->kind == core::UnitKind::budget_unit) {
      return Status::error("预算单位「" + (*parent)->name + "」下不能再设下级单位");
    }
    record.parent_id = (*parent)->id;
    record.parent_code = (*parent)->code;
  }
  Result<int64_t> id = storage::insert_unit(ctx.connection, record);
  if (!id.ok()) return id.status();
  record.id = *id;
  s = audit(ctx, "create", "units", std::to_string(*id), "", unit_json(record));
  if (!s.ok()) return s;
  s = tx.commit();
  if (!s.ok()) return s;
  return *id;
}

Result<std::vector<storage::UnitRecord>> list_units(Context& ctx) {
  return in_read_transaction(ctx, [&] { return storage::list_units(ctx.connection); });
}

Result<int64_t> unit_id(Context& ctx, std::string_view code) {
  Result<std::optional<storage::UnitRecord>> unit = storage::find_unit(ctx.connection, code);
  if (!unit.ok()) return unit.status();
  if (!*unit) return Status::error("单位编码「" + std::string(code) + "」不存在");
  return (*unit)->id;
}

}  // namespace jixiao::app
