// Published survey results in storage: importing a CPES results file (replacing each year and
// kind it holds), its questions and expected-range parameters, and the reads the benchmarking
// pages need. Writes happen inside the caller's transaction, so an import is all or nothing.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "experience/cpes_results_file.hpp"
#include "experience/parameters_file.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

struct CpesImportSummary {
    std::int64_t rows_imported = 0;
    std::int64_t rows_replaced = 0;  // rows of the same years and kinds that were there before
    std::int64_t organisations = 0;
    std::vector<std::pair<int, std::string>> replaced;  // (year, kind)
};

// One row of results with its organisation, as the analyses read them.
struct StoredResult {
    std::int64_t organisation_id = 0;
    std::string org_code;
    std::string org_name;
    std::string level;
    std::string alliance_code;  // parent cancer alliance, if any
    std::string alliance_name;
    int year = 0;
    std::string kind;
    std::string sex;           // Both, Female, Male
    std::string imd_quintile;  // All, or 1 (most deprived) to 5
    std::string tumour_group;
    std::string question;
    std::optional<int> n;
    std::optional<double> score, ci_lower, ci_upper, expected_lower, expected_upper;
    std::string rating;
    std::string change_2017_2018;
    std::string change_all_years;
};

struct ResultQuery {
    std::optional<int> year;
    std::optional<std::string> kind;
    std::optional<std::string> level;  // trust, ccg, alliance, national
    std::optional<std::int64_t> organisation_id;
    std::optional<std::string> question;
    bool all_cancers_only = true;  // tumour_group = 'All Cancers', sex Both, IMD All
};

class ExperienceRepository {
  public:
    explicit ExperienceRepository(Connection& conn) : conn_(conn) {}

    // Upserts the file's organisations (alliances first, then trusts and CCGs under them), deletes
    // every row of each (year, kind) the file holds and inserts the file's rows.
    // `progress` (optional) is told the rows written so far, every few thousand rows.
    Result<CpesImportSummary> ImportResults(const experience::CpesResultsFile& file, std::int64_t now,
                                            const std::function<void(std::size_t, std::size_t)>& progress = {});
    Status RecordImport(std::int64_t now, const std::string& by, const std::string& source,
                        const CpesImportSummary& summary, std::int64_t rejected);
    Status ReplaceQuestions(const std::vector<experience::CpesQuestion>& questions);
    Status ReplaceParameters(int year, const std::vector<experience::QuestionParameters>& parameters);

    Result<std::vector<experience::CpesQuestion>> Questions();
    // Parameters stored for a year; empty when none were imported.
    Result<std::vector<experience::QuestionParameters>> Parameters(int year);
    Result<std::vector<StoredResult>> Results(const ResultQuery& query);
    // Years that have results of a kind, newest first.
    Result<std::vector<int>> Years(const std::string& kind);
    Result<std::int64_t> CountResults();

  private:
    Connection& conn_;
};

}  // namespace carevoice::store
