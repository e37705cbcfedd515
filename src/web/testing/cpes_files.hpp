// Test helper: the published National Cancer Patient Experience Survey files of the shared datasets
// (SharedDir()/datasets/cpes), cut down to the rows a test wants, and imported into a test server as an
// administrator would. Compiled into test programs only.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "web/testing/test_server.hpp"

namespace carevoice::web::testing {

// The results file (2015–2018), the questions and the 2018 expected-range parameters, as the importer takes
// them.
struct CpesFiles {
    std::string results, questions, parameters;
};

// The index of a column of the results file, by its name in the header ("org_code", "year"...).
using CpesColumnOf = std::function<std::size_t(std::string_view name)>;

// Which rows of the results file a test keeps. `code_wanted` sees each row's organisation code before the
// row is parsed, so that most of the file is skipped unread; `keep` sees each row whose code it accepted,
// may change it, and may add whole CSV lines to `extra`, written after it.
struct CpesRowFilter {
    std::function<bool(std::string_view code)> code_wanted;
    std::function<bool(const CpesColumnOf& col, std::vector<std::string>& row, std::string& extra)> keep;
};

// The published files; `results` holds the header and the rows `filter` keeps.
CpesFiles ReadCpesFiles(const CpesRowFilter& filter);

// Imports the files into `server` (questions and parameters only if not empty) as "(test)", an
// administrator; a test failure if the import is refused.
void ImportCpes(TestServer& server, const CpesFiles& files);

}  // namespace carevoice::web::testing
