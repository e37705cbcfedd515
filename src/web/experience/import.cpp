// The upload page for published CPES results (analysts and administrators): a multipart form with the
// results file (.csv or .csv.gz), optional questions and parameters files and "skip invalid rows".
// A refused file writes nothing and lists every problem by line and column; an accepted one shows
// what was imported and, with skip-invalid, the lines that were left out.
#include <nlohmann/json.hpp>

#include "app/cpes_import.hpp"
#include "core/file.hpp"
#include "core/text.hpp"
#include "web/experience/model.hpp"
#include "web/http/app.hpp"

namespace carevoice::web::experience_pages {
namespace {

const Access kAnalysts = Access::Roles({Role::kAnalyst, Role::kAdmin});
// Rejected lines listed on the result page; the total is always given.
constexpr std::size_t kRejectedShown = 200;

void ShowForm(RequestContext& ctx, const nlohmann::json& errors, bool skip_invalid, const std::string& parameters_year,
              int status) {
    nlohmann::json data = {{"errors", errors},
                           {"skip_invalid", skip_invalid},
                           {"parameters_year", parameters_year},
                           {"max_mb", ctx.app.config().max_body_bytes >> 20}};
    for (const auto& e : errors) {
        if (e.contains("field_id") && e["field_id"] == "parameters_year") data["parameters_year_error"] = e["message"];
        if (e.contains("field_id") && e["field_id"] == "results" && !data.contains("results_error")) {
            data["results_error"] = e["message"];
        }
    }
    data["breadcrumbs"] = {{{"href", "/experience"}, {"label", "Experience"}}};
    ctx.Page(errors.empty() ? "Import survey results" : "Error: import survey results", "experience_import", data,
             status);
}

// The parser speaks to command-line users; on this page the same options are form fields.
std::string ForThePage(std::string message) {
    for (auto [from, to] :
         {std::pair<std::string, std::string>{"with --skip-invalid", "by ticking \"Skip invalid rows\""},
          {"give it with --parameters-year", "fill in the parameters' year"}}) {
        if (auto pos = message.find(from); pos != std::string::npos) message.replace(pos, from.size(), to);
    }
    if (!message.empty()) message[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(message[0])));
    return message;
}

// An uploaded file's text (gunzipped if compressed, to at most the configured size), nullopt if no file
// was chosen.
Result<std::optional<std::string>> Upload(const RequestContext& ctx, const std::string& field, std::string& filename) {
    if (!ctx.req.has_file(field)) return std::optional<std::string>();
    const auto& file = ctx.req.get_file_value(field);
    if (file.content.empty() && file.filename.empty()) return std::optional<std::string>();
    filename = file.filename;
    auto text = MaybeGunzip(file.content, ctx.app.config().max_unpacked_bytes);
    if (!text.ok() && text.status().code() == StatusCode::kResourceExhausted) return text.status();
    if (!text.ok()) return Status::InvalidArgument("the file could not be decompressed: " + text.status().message());
    return std::optional<std::string>(std::move(*text));
}

void Import(RequestContext& ctx) {
    const bool skip_invalid = ctx.Param("skip_invalid") == "yes";
    const std::string parameters_year(text::Trim(ctx.Param("parameters_year")));
    nlohmann::json errors = nlohmann::json::array();
    app::CpesImportRequest request;
    request.skip_invalid = skip_invalid;
    std::string results_name, questions_name, parameters_name;
    auto results = Upload(ctx, "results", results_name);
    auto questions = Upload(ctx, "questions", questions_name);
    auto parameters = Upload(ctx, "parameters", parameters_name);
    if (!results.ok())
        errors.push_back({{"field_id", "results"}, {"message", "Results file: " + results.status().message()}});
    else if (!*results || (*results)->empty())
        errors.push_back({{"field_id", "results"}, {"message", "Choose a results file (.csv or .csv.gz) to upload"}});
    if (!questions.ok())
        errors.push_back({{"field_id", "questions"}, {"message", "Questions file: " + questions.status().message()}});
    if (!parameters.ok())
        errors.push_back(
            {{"field_id", "parameters"}, {"message", "Parameters file: " + parameters.status().message()}});
    if (!parameters_year.empty()) {
        auto y = text::ParseInt(parameters_year);
        if (!y.ok() || *y < 1990 || *y > 2100) {
            errors.push_back(
                {{"field_id", "parameters_year"}, {"message", "Enter the parameters' year as four digits, like 2018"}});
        } else {
            request.parameters_year = static_cast<int>(*y);
        }
    }
    if (!errors.empty()) return ShowForm(ctx, errors, skip_invalid, parameters_year, 422);

    request.results = std::move(**results);
    if (*questions) request.questions = std::move(**questions);
    if (*parameters) request.parameters = std::move(**parameters);
    request.source = results_name.empty() ? "upload" : results_name;
    auto report = app::ImportCpes(ctx.db(), ctx.app.clock(), request, ctx.ActorForAudit());
    if (!report.ok()) {
        ctx.Audit("cpes.import", "cpes_results", request.source, "failure");
        errors.push_back({{"field_id", "results"}, {"message", ForThePage(report.status().message())}});
        for (const auto& d : report.status().details()) {
            errors.push_back({{"message", d.field + ": " + d.problem}});
        }
        return ShowForm(ctx, errors, skip_invalid, parameters_year, 422);
    }

    const auto& s = report->summary;
    std::string replaced;
    for (const auto& [year, kind] : s.replaced)
        replaced += (replaced.empty() ? "" : ", ") + std::to_string(year) + " " + kind;
    nlohmann::json rejected = nlohmann::json::array();
    for (std::size_t i = 0; i < report->rejected.size() && i < kRejectedShown; ++i) {
        const auto& r = report->rejected[i];
        rejected.push_back({{"line", r.line}, {"column", r.column}, {"problem", r.problem}});
    }
    nlohmann::json data = {{"source", request.source},
                           {"rows_imported", s.rows_imported},
                           {"rows_replaced", s.rows_replaced},
                           {"organisations", s.organisations},
                           {"replaced", replaced},
                           {"questions", report->questions},
                           {"has_questions", report->questions > 0},
                           {"parameters", report->parameters},
                           {"has_parameters", report->parameters > 0},
                           {"parameters_year", report->parameters_year.value_or(0)},
                           {"rejected", rejected},
                           {"rejected_total", report->rejected.size()},
                           {"has_rejected", !report->rejected.empty()},
                           {"rejected_truncated", report->rejected.size() > kRejectedShown},
                           {"rejected_shown", kRejectedShown}};
    data["breadcrumbs"] = {{{"href", "/experience"}, {"label", "Experience"}}};
    ctx.Page("Survey results imported", "experience_import_done", data);
}

}  // namespace

void RegisterExperienceImportRoutes(Router& router) {
    router.Add("GET", "/experience/import", kAnalysts, RouteKind::kPage,
               [](RequestContext& ctx) { ShowForm(ctx, nlohmann::json::array(), false, "", 200); });
    router.Add("POST", "/experience/import", kAnalysts, RouteKind::kPage, Import, RouteOptions::Upload());
}

}  // namespace carevoice::web::experience_pages
