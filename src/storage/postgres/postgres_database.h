// The PostgreSQL implementation of storage::Database (libpq), for shared
// deployments: any number of stateless jixiao processes in front of one
// server.
//
// Statements are prepared once per connection (PQprepare) with their `?`
// placeholders rewritten to `$1, $2 …` (rewrite_placeholders below), and
// parameters travel as text. Write transactions run at READ COMMITTED and
// rely on row versions (optimistic concurrency) and constraints, read
// transactions at REPEATABLE READ READ ONLY (one consistent snapshot for an
// export or a backup). Schema changes hold an advisory lock so that two
// processes starting at once do not both migrate.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "storage/database.h"

namespace jixiao::storage::postgres {

// `url` is a libpq connection URI (postgresql://user:password@host:port/db?…).
// Connections are made by connect(); opening checks nothing.
Result<std::unique_ptr<Database>> open(std::string_view url);

// `sql` with each `?` outside quotes and comments replaced by $1, $2, …;
// `count` receives the number of placeholders.
std::string rewrite_placeholders(std::string_view sql, int& count);

// `url` with any password replaced by "***", for messages.
std::string redact_url(std::string_view url);

}  // namespace jixiao::storage::postgres
