// Importing published CPES results, shared by `carevoice import cpes-results` and the upload page:
// parse and validate everything first, then write results, questions and parameters in one
// transaction with its audit entry. A refused file writes nothing.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts.hpp"
#include "core/clock.hpp"
#include "core/status.hpp"
#include "experience/cpes_results_file.hpp"
#include "store/experience_repository.hpp"
#include "store/sql.hpp"

namespace carevoice::app {

struct CpesImportRequest {
    std::string results;                    // CSV text, already decompressed
    std::optional<std::string> questions;   // cpes_2015_2018_questions.csv text
    std::optional<std::string> parameters;  // expected-range parameters CSV text
    std::optional<int> parameters_year;     // default: the newest year with adjusted results in the file
    bool skip_invalid = false;
    std::string source;  // file name, for the import log
};

struct CpesImportReport {
    store::CpesImportSummary summary;
    std::vector<experience::RejectedLine> rejected;
    std::size_t questions = 0;
    std::size_t parameters = 0;
    std::optional<int> parameters_year;
};

Result<CpesImportReport> ImportCpes(store::Connection& conn, const Clock& clock, const CpesImportRequest& request,
                                    const Actor& actor,
                                    const std::function<void(std::size_t, std::size_t)>& progress = {});

// The rejected lines as CSV: line,column,problem.
std::string RejectedLinesCsv(const std::vector<experience::RejectedLine>& rejected);

}  // namespace carevoice::app
