#include "storage/batch_insert.h"

#include <algorithm>
#include <cassert>

namespace jixiao::storage {

BatchInsert::BatchInsert(Connection& connection, std::string_view table,
                         std::initializer_list<std::string_view> columns)
    : connection_(connection), columns_(columns.size()) {
  init(table, columns);
}

BatchInsert::BatchInsert(Connection& connection, std::string_view table,
                         const std::vector<std::string>& columns)
    : connection_(connection), columns_(columns.size()) {
  init(table, columns);
}

template <typename Columns>
void BatchInsert::init(std::string_view table, const Columns& columns) {
  prefix_ = "INSERT INTO " + std::string(table) + " (";
  row_ = "(";
  bool first = true;
  for (std::string_view c : columns) {
    prefix_ += first ? "" : ", ";
    prefix_ += c;
    row_ += first ? "?" : ", ?";
    first = false;
  }
  prefix_ += ") VALUES ";
  row_ += ")";
  // SQLite gains little beyond a few dozen rows a statement; PostgreSQL saves
  // a round trip per row. Both stay far below their parameter limits.
  const size_t wanted = connection_.dialect() == Dialect::sqlite ? 32 : 256;
  const size_t limit =
      static_cast<size_t>(connection_.max_parameters()) / std::max<size_t>(1, columns_);
  batch_rows_ = std::max<size_t>(1, std::min(wanted, limit));
  cells_.reserve(batch_rows_ * columns_);
}

BatchInsert& BatchInsert::add_null() {
  cells_.push_back({Cell::Type::null});
  return *this;
}

BatchInsert& BatchInsert::add(int64_t value) {
  Cell c{Cell::Type::integer};
  c.integer = value;
  cells_.push_back(c);
  return *this;
}

BatchInsert& BatchInsert::add(double value) {
  Cell c{Cell::Type::real};
  c.real = value;
  cells_.push_back(c);
  return *this;
}

BatchInsert& BatchInsert::add(std::string_view value) {
  Cell c{Cell::Type::text};
  c.offset = static_cast<uint32_t>(text_.size());
  c.length = static_cast<uint32_t>(value.size());
  text_.append(value);
  cells_.push_back(c);
  return *this;
}

Status BatchInsert::end_row() {
  assert(cells_.size() % columns_ == 0 && "every column of a row must be added");
  if (cells_.size() < batch_rows_ * columns_) return Status();
  return flush();
}

Status BatchInsert::flush() {
  const size_t rows = cells_.size() / columns_;
  if (parent_ != nullptr && rows > 0) {
    Status s = parent_->flush();
    if (!s.ok()) return s;
  }
  // Full batches, then the rest in power-of-two pieces, so that at most a
  // handful of statement shapes are ever prepared.
  size_t done = 0;
  while (done < rows) {
    size_t n = std::min(batch_rows_, rows - done);
    if (n < batch_rows_) n = size_t{1} << (63 - __builtin_clzll(n));  // largest power of two ≤ n
    Status s = insert(done, n);
    if (!s.ok()) {
      cells_.clear();
      text_.clear();
      return s;
    }
    done += n;
  }
  inserted_ += rows;
  cells_.clear();
  text_.clear();
  return Status();
}

const std::string& BatchInsert::sql_for(size_t rows) {
  std::string& sql = sql_[rows];
  if (sql.empty()) {
    sql.reserve(prefix_.size() + rows * (row_.size() + 2));
    sql = prefix_;
    for (size_t r = 0; r < rows; ++r) {
      if (r) sql += ", ";
      sql += row_;
    }
  }
  return sql;
}

Status BatchInsert::insert(size_t first_row, size_t rows) {
  Result<Statement*> prepared = connection_.prepare(sql_for(rows));
  if (!prepared.ok()) return prepared.status();
  Statement& st = **prepared;
  const size_t begin = first_row * columns_;
  const size_t end = begin + rows * columns_;
  int index = 1;
  for (size_t i = begin; i < end; ++i, ++index) {
    const Cell& c = cells_[i];
    switch (c.type) {
      case Cell::Type::null:
        st.bind_null(index);
        break;
      case Cell::Type::integer:
        st.bind(index, c.integer);
        break;
      case Cell::Type::real:
        st.bind(index, c.real);
        break;
      case Cell::Type::text:
        // text_ stays as it is until the statement has run.
        st.bind_unowned(index, std::string_view(text_).substr(c.offset, c.length));
        break;
    }
  }
  return st.run();
}

}  // namespace jixiao::storage
