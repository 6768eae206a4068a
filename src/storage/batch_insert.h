// Many rows into one table with multi-row INSERT statements
// ("INSERT INTO t (a, b) VALUES (?, ?), (?, ?) …"), so that a bulk import
// costs one statement per batch instead of one per row (on PostgreSQL, one
// round trip per batch). Both engines run the same SQL.
//
// The table and column names are compile-time constants of the caller, never
// input; every value is a bound parameter. Values are copied, so the caller's
// strings may change after add(). Rows reach the database when a batch is
// full and at flush(); a failed flush leaves the transaction to be rolled
// back by the caller. Not thread-safe; lives within one transaction.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.h"

namespace jixiao::storage {

class BatchInsert {
 public:
  BatchInsert(Connection& connection, std::string_view table,
              std::initializer_list<std::string_view> columns);
  BatchInsert(Connection& connection, std::string_view table,
              const std::vector<std::string>& columns);
  ~BatchInsert() = default;
  BatchInsert(const BatchInsert&) = delete;
  BatchInsert& operator=(const BatchInsert&) = delete;

  // The next column of the current row.
  BatchInsert& add_null();
  BatchInsert& add(int64_t value);
  BatchInsert& add(double value);
  BatchInsert& add(std::string_view value);
  BatchInsert& add(int value) { return add(static_cast<int64_t>(value)); }
  BatchInsert& add(bool value) { return add(static_cast<int64_t>(value)); }
  BatchInsert& add(const char* value) { return add(std::string_view(value)); }
  BatchInsert& add(const std::string& value) { return add(std::string_view(value)); }
  template <typename T>
  BatchInsert& add(const std::optional<T>& value) {
    return value ? add(*value) : add_null();
  }

  // Ends the current row (every column must have been added); inserts the
  // batch when it is full.
  Status end_row();
  // Inserts the rows not yet inserted.
  Status flush();

  size_t rows_inserted() const { return inserted_; }

  // Rows of this batch refer to rows of `parent` (a foreign key): the
  // parent's rows are inserted first whenever this batch is.
  void set_parent(BatchInsert* parent) { parent_ = parent; }

 private:
  struct Cell {
    enum class Type : uint8_t { null, integer, real, text } type;
    int64_t integer = 0;
    double real = 0;
    uint32_t offset = 0;  // text: a slice of text_
    uint32_t length = 0;
  };
  template <typename Columns>
  void init(std::string_view table, const Columns& columns);
  Status insert(size_t first_row, size_t rows);
  const std::string& sql_for(size_t rows);

  Connection& connection_;
  std::string prefix_;  // INSERT INTO t (a, b) VALUES
  std::string row_;     // (?, ?)
  size_t columns_;
  size_t batch_rows_;
  std::vector<Cell> cells_;
  std::string text_;
  std::map<size_t, std::string> sql_;
  size_t inserted_ = 0;
  BatchInsert* parent_ = nullptr;
};

}  // namespace jixiao::storage
