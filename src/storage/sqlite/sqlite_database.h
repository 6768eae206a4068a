// The SQLite implementation of storage::Database (libsqlite3), the embedded
// default: one file, zero set-up.
//
// Every connection runs in WAL mode (readers never block the writer), with
// foreign keys on, synchronous=NORMAL (a commit survives a crash of the
// process; a power loss may lose the last commits but never corrupts) and a
// busy timeout of kBusyTimeoutMs: a second writer waits for the first
// instead of failing. Write transactions start with BEGIN IMMEDIATE, so the
// write lock is taken before anything is read.
#pragma once

#include <memory>
#include <string_view>

#include "storage/database.h"

namespace jixiao::storage::sqlite {

inline constexpr int kBusyTimeoutMs = 30000;

// `path` is the database file. With `create` false a missing file is an
// error telling the user to run `jixiao init`.
Result<std::unique_ptr<Database>> open(std::string_view path, bool create);

}  // namespace jixiao::storage::sqlite
