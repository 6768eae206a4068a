// Fuzz entry points, shared by the libFuzzer binaries (fuzz/*_fuzzer.cc) and
// the corpus replay in the normal test run (test/fuzz/corpus_test.cc). Each
// feeds untrusted bytes through a parser and the engine; the only failure is a
// crash or a sanitizer report.
#pragma once

#include <cstddef>
#include <cstdint>

namespace jixiao::fuzz {

// A target or actual as written: parse_value, word classification, and a
// one-leaf evaluation scored with it.
void value(const uint8_t* data, size_t size);

// An evaluation file (JSON, or JSON Lines when the first byte is odd): read,
// scored with the national rule set, explained and written out.
void evaluation(const uint8_t* data, size_t size);

// A workbook: read by the xlsx reader and the official-table importer, each
// evaluation scored, its findings located, and its report built and rendered
// as .docx. Input starting like a zip or OLE file is taken as the whole
// file; other input is a worksheet's XML, optionally followed by a NUL byte
// and a shared-strings part, packed into an otherwise valid workbook so that
// mutations reach the sheet parser and the importer instead of failing the
// zip checksum.
void xlsx(const uint8_t* data, size_t size);

// A report as exported text: read, its facts extracted and checked, the
// evaluation found scored, and everything written out (text, JSON, the
// evaluation file). Input starting like a zip or OLE file goes through the
// .docx reader instead.
void audit(const uint8_t* data, size_t size);

// A .docx report: input starting like a zip or OLE file is the whole file;
// other input is word/document.xml, packed into an otherwise valid package so
// that mutations reach the XML walk and the extraction. Then as audit().
void audit_docx(const uint8_t* data, size_t size);

// A rule set file (a bureau's own): read with its extends resolved and
// checked; when accepted, a fixed evaluation with every kind of leaf is
// scored by it, explained and written out.
void rule_set(const uint8_t* data, size_t size);

}  // namespace jixiao::fuzz
