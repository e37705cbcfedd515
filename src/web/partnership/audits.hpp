// What the environmental audit pages share (audits.cpp: the list, starting an audit, the routes;
// audit_findings.cpp: one audit with its findings; audit_ratings.cpp: rating the checklist area by area;
// audit_comparison.cpp: re-audit comparison): who may do what, the addresses, loading the audit of a
// request, and showing percentages.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "partnership/checklist.hpp"
#include "partnership/environmental_audit.hpp"
#include "web/partnership/pages.hpp"

namespace carevoice::web::partnership_pages {

inline constexpr const char* kWhoReads = "members of the group, analysts and administrators";
inline constexpr const char* kWhoRecords = "members of the group, its facilitators and chairs, and administrators,";
inline constexpr const char* kWhoManages = "the group's facilitators and chairs, and administrators,";

std::string AuditsBase(const partnership::Group& g);                        // /groups/<id>/audits
std::string AuditBase(const partnership::Group& g, std::int64_t audit_id);  // /groups/<id>/audits/<audit id>
nlohmann::json AuditsBreadcrumbs(const partnership::Group& g);

bool MayRead(const GroupStanding& s);
bool MayRecord(const GroupStanding& s);
bool MayManage(const GroupStanding& s);

// The group of the path, when `allowed`; otherwise the request is answered (404, 403 naming `who`, 503).
std::optional<GroupStanding> LoadGroup(RequestContext& ctx, bool allowed(const GroupStanding&), const char* who);

struct LoadedAudit {
    GroupStanding standing;
    partnership::EnvironmentalAudit audit;
    const partnership::ChecklistTemplate* checklist = nullptr;
};
// The audit of the path, checked to be the group's; answers the request when it cannot go on.
std::optional<LoadedAudit> LoadAudit(RequestContext& ctx, bool allowed(const GroupStanding&), const char* who);

// A share 0-1 as a percentage 0-100.
std::optional<double> AsPercent(std::optional<double> share);
// "87.5%", "100%"; "–" when nothing was applicable.
std::string Percent(std::optional<double> value);

void RegisterAuditRatingRoutes(Router& router);  // audit_ratings.cpp

// audit_findings.cpp: one audit, its findings turned into actions, its results as CSV.
void GetAudit(RequestContext& ctx);
void RaiseAction(RequestContext& ctx);
void ResultsCsv(RequestContext& ctx);

// audit_comparison.cpp: the re-audit compared with the audit before it, as a page and as CSV.
void ShowComparison(RequestContext& ctx);
void ComparisonCsv(RequestContext& ctx);

}  // namespace carevoice::web::partnership_pages
