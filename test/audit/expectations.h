// The corpus expectation files (test/audit/reports/*.expect,
// test/audit/samples/*.expect; format in test/audit/reports/README.md) and
// their check against an audit: facts at the precision written, required
// findings by code and quote, forbidden codes, and no audit finding that no
// `finding` line accounts for.
#pragma once

#include <string>
#include <vector>

#include "audit/audit.h"

namespace jixiao::test {

struct Expectation {
  std::string verb;  // fact, finding, no_finding
  std::vector<std::string> fields;
  int line = 0;
};

std::vector<Expectation> read_expectations(const std::string& path);

// Every way `audit` fails `expected`, one line each; empty when it passes.
std::vector<std::string> check_expectations(const std::vector<Expectation>& expected,
                                            const audit::Audit& audit);

}  // namespace jixiao::test
