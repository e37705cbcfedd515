#include "app/cpes_import.hpp"

#include <algorithm>

#include "core/csv.hpp"
#include "experience/parameters_file.hpp"

namespace carevoice::app {

Result<CpesImportReport> ImportCpes(store::Connection& conn, const Clock& clock, const CpesImportRequest& request,
                                    const Actor& actor, const std::function<void(std::size_t, std::size_t)>& progress) {
    experience::CpesParseOptions options;
    options.skip_invalid = request.skip_invalid;
    CV_ASSIGN_OR_RETURN(auto file, experience::ParseCpesResults(request.results, options));

    CpesImportReport report;
    std::vector<experience::CpesQuestion> questions;
    if (request.questions) {
        auto parsed = experience::ParseCpesQuestions(*request.questions);
        if (!parsed.ok())
            return Status::InvalidArgument("questions file: " + parsed.status().message(), parsed.status().details());
        questions = std::move(*parsed);
    }
    std::vector<experience::QuestionParameters> parameters;
    if (request.parameters) {
        auto parsed = experience::ParseParametersCsv(*request.parameters);
        if (!parsed.ok()) {
            return Status::InvalidArgument("parameters file: " + parsed.status().message(), parsed.status().details());
        }
        parameters = std::move(*parsed);
        report.parameters_year = request.parameters_year;
        if (!report.parameters_year) {
            for (const auto& [year, kind] : file.year_kinds) {
                if (kind == "adjusted") report.parameters_year = std::max(report.parameters_year.value_or(0), year);
            }
        }
        if (!report.parameters_year) {
            return Status::InvalidArgument(
                "the results file has no adjusted results, so the parameters' year is unknown: give it with "
                "--parameters-year");
        }
    }

    const std::int64_t now = clock.NowSeconds();
    CV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(conn));
    store::ExperienceRepository repo(conn);
    CV_ASSIGN_OR_RETURN(report.summary, repo.ImportResults(file, now, progress));
    if (request.questions) CV_RETURN_IF_ERROR(repo.ReplaceQuestions(questions));
    if (request.parameters) CV_RETURN_IF_ERROR(repo.ReplaceParameters(*report.parameters_year, parameters));
    CV_RETURN_IF_ERROR(repo.RecordImport(now, actor.username, request.source, report.summary,
                                         static_cast<std::int64_t>(file.rejected.size())));
    CV_RETURN_IF_ERROR(AppendAudit(conn, clock, actor, "cpes.import", "cpes_results", request.source, "success"));
    CV_RETURN_IF_ERROR(tx.Commit());
    report.rejected = std::move(file.rejected);
    report.questions = questions.size();
    report.parameters = parameters.size();
    return report;
}

std::string RejectedLinesCsv(const std::vector<experience::RejectedLine>& rejected) {
    std::string out = csv::Row({"line", "column", "problem"});
    for (const auto& r : rejected) out += csv::Row({std::to_string(r.line), r.column, r.problem});
    return out;
}

}  // namespace carevoice::app
