#include "store/experience_repository.hpp"

#include <map>

#include "store/organisations_repository.hpp"

namespace carevoice::store {
namespace {

struct IndexDefinition {
    const char* name;
    const char* columns;
};
// Must match src/store/migrations/0003_cpes_results.sql (repositories_test checks both exist after an import).
constexpr IndexDefinition kResultIndexes[] = {
    {"cpes_results_year_kind", "(year, kind, question)"},
    {"cpes_results_organisation", "(organisation_id, year, kind)"},
};
constexpr std::size_t kRebuildIndexesFrom = 20000;

ValueRef Opt(const std::optional<double>& v) { return v ? ValueRef(*v) : ValueRef(std::monostate{}); }
ValueRef Opt(const std::optional<int>& v) {
    return v ? ValueRef(static_cast<std::int64_t>(*v)) : ValueRef(std::monostate{});
}
ValueRef TextOrNull(std::string_view s) { return s.empty() ? ValueRef(std::monostate{}) : ValueRef(s); }

// Alliance names in the trust rows sometimes omit the "National Cancer Vanguard: " prefix the
// alliance rows carry; match both.
std::string AllianceKey(std::string_view name) {
    constexpr std::string_view kPrefix = "National Cancer Vanguard: ";
    if (name.substr(0, kPrefix.size()) == kPrefix) name.remove_prefix(kPrefix.size());
    return std::string(name);
}

}  // namespace

Result<CpesImportSummary> ExperienceRepository::ImportResults(
    const experience::CpesResultsFile& file, std::int64_t now,
    const std::function<void(std::size_t, std::size_t)>& progress) {
    CpesImportSummary summary;
    OrganisationsRepository orgs(conn_);
    std::vector<std::int64_t> org_ids(file.organisations.size(), 0);
    std::map<std::string, std::int64_t> alliance_by_name;
    // Alliances first, so that trusts and CCGs can point at them.
    for (std::size_t i = 0; i < file.organisations.size(); ++i) {
        const auto& o = file.organisations[i];
        if (o.level != experience::OrgLevel::kAlliance && o.level != experience::OrgLevel::kNational) continue;
        CV_ASSIGN_OR_RETURN(
            auto stored,
            orgs.Upsert({0, o.code, o.name, std::string(experience::OrgLevelName(o.level)), std::nullopt}, now));
        org_ids[i] = stored.id;
        if (o.level == experience::OrgLevel::kAlliance) alliance_by_name[AllianceKey(o.name)] = stored.id;
    }
    // An alliance known from an earlier import still counts.
    CV_ASSIGN_OR_RETURN(auto known, orgs.List("alliance"));
    for (const auto& a : known) alliance_by_name.emplace(AllianceKey(a.name), a.id);
    for (std::size_t i = 0; i < file.organisations.size(); ++i) {
        const auto& o = file.organisations[i];
        if (org_ids[i] != 0) continue;
        std::optional<std::int64_t> parent;
        if (auto it = alliance_by_name.find(AllianceKey(o.cancer_alliance)); it != alliance_by_name.end()) {
            parent = it->second;
        }
        CV_ASSIGN_OR_RETURN(
            auto stored, orgs.Upsert({0, o.code, o.name, std::string(experience::OrgLevelName(o.level)), parent}, now));
        org_ids[i] = stored.id;
    }
    summary.organisations = static_cast<std::int64_t>(file.organisations.size());

    for (const auto& [year, kind] : file.year_kinds) {
        CV_ASSIGN_OR_RETURN(auto removed, conn_.Execute("DELETE FROM cpes_results WHERE year = ? AND kind = ?",
                                                        {static_cast<std::int64_t>(year), kind}));
        summary.rows_replaced += removed;
        summary.replaced.emplace_back(year, kind);
    }
    // A large import writes faster into a table without indexes and then builds each index once, sorted,
    // than by updating two indexes row by row. The definitions are migration 0003's.
    const bool rebuild_indexes = file.rows.size() >= kRebuildIndexesFrom;
    if (rebuild_indexes && conn_.engine() == Engine::kSqlite) {
        // For this connection while the import runs: a page cache large enough that the new table's pages
        // are written once, at commit, instead of spilling to the WAL and being read back for the index
        // builds; and a second thread for the index builds' sorts. Both are restored afterwards.
        CV_RETURN_IF_ERROR(conn_.ExecuteScript("PRAGMA cache_size = -262144; PRAGMA threads = 2"));
    }
    if (rebuild_indexes) {
        for (const auto& index : kResultIndexes) {
            CV_RETURN_IF_ERROR(conn_.ExecuteScript(std::string("DROP INDEX IF EXISTS ") + index.name));
        }
    }
    CV_ASSIGN_OR_RETURN(
        auto inserter,
        conn_.StartBulkInsert("cpes_results", {"organisation_id", "year", "kind", "sex", "imd_quintile", "tumour_group",
                                               "question", "n", "score", "ci_lower", "ci_upper", "expected_lower",
                                               "expected_upper", "rating", "change_2017_2018", "change_all_years"}));
    ValueRef values[16];
    constexpr std::size_t kProgressEvery = 8192;
    std::size_t done = 0;
    for (const auto& r : file.rows) {
        if (progress && ++done % kProgressEvery == 0) progress(done, file.rows.size());
        values[0] = org_ids[r.organisation];
        values[1] = static_cast<std::int64_t>(r.year);
        values[2] = r.kind;
        values[3] = r.sex;
        values[4] = r.imd_quintile;
        values[5] = r.tumour_group;
        values[6] = r.question;
        values[7] = Opt(r.n);
        values[8] = Opt(r.score);
        values[9] = Opt(r.ci_lower);
        values[10] = Opt(r.ci_upper);
        values[11] = Opt(r.expected_lower);
        values[12] = Opt(r.expected_upper);
        values[13] = TextOrNull(r.rating);
        values[14] = TextOrNull(r.change_2017_2018);
        values[15] = TextOrNull(r.change_all_years);
        CV_RETURN_IF_ERROR(inserter->AddRow(values));
    }
    CV_RETURN_IF_ERROR(inserter->Finish());
    if (rebuild_indexes) {
        for (const auto& index : kResultIndexes) {
            CV_RETURN_IF_ERROR(
                conn_.ExecuteScript(std::string("CREATE INDEX ") + index.name + " ON cpes_results " + index.columns));
        }
    }
    if (rebuild_indexes && conn_.engine() == Engine::kSqlite) {
        CV_RETURN_IF_ERROR(conn_.ExecuteScript("PRAGMA cache_size = -2000; PRAGMA threads = 0"));
    }
    if (progress) progress(file.rows.size(), file.rows.size());
    summary.rows_imported = static_cast<std::int64_t>(file.rows.size());
    return summary;
}

Status ExperienceRepository::RecordImport(std::int64_t now, const std::string& by, const std::string& source,
                                          const CpesImportSummary& summary, std::int64_t rejected) {
    std::string replaced;
    for (const auto& [year, kind] : summary.replaced) {
        replaced += (replaced.empty() ? "" : ", ") + std::to_string(year) + " " + kind;
    }
    return conn_
        .Execute(
            "INSERT INTO cpes_imports (imported_at, imported_by, source, rows_imported, rows_rejected, replaced) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            {now, by, source, summary.rows_imported, rejected, replaced})
        .status();
}

Status ExperienceRepository::ReplaceQuestions(const std::vector<experience::CpesQuestion>& questions) {
    CV_RETURN_IF_ERROR(conn_.Execute("DELETE FROM survey_questions").status());
    for (const auto& q : questions) {
        CV_RETURN_IF_ERROR(conn_
                               .Execute("INSERT INTO survey_questions (question, section, question_text, position) "
                                        "VALUES (?, ?, ?, ?)",
                                        {q.id, q.section, q.text, static_cast<std::int64_t>(q.order)})
                               .status());
    }
    return Status::Ok();
}

Status ExperienceRepository::ReplaceParameters(int year, const std::vector<experience::QuestionParameters>& params) {
    CV_RETURN_IF_ERROR(
        conn_.Execute("DELETE FROM expected_range_parameters WHERE year = ?", {static_cast<std::int64_t>(year)})
            .status());
    for (const auto& p : params) {
        const bool mean = p.parameters.measure == experience::Measure::kMean;
        CV_RETURN_IF_ERROR(
            conn_
                .Execute("INSERT INTO expected_range_parameters (year, question, measure, centre, sd, "
                         "tau2) VALUES (?, ?, ?, ?, ?, ?)",
                         {static_cast<std::int64_t>(year), p.question, mean ? "mean" : "percent", p.parameters.centre,
                          mean ? Value(p.parameters.sd) : Null(), p.parameters.tau2})
                .status());
    }
    return Status::Ok();
}

Result<std::vector<experience::CpesQuestion>> ExperienceRepository::Questions() {
    CV_ASSIGN_OR_RETURN(
        auto rows,
        conn_.Query("SELECT question, section, question_text, position FROM survey_questions ORDER BY position"));
    std::vector<experience::CpesQuestion> out;
    for (const auto& r : rows) out.push_back({r.Text(0), r.Text(1), r.Text(2), static_cast<int>(r.Int(3))});
    return out;
}

Result<std::vector<experience::QuestionParameters>> ExperienceRepository::Parameters(int year) {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT question, measure, centre, sd, tau2 FROM "
                                               "expected_range_parameters WHERE year = ? ORDER BY question",
                                               {static_cast<std::int64_t>(year)}));
    std::vector<experience::QuestionParameters> out;
    for (const auto& r : rows) {
        experience::RangeParameters p;
        p.measure = r.Text(1) == "mean" ? experience::Measure::kMean : experience::Measure::kPercent;
        p.centre = r.Double(2);
        p.sd = r.OptDouble(3).value_or(0);
        p.tau2 = r.Double(4);
        out.push_back({r.Text(0), p});
    }
    return out;
}

Result<std::vector<StoredResult>> ExperienceRepository::Results(const ResultQuery& q) {
    std::string sql =
        "SELECT r.organisation_id, o.code, o.name, o.level, COALESCE(a.code, ''), COALESCE(a.name, ''), r.year, "
        "r.kind, r.tumour_group, r.question, r.n, r.score, r.ci_lower, r.ci_upper, r.expected_lower, "
        "r.expected_upper, COALESCE(r.rating, ''), COALESCE(r.change_2017_2018, ''), COALESCE(r.change_all_years, ''), "
        "r.sex, r.imd_quintile "
        "FROM cpes_results r JOIN organisations o ON o.id = r.organisation_id "
        "LEFT JOIN organisations a ON a.id = o.parent_id WHERE 1 = 1";
    std::vector<Value> params;
    if (q.year) {
        // With an organisation, its index (organisation_id, year, kind) finds a few hundred rows; the unary
        // plus keeps the planner from choosing the (year, kind, question) index, which would scan the year.
        sql += q.organisation_id ? " AND +r.year = ?" : " AND r.year = ?";
        params.emplace_back(static_cast<std::int64_t>(*q.year));
    }
    if (q.kind) {
        sql += " AND r.kind = ?";
        params.emplace_back(*q.kind);
    }
    if (q.level) {
        sql += " AND o.level = ?";
        params.emplace_back(*q.level);
    }
    if (q.organisation_id) {
        sql += " AND r.organisation_id = ?";
        params.emplace_back(*q.organisation_id);
    }
    if (q.question) {
        sql += " AND r.question = ?";
        params.emplace_back(*q.question);
    }
    if (q.all_cancers_only) sql += " AND r.tumour_group = 'All Cancers' AND r.sex = 'Both' AND r.imd_quintile = 'All'";
    sql += " ORDER BY o.code, r.year, r.question, r.tumour_group";
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query(sql, params));
    std::vector<StoredResult> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        StoredResult s;
        s.organisation_id = r.Int(0);
        s.org_code = r.Text(1);
        s.org_name = r.Text(2);
        s.level = r.Text(3);
        s.alliance_code = r.Text(4);
        s.alliance_name = r.Text(5);
        s.year = static_cast<int>(r.Int(6));
        s.kind = r.Text(7);
        s.tumour_group = r.Text(8);
        s.question = r.Text(9);
        if (auto n = r.OptInt(10)) s.n = static_cast<int>(*n);
        s.score = r.OptDouble(11);
        s.ci_lower = r.OptDouble(12);
        s.ci_upper = r.OptDouble(13);
        s.expected_lower = r.OptDouble(14);
        s.expected_upper = r.OptDouble(15);
        s.rating = r.Text(16);
        s.change_2017_2018 = r.Text(17);
        s.change_all_years = r.Text(18);
        s.sex = r.Text(19);
        s.imd_quintile = r.Text(20);
        out.push_back(std::move(s));
    }
    return out;
}

Result<std::vector<int>> ExperienceRepository::Years(const std::string& kind) {
    CV_ASSIGN_OR_RETURN(
        auto rows, conn_.Query("SELECT DISTINCT year FROM cpes_results WHERE kind = ? ORDER BY year DESC", {kind}));
    std::vector<int> out;
    for (const auto& r : rows) out.push_back(static_cast<int>(r.Int(0)));
    return out;
}

Result<std::int64_t> ExperienceRepository::CountResults() {
    CV_ASSIGN_OR_RETURN(auto row, conn_.QueryOne("SELECT COUNT(*) FROM cpes_results"));
    return row.Int(0);
}

}  // namespace carevoice::store
