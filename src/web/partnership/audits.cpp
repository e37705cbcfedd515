// Environmental audits of a partnership group (issue 4, item 8): what the audit pages share (addresses,
// who may do what, loading the audit of a request, percentages), the list, starting an audit of a site
// from a checklist template with its team (and so the share of lay auditors), and the routes of every
// audit page. One audit with its findings is in audit_findings.cpp, rating its checklist in
// audit_ratings.cpp, the comparison of a re-audit with the audit before it in audit_comparison.cpp.
// Members of the group record audits and their findings; facilitators, chairs and admins turn findings
// into actions (they assign work to people); analysts read. Auditors' names are shown to the group's
// own staff and admins only; others see how many there were and how many were users or carers.
#include "web/partnership/audits.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

#include "app/accounts.hpp"
#include "core/text.hpp"
#include "partnership/checklist.hpp"
#include "partnership/environmental_audit.hpp"
#include "partnership/reaudit.hpp"
#include "store/environmental_audit_repository.hpp"
#include "store/people_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/pages.hpp"
#include "web/render/svg_chart.hpp"
namespace carevoice::web::partnership_pages {
std::string AuditsBase(const partnership::Group& g) { return "/groups/" + std::to_string(g.id) + "/audits"; }
std::string AuditBase(const partnership::Group& g, std::int64_t audit_id) {
    return AuditsBase(g) + "/" + std::to_string(audit_id);
}

nlohmann::json AuditsBreadcrumbs(const partnership::Group& g) {
    nlohmann::json crumbs = GroupBreadcrumbs(g);
    crumbs.push_back({{"href", AuditsBase(g)}, {"label", "Environmental audits"}});
    return crumbs;
}

std::optional<GroupStanding> LoadGroup(RequestContext& ctx, bool allowed(const GroupStanding&), const char* who) {
    auto standing = BeginGroupRequest(ctx, allowed, who);
    if (!standing) return std::nullopt;
    return std::move(*standing);
}

bool MayRead(const GroupStanding& s) { return s.MayRead(); }
bool MayRecord(const GroupStanding& s) { return s.MayRecord(); }
bool MayManage(const GroupStanding& s) { return s.MayManage(); }

std::optional<LoadedAudit> LoadAudit(RequestContext& ctx, bool allowed(const GroupStanding&), const char* who) {
    auto standing = LoadGroup(ctx, allowed, who);
    if (!standing) return std::nullopt;
    auto id = text::ParseInt(ctx.params["audit_id"]);
    auto audit = id.ok() ? store::EnvironmentalAuditRepository(ctx.db()).Find(*id)
                         : Result<partnership::EnvironmentalAudit>(Status::NotFound("no such audit"));
    if (!audit.ok() && audit.status().code() != StatusCode::kNotFound) {
        ctx.Error(503, audit.status());
        return std::nullopt;
    }
    if (!audit.ok() || audit->group_id != standing->group.id) {
        ctx.Error(404, Status::NotFound("this group has no such environmental audit"));
        return std::nullopt;
    }
    const partnership::ChecklistTemplate* checklist = partnership::FindChecklistTemplate(audit->template_key);
    if (!checklist) {
        ctx.Error(500, Status::Internal("the audit's checklist '" + audit->template_key + "' is not known"));
        return std::nullopt;
    }
    return LoadedAudit{std::move(*standing), std::move(*audit), checklist};
}

std::optional<double> AsPercent(std::optional<double> share) {
    if (!share) return std::nullopt;
    return 100 * *share;
}

std::string Percent(std::optional<double> value) {
    if (!value) return "\xE2\x80\x93";
    std::string s = svg::Number(*value, 1);
    if (s.size() > 2 && s.substr(s.size() - 2) == ".0") s.resize(s.size() - 2);
    return s + "%";
}

namespace {

using partnership::ChecklistTemplate;
using partnership::EnvironmentalAudit;

std::string TemplateName(const std::string& key) {
    const ChecklistTemplate* t = partnership::FindChecklistTemplate(key);
    return t ? t->name : key;
}

// The problems as the error summary and the fields show them; `field_id` maps a problem's field to
// the id of the element to jump to.
template <typename FieldId>
nlohmann::json Errors(const std::vector<FieldProblem>& problems, nlohmann::json& data, FieldId field_id) {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& p : problems) {
        errors.push_back({{"field_id", field_id(p.field)}, {"message", p.problem}});
        data[p.field + "_error"] = p.problem;
    }
    return errors;
}

// ---- The list ----

void ListAudits(RequestContext& ctx) {
    auto standing = LoadGroup(ctx, MayRead, kWhoReads);
    if (!standing) return;
    const auto& g = standing->group;
    auto audits = store::EnvironmentalAuditRepository(ctx.db()).ListByGroup(g.id);
    auto people = store::PeopleRepository(ctx.db()).ListByGroup(g.id);
    if (!audits.ok() || !people.ok()) return ctx.Error(503, Status::Unavailable("the audits cannot be read now"));
    nlohmann::json list = nlohmann::json::array();
    for (auto it = audits->rbegin(); it != audits->rend(); ++it) {  // newest first
        const EnvironmentalAudit& a = *it;
        const ChecklistTemplate* checklist = partnership::FindChecklistTemplate(a.template_key);
        nlohmann::json row = {{"href", AuditBase(g, a.id)},
                              {"site", a.site},
                              {"audited_on", a.audited_on.ToString()},
                              {"checklist", TemplateName(a.template_key)},
                              {"team_size", a.team.size()},
                              {"lay_share", Percent(AsPercent(partnership::LayAuditorShare(a, *people)))},
                              {"overall", "\xE2\x80\x93"},
                              {"fails", 0},
                              {"compare_href", nullptr}};
        if (checklist) {
            const auto score = partnership::ScoreAudit(a, *checklist);
            row["overall"] = Percent(score.overall.percent);
            row["fails"] = score.overall.fail;
        }
        if (partnership::PreviousAuditIndex(*audits, a)) row["compare_href"] = AuditBase(g, a.id) + "/compare";
        list.push_back(row);
    }
    nlohmann::json data = {{"id", g.id},
                           {"group_name", g.name},
                           {"audits", list},
                           {"has_audits", !list.empty()},
                           {"may_record", standing->MayRecord()},
                           {"breadcrumbs", GroupBreadcrumbs(g)}};
    ctx.Page("Environmental audits: " + g.name, "partnership_audits", data);
}

// ---- Starting an audit ----

struct StartForm {
    std::string site, organisation_code, template_key, notes;
    DateInput audited_on{"audited_on", "", "", ""};
    std::set<std::string> team;  // person ids as typed
};

StartForm ReadStartForm(RequestContext& ctx) {
    StartForm f;
    f.site = std::string(text::Trim(ctx.Param("site")));
    f.organisation_code = std::string(text::Trim(ctx.Param("organisation_code")));
    std::transform(f.organisation_code.begin(), f.organisation_code.end(), f.organisation_code.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    f.template_key = ctx.Param("template_key");
    f.notes = std::string(text::Trim(ctx.Param("notes")));
    f.audited_on = ReadDateInput(ctx, "audited_on");
    for (std::size_t i = 0; i < ctx.req.get_param_value_count("team"); ++i) {
        f.team.insert(ctx.req.get_param_value("team", i));
    }
    return f;
}

std::string StartFieldId(const std::string& field) {
    if (field == "audited_on") return "audited_on-day";
    if (field == "template_key") return "template_key-" + std::string(partnership::kPlaceOutpatientKey);
    if (field == "team") return "team-first";  // the first checkbox has this id
    return field;
}

void ShowStartForm(RequestContext& ctx, const GroupStanding& standing, const StartForm& form,
                   const std::vector<FieldProblem>& problems, int status) {
    const auto& g = standing.group;
    auto people = store::PeopleRepository(ctx.db()).ListByGroup(g.id);
    if (!people.ok()) return ctx.Error(503, people.status());
    const CivilDate today = ctx.app.clock().Today();
    nlohmann::json team = nlohmann::json::array();
    for (const auto& p : *people) {
        if (!partnership::IsMemberOn(p, today)) continue;
        team.push_back({{"value", std::to_string(p.id)},
                        {"name", p.name},
                        {"member_type", std::string(LabelOf(partnership::kMemberTypes, p.member_type))},
                        {"lay", partnership::IsLay(p.member_type)},
                        {"checked", form.team.contains(std::to_string(p.id))}});
    }
    for (auto& t : team) t["first"] = false;
    if (!team.empty()) team[0]["first"] = true;
    nlohmann::json templates = nlohmann::json::array();
    for (const ChecklistTemplate* t : partnership::ChecklistTemplates()) {
        std::size_t items = 0;
        for (const auto& area : t->areas) items += area.items.size();
        templates.push_back(
            {{"value", t->key},
             {"label", t->name},
             {"areas", t->areas.size()},
             {"items", items},
             {"selected", form.template_key == t->key ||
                              (form.template_key.empty() && t->key == partnership::kPlaceOutpatientKey)}});
    }
    nlohmann::json data = {{"id", g.id},          {"group_name", g.name},
                           {"site", form.site},   {"organisation_code", form.organisation_code},
                           {"notes", form.notes}, {"templates", templates},
                           {"team", team},        {"has_team", !team.empty()}};
    data["errors"] = Errors(problems, data, StartFieldId);
    DateInput date = form.audited_on;
    if (date.empty() && problems.empty()) date = DateInputOf("audited_on", today);
    data["audited_on_field"] = DateFieldData(date, "When was the audit?", "For example, 14 3 2026", problems);
    data["breadcrumbs"] = AuditsBreadcrumbs(g);
    ctx.Page("Start an environmental audit", "partnership_audit_new", data, status);
}

void NewAudit(RequestContext& ctx) {
    auto standing = LoadGroup(ctx, MayRecord, kWhoRecords);
    if (!standing) return;
    ShowStartForm(ctx, *standing, {}, {}, 200);
}

bool IsOdsCode(const std::string& code) {
    if (code.size() < 3 || code.size() > 6) return false;
    return std::all_of(code.begin(), code.end(), [](unsigned char c) { return std::isupper(c) || std::isdigit(c); });
}

void CreateAudit(RequestContext& ctx) {
    auto standing = LoadGroup(ctx, MayRecord, kWhoRecords);
    if (!standing) return;
    const auto& g = standing->group;
    const StartForm form = ReadStartForm(ctx);
    std::vector<FieldProblem> problems;
    EnvironmentalAudit audit;
    audit.group_id = g.id;
    audit.site = form.site;
    if (form.site.empty()) problems.push_back({"site", "Enter the site that was audited"});
    if (!form.organisation_code.empty() && !IsOdsCode(form.organisation_code)) {
        problems.push_back(
            {"organisation_code", "The organisation code must be an ODS code such as RD8, or left blank"});
    }
    audit.organisation_code = form.organisation_code;
    const ChecklistTemplate* checklist = partnership::FindChecklistTemplate(form.template_key);
    if (!checklist) problems.push_back({"template_key", "Choose the checklist the audit used"});
    audit.template_key = form.template_key;
    auto on = ParseDateInput(form.audited_on, "The date of the audit", true, problems);
    if (on && *on > ctx.app.clock().Today()) {
        problems.push_back({"audited_on", "The date of the audit must be today or in the past"});
    }
    if (on) audit.audited_on = *on;
    auto people = store::PeopleRepository(ctx.db()).ListByGroup(g.id);
    if (!people.ok()) return ctx.Error(503, people.status());
    for (const std::string& value : form.team) {
        auto id = text::ParseInt(value);
        const bool known = id.ok() && std::any_of(people->begin(), people->end(),
                                                  [&](const partnership::Person& p) { return p.id == *id; });
        if (!known) {
            problems.push_back({"team", "Choose the auditors from the group's members"});
            break;
        }
        audit.team.push_back(*id);
    }
    if (form.team.empty()) problems.push_back({"team", "Choose who carried out the audit"});
    audit.notes = form.notes;
    if (problems.empty()) {
        Status valid = partnership::ValidateEnvironmentalAudit(audit, *checklist);
        forms::AddValidation(problems, valid, "site");
    }
    if (!problems.empty()) return ShowStartForm(ctx, *standing, form, problems, 422);

    auto tx = store::Transaction::Begin(ctx.db());
    if (!tx.ok()) return ctx.Error(503, tx.status());
    auto created = store::EnvironmentalAuditRepository(ctx.db()).Create(audit, ctx.app.clock().NowSeconds());
    if (!created.ok()) return ctx.Error(HttpStatusFor(created.status()), created.status());
    Status audited = app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(), "environmental_audit.create",
                                      "environmental_audit", std::to_string(created->id), "success");
    if (!audited.ok()) return ctx.Error(503, audited);
    if (Status s = tx->Commit(); !s.ok()) return ctx.Error(503, s);
    ctx.Redirect(AuditBase(g, created->id) + "/ratings",
                 "Started the audit of " + created->site + ". Now rate each item of the checklist.");
}

}  // namespace

void RegisterAuditRoutes(Router& router) {
    router.Add("GET", "/groups/:id/audits", Access::SignedIn(), RouteKind::kPage, ListAudits);
    router.Add("GET", "/groups/:id/audits/new", Access::SignedIn(), RouteKind::kPage, NewAudit);
    router.Add("POST", "/groups/:id/audits", Access::SignedIn(), RouteKind::kPage, CreateAudit);
    router.Add("GET", "/groups/:id/audits/:audit_id", Access::SignedIn(), RouteKind::kPage, GetAudit);
    RegisterAuditRatingRoutes(router);
    router.Add("POST", "/groups/:id/audits/:audit_id/actions", Access::SignedIn(), RouteKind::kPage, RaiseAction);
    router.Add("GET", "/groups/:id/audits/:audit_id/results.csv", Access::SignedIn(), RouteKind::kPage, ResultsCsv);
    router.Add("GET", "/groups/:id/audits/:audit_id/compare", Access::SignedIn(), RouteKind::kPage, ShowComparison);
    router.Add("GET", "/groups/:id/audits/:audit_id/compare.csv", Access::SignedIn(), RouteKind::kPage, ComparisonCsv);
}

}  // namespace carevoice::web::partnership_pages
