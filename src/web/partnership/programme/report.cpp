// A group's annual report for a calendar year, as a printable page and as an XLSX workbook with the same
// cells: the group, its members and their diversity, the meetings held, the work programme (priorities
// with lay and professional votes, work items, measures on XmR charts, the annual review), impacts by kind,
// the influence map and the involvement matrix (partnership/impact_views.hpp).
//
// The report is written to be shared beyond the group (a network board's papers, a funder), so it shows
// what a public page may: no member's contact details, a member's name only with their consent (officers,
// work item owners), and diversity, tumour and treatment figures under carevoice's disclosure control
// (DiversityJson with exact = false), whoever prints it. Members of the group, analysts, facilitators,
// chairs and admins may read it.
// The report's sections are built in report_sections.cpp.
#include "web/partnership/programme/report.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "web/experience/model.hpp"
#include "web/http/app.hpp"
#include "web/partnership/programme/programme.hpp"
#include "web/render/svg_chart.hpp"
#include "web/render/xlsx.hpp"

namespace carevoice::web::partnership_pages {
namespace {

std::string CellText(const xlsx::Cell& c) {
    if (const auto* s = std::get_if<std::string>(&c)) return *s;
    if (const auto* d = std::get_if<double>(&c)) return svg::Number(*d, std::floor(*d) == *d ? 0 : 2);
    return "";
}

std::optional<std::pair<GroupStanding, int>> Begin(RequestContext& ctx) {
    auto standing = BeginGroupRequest(ctx, &GroupStanding::MayRead, kWhoReadsProgramme);
    if (!standing) return std::nullopt;
    auto year = ProgrammeYear(ctx);
    if (!year.ok()) {
        ctx.Error(422, year.status());
        return std::nullopt;
    }
    return std::pair<GroupStanding, int>(std::move(*standing), *year);
}

void ShowReport(RequestContext& ctx) {
    auto begun = Begin(ctx);
    if (!begun) return;
    const auto& [standing, year] = *begun;
    auto report = BuildReport(ctx, standing, year);
    if (!report.ok()) return ctx.Error(HttpStatusFor(report.status()), report.status());
    nlohmann::json sections = nlohmann::json::array();
    for (const auto& s : report->sections) {
        nlohmann::json tables = nlohmann::json::array();
        for (const auto& t : s.tables) {
            nlohmann::json rows = nlohmann::json::array();
            for (const auto& r : t.rows) {
                nlohmann::json cells = nlohmann::json::array();
                for (std::size_t i = 0; i < r.size(); ++i) {
                    // The column's heading goes beside each cell too: on a phone the table is a list of rows.
                    cells.push_back({{"text", CellText(r[i])},
                                     {"first", i == 0},
                                     {"heading", i < t.header.size() ? t.header[i] : std::string()}});
                }
                rows.push_back({{"cells", cells}});
            }
            tables.push_back({{"id", t.id},
                              {"caption", t.caption},
                              {"header", t.header},
                              {"rows", rows},
                              {"has_rows", !rows.empty()},
                              {"column_count", std::max<std::size_t>(t.header.size(), 1)},
                              {"responsive", t.header.size() >= 3},
                              {"empty_text", t.empty_text}});
        }
        sections.push_back({{"id", s.id}, {"heading", s.heading}, {"paragraphs", s.paragraphs}, {"tables", tables}});
    }
    const auto& g = standing.group;
    nlohmann::json data = {{"title", report->title},
                           {"as_of", report->as_of},
                           {"year", year},
                           {"sections", sections},
                           {"xlsx_href", GroupPathOf(g.id, "/report.xlsx?year=" + std::to_string(year))},
                           {"programme_href", ProgrammePath(g.id, year)},
                           {"previous_href", GroupPathOf(g.id, "/report?year=" + std::to_string(year - 1))},
                           {"previous_year", year - 1}};
    data["breadcrumbs"] = GroupBreadcrumbs(g);
    ctx.Page(report->title, "partnership_report", data);
}

void ReportXlsx(RequestContext& ctx) {
    auto begun = Begin(ctx);
    if (!begun) return;
    const auto& [standing, year] = *begun;
    auto report = BuildReport(ctx, standing, year);
    if (!report.ok()) return ctx.Error(HttpStatusFor(report.status()), report.status());
    std::vector<xlsx::Sheet> sheets;
    for (const auto& s : report->sections) {
        for (const auto& t : s.tables) {
            xlsx::Sheet sheet{t.sheet, t.header, t.rows, {}};
            sheet.column_widths.assign(t.header.size(), 18);
            if (!sheet.column_widths.empty()) sheet.column_widths[0] = 36;
            sheets.push_back(std::move(sheet));
        }
    }
    experience_pages::SendXlsx(
        ctx, "carevoice-annual-report-" + std::to_string(standing.group.id) + "-" + std::to_string(year) + ".xlsx",
        sheets, report->title);
}

}  // namespace

void RegisterReportRoutes(Router& router) {
    router.Add("GET", "/groups/:id/report", Access::SignedIn(), RouteKind::kPage, ShowReport);
    router.Add("GET", "/groups/:id/report.xlsx", Access::SignedIn(), RouteKind::kPage, ReportXlsx);
}

}  // namespace carevoice::web::partnership_pages
