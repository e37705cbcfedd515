// Reading a published National Cancer Patient Experience Survey results file (the layout of
// ../shared/datasets/cpes: one row per organisation × year × kind × breakdown × question).
// Every row is validated; a problem names its line, column and what is wrong. Pure: no storage.
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/status.hpp"

namespace carevoice::experience {

enum class OrgLevel { kTrust, kCcg, kAlliance, kNational };
std::string_view OrgLevelName(OrgLevel level);  // "trust", "ccg", "alliance", "national"

// The code given to the national row, whose file code is "All".
inline constexpr std::string_view kNationalCode = "ENG";

struct CpesOrganisation {
    OrgLevel level = OrgLevel::kTrust;
    std::string code;
    std::string name;
    std::string cancer_alliance;  // for trusts and CCGs, the name of their cancer alliance
};

struct CpesResultRow {
    std::size_t line = 0;
    std::size_t organisation = 0;  // index into CpesResultsFile::organisations
    int year = 0;
    // Short vocabulary fields point into the file's string pool; they stay valid as long as it lives.
    std::string_view kind;  // adjusted, unadjusted, yearonyear
    std::string_view sex;
    std::string_view imd_quintile;
    std::string_view tumour_group;
    std::string_view question;
    std::optional<int> n;
    std::optional<double> score, ci_lower, ci_upper, expected_lower, expected_upper;
    std::string_view rating;  // "", above, within, below
    std::string_view change_2017_2018;
    std::string_view change_all_years;
};

struct RejectedLine {
    std::size_t line = 0;
    std::string column;
    std::string problem;
};

struct CpesResultsFile {
    std::vector<CpesOrganisation> organisations;
    std::vector<CpesResultRow> rows;
    std::vector<RejectedLine> rejected;  // only with skip_invalid
    // (year, kind) pairs present, which an import replaces.
    std::vector<std::pair<int, std::string>> year_kinds;
    // Interned short strings the rows point at (node-based, so views stay valid on growth).
    std::unordered_set<std::string> pool;
};

struct CpesParseOptions {
    bool skip_invalid = false;  // false: any bad row refuses the whole file
    std::size_t max_reported_problems = 50;
};

// Parses CSV text (already decompressed). Without skip_invalid, fails listing up to
// max_reported_problems problems as "line N, column C" details.
Result<CpesResultsFile> ParseCpesResults(std::string_view text, const CpesParseOptions& options = {});

// One question of the questionnaire: id, section and wording (cpes_2015_2018_questions.csv).
struct CpesQuestion {
    std::string id;
    std::string section;
    std::string text;
    int order = 0;  // position in the file, which follows the questionnaire
};
Result<std::vector<CpesQuestion>> ParseCpesQuestions(std::string_view text);

// Q59 is a mean rating from 0 to 10; every other question is a percentage of positive answers.
bool IsMeanQuestion(std::string_view question);

}  // namespace carevoice::experience
