// Fuzz entry points of the storage layer, shared by the libFuzzer binary
// (fuzz/backup_fuzzer.cc) and the corpus replay in the normal test run
// (test/fuzz/backup_corpus_test.cc).
#pragma once

#include <cstddef>
#include <cstdint>

namespace jixiao::fuzz {

// A backup file (untrusted bytes) restored into an empty in-memory SQLite
// database, inside a transaction that is then rolled back. The only failure
// is a crash or a sanitizer report; refusals are expected.
void backup(const uint8_t* data, size_t size);

}  // namespace jixiao::fuzz
