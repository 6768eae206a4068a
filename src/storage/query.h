// Small helpers the repositories share: prepare and bind in one call, loop
// over rows, read a single value. Header-only; every SQL text passed here is
// a constant of the caller with `?` placeholders.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "storage/database.h"

namespace jixiao::storage {

// `sql` prepared, with `args` bound to ?1, ?2, … in order.
template <typename... Args>
Result<Statement*> bound(Connection& c, std::string_view sql, const Args&... args) {
  Result<Statement*> st = c.prepare(sql);
  if (!st.ok()) return st;
  int index = 1;
  ((*st)->bind(index++, args), ...);
  return st;
}

// Calls on_row(statement) for each row of `st`.
template <typename OnRow>
Status each_row(Statement& st, OnRow&& on_row) {
  for (;;) {
    Result<bool> row = st.next();
    if (!row.ok()) return row.status();
    if (!*row) return Status();
    on_row(st);
  }
}

template <typename OnRow, typename... Args>
Status query(Connection& c, std::string_view sql, OnRow&& on_row, const Args&... args) {
  Result<Statement*> st = bound(c, sql, args...);
  if (!st.ok()) return st.status();
  return each_row(**st, on_row);
}

// Runs a statement with no result rows.
template <typename... Args>
Status execute(Connection& c, std::string_view sql, const Args&... args) {
  Result<Statement*> st = bound(c, sql, args...);
  if (!st.ok()) return st.status();
  return (*st)->run();
}

// As execute(), returning the number of rows changed.
template <typename... Args>
Result<int64_t> execute_changes(Connection& c, std::string_view sql, const Args&... args) {
  Result<Statement*> st = bound(c, sql, args...);
  if (!st.ok()) return st.status();
  Status s = (*st)->run();
  if (!s.ok()) return s;
  return (*st)->changes();
}

// The first column of the first row as an integer; nullopt when there is no
// row or it is NULL. Reads the rest of the rows so the statement is done.
template <typename... Args>
Result<std::optional<int64_t>> query_int(Connection& c, std::string_view sql, const Args&... args) {
  std::optional<int64_t> value;
  bool first = true;
  Status s = query(
      c, sql,
      [&](Statement& st) {
        if (first && !st.is_null(0)) value = st.get_int(0);
        first = false;
      },
      args...);
  if (!s.ok()) return s;
  return value;
}

}  // namespace jixiao::storage
