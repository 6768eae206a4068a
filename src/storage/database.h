// The storage layer's small interface: a Database hands out Connections; a
// Connection prepares Statements and runs Transactions. Two implementations
// exist, SQLite (storage/sqlite/) and PostgreSQL (storage/postgres/); the
// repositories above this layer are written once against it.
//
// SQL dialect. Statements are written once, with `?` placeholders and bound
// parameters only, in the subset both engines understand (INSERT … RETURNING,
// ON CONFLICT DO NOTHING, row values, partial indexes). The PostgreSQL
// implementation rewrites `?` into `$1, $2 …`. What differs between the two
// engines (how a write transaction starts, locks for schema changes, identity
// sequences after explicit ids) is a method here, implemented in each.
//
// Types. A column holds NULL, a 64-bit integer, a double or UTF-8 text.
// Booleans are integers 0/1 and times are ISO-8601 UTC text
// ("2024-06-13T08:00:00Z") in both engines, so that a backup moves between
// them unchanged.
//
// Errors. Every failure is a Status whose message is Chinese and includes
// the engine's own text; ErrorKind tells callers the few cases they handle
// (a constraint violated, the database busy).
//
// Thread-safety. A Database may be shared by threads; connect() is
// thread-safe. A Connection and its Statements belong to one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace jixiao::storage {

enum class Dialect { sqlite, postgres };
std::string_view dialect_name(Dialect dialect);  // "sqlite", "postgres"

enum class ColumnType { null, integer, real, text };

// Why the last operation on a connection failed.
enum class ErrorKind {
  none,
  constraint,  // a unique, foreign-key or check constraint
  busy,        // another writer held the database longer than the busy timeout
  other,
};

// A prepared statement, owned by its Connection (which caches it by its
// text). Parameters are numbered from 1, columns from 0. A statement is
// reset (parameters kept) each time run() or the first next() starts it.
class Statement {
 public:
  virtual ~Statement() = default;

  virtual Statement& bind_null(int index) = 0;
  virtual Statement& bind(int index, int64_t value) = 0;
  virtual Statement& bind(int index, double value) = 0;
  virtual Statement& bind(int index, std::string_view value) = 0;  // copied
  // As bind(), without a copy where the engine allows: the caller keeps
  // `value` valid and unchanged until the statement has run.
  virtual Statement& bind_unowned(int index, std::string_view value) { return bind(index, value); }
  Statement& bind(int index, int value) { return bind(index, static_cast<int64_t>(value)); }
  Statement& bind(int index, bool value) { return bind(index, static_cast<int64_t>(value)); }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) {
    return bind(index, std::string_view(value));
  }
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  // Runs the statement to completion, ignoring any rows.
  virtual Status run() = 0;
  // Starts the statement on the first call, then moves to the next row:
  // true when a row is available, false at the end.
  virtual Result<bool> next() = 0;
  // Rows changed by the last run().
  virtual int64_t changes() const = 0;

  // The current row.
  virtual int column_count() const = 0;
  virtual std::string column_name(int column) const = 0;
  virtual ColumnType column_type(int column) const = 0;
  virtual bool is_null(int column) const = 0;
  virtual int64_t get_int(int column) const = 0;
  virtual double get_double(int column) const = 0;
  virtual std::string_view get_text(int column) const = 0;  // valid until the next step
  std::optional<double> get_optional_double(int column) const {
    return is_null(column) ? std::nullopt : std::optional<double>(get_double(column));
  }
  std::optional<int64_t> get_optional_int(int column) const {
    return is_null(column) ? std::nullopt : std::optional<int64_t>(get_int(column));
  }
  std::string get_string(int column) const { return std::string(get_text(column)); }
};

// One session with the database. Not thread-safe.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;

  // A statement for `sql` (with `?` placeholders), prepared once per
  // connection and reused. The pointer stays valid while the connection lives.
  virtual Result<Statement*> prepare(std::string_view sql) = 0;
  // Runs statements without parameters, separated by semicolons (migrations).
  virtual Status execute_script(std::string_view sql) = 0;

  // Transactions; prefer the Transaction guard below. A write transaction
  // takes the write lock at once (SQLite: BEGIN IMMEDIATE, waiting up to the
  // busy timeout), so a write never fails half-way for lack of a lock.
  virtual Status begin_write() = 0;
  virtual Status begin_read() = 0;
  // As begin_write, and serializes schema changes between processes
  // (PostgreSQL: an advisory lock held until the transaction ends).
  virtual Status begin_schema_change() = 0;
  virtual Status commit() = 0;
  virtual Status rollback() = 0;
  // Whether a transaction is open on this connection.
  virtual bool in_transaction() const = 0;

  // After rows were inserted with explicit ids (a restore), moves the table's
  // id generator past them. No-op where ids come from the rows (SQLite).
  virtual Status reset_id_sequence(std::string_view table) = 0;

  // `count` new ids for rows of `table` (its `id` column), for inserting
  // rows with explicit ids in batches. Needs an open write transaction; ids
  // reserved and not used are skipped, never reused by another writer.
  virtual Result<std::vector<int64_t>> reserve_ids(std::string_view table, int count) = 0;

  // The columns of `table`, in order; empty when there is no such table.
  virtual Result<std::vector<std::string>> table_columns(std::string_view table) = 0;

  // The most bound parameters one statement may carry.
  virtual int max_parameters() const = 0;

  // The kind of the last failure.
  virtual ErrorKind last_error_kind() const = 0;
};

// A database named by `--db`: a file path (SQLite) or a postgresql:// URL.
class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  // A new connection, configured (SQLite: WAL, foreign keys, busy timeout).
  virtual Result<std::unique_ptr<Connection>> connect() = 0;
  // The name for messages, without any password.
  virtual std::string describe() const = 0;
};

struct OpenOptions {
  // SQLite: create the file when it does not exist. When false, a missing
  // file is an error that tells the user to run `jixiao init`.
  bool create = false;
};

// Opens the database `name`: "postgresql://…" or "postgres://…" for
// PostgreSQL, anything else is a SQLite file path.
Result<std::unique_ptr<Database>> open_database(std::string_view name,
                                                const OpenOptions& options = {});

bool is_postgres_url(std::string_view name);

// RAII transaction: rolls back unless commit() succeeded. A Transaction begun
// while another is open on the connection joins it: its begin and commit do
// nothing and the outer one decides (so a use case may call another). Usage:
//   Transaction tx(connection);
//   if (Status s = tx.begin_write(); !s.ok()) return s;
//   … ; return tx.commit();
class Transaction {
 public:
  explicit Transaction(Connection& connection) : connection_(connection) {}
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  Status begin_write();
  Status begin_read();
  Status begin_schema_change();
  Status commit();
  // Rolls back now (also done by the destructor).
  void abandon();

 private:
  Status started(Status s);
  Connection& connection_;
  bool open_ = false;
  bool joined_ = false;
};

}  // namespace jixiao::storage
