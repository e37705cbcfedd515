#include "store/cpes_yearly_scores.hpp"

#include "store/row_reader.hpp"

namespace carevoice::store {
namespace {

constexpr const char* kSeries =
    "FROM cpes_results r JOIN organisations o ON o.id = r.organisation_id WHERE o.code = ? AND r.kind = 'yearonyear' "
    "AND r.tumour_group = 'All Cancers' AND r.sex = 'Both' AND r.imd_quintile = 'All'";

}  // namespace

Result<std::vector<improvement::PublishedYearScore>> CpesYearlyScores(Connection& conn, const std::string& org_code,
                                                                      const std::string& question) {
    CV_ASSIGN_OR_RETURN(auto rows, conn.Query(std::string("SELECT r.year, r.score, r.n ") + kSeries +
                                                  " AND r.question = ? ORDER BY r.year",
                                              {org_code, question}));
    std::vector<improvement::PublishedYearScore> out;
    for (const Row& row : rows) {
        improvement::PublishedYearScore score;
        score.year = static_cast<int>(row.Int(0));
        score.score = row.OptDouble(1);
        if (!row.IsNull(2)) score.n = static_cast<int>(row.Int(2));
        out.push_back(score);
    }
    return out;
}

Result<std::vector<partnership::ItemScore>> CpesItemScores(Connection& conn, const std::string& org_code, int year,
                                                           const std::vector<std::string>& questions) {
    std::vector<partnership::ItemScore> out;
    if (questions.empty()) return out;
    std::vector<Value> params = {org_code, static_cast<std::int64_t>(year)};
    for (const std::string& q : questions) params.push_back(q);
    CV_ASSIGN_OR_RETURN(
        auto rows,
        conn.Query(std::string("SELECT r.question, r.score, r.n ") + kSeries + " AND r.year = ? AND r.question IN " +
                       Placeholders(questions.size()) + " AND r.score IS NOT NULL AND r.n IS NOT NULL",
                   params));
    for (const std::string& question : questions) {  // in the order asked
        for (const Row& row : rows) {
            if (row.Text(0) != question) continue;
            out.push_back({question, row.Double(1), static_cast<int>(row.Int(2)), question != kCpesMeanRatingQuestion});
        }
    }
    return out;
}

}  // namespace carevoice::store
