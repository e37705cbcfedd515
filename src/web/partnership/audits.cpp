// Environmental audits of a partnership group (issue 4, item 8): the list; starting an audit of a site
// from a checklist template with its team (and so the share of lay auditors); the form that rates each
// area × item pass / qualified pass / fail / not applicable, a reason required for a fail; the scores
// per area with N/A left out; each fail turned into one of the group's actions with an owner and a due
// date; the comparison of a re-audit with the audit before it; and CSV downloads.
// Members of the group record audits and their findings; facilitators, chairs and admins turn findings
// into actions (they assign work to people); analysts read. Auditors' names are shown to the group's
// own staff and admins only; others see how many there were and how many were users or carers.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "app/accounts.hpp"
#include "core/csv.hpp"
#include "core/text.hpp"
#include "partnership/checklist.hpp"
#include "partnership/environmental_audit.hpp"
#include "partnership/reaudit.hpp"
#include "store/actions_repository.hpp"
#include "store/environmental_audit_repository.hpp"
#include "store/people_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/pages.hpp"
#include "web/render/svg_chart.hpp"

namespace carevoice::web::partnership_pages {
namespace {

using partnership::ChecklistTemplate;
using partnership::EnvironmentalAudit;
using partnership::ItemRating;

constexpr const char* kWhoReads = "members of the group, analysts and administrators";
constexpr const char* kWhoRecords = "members of the group, its facilitators and chairs, and administrators,";
constexpr const char* kWhoManages = "the group's facilitators and chairs, and administrators,";
constexpr std::string_view kDash = " \xE2\x80\x94 ";  // " — ", as partnership::ActionDraftsFromFails writes it

// Mustache treats every string, even "", as true in {{#section}}: optional text goes in as null.
nlohmann::json TextOrNullJson(const std::string& text) {
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

std::optional<double> AsPercent(std::optional<double> share) {
    if (!share) return std::nullopt;
    return 100 * *share;
}

std::string AuditsBase(const partnership::Group& g) { return "/groups/" + std::to_string(g.id) + "/audits"; }
std::string AuditBase(const partnership::Group& g, std::int64_t audit_id) {
    return AuditsBase(g) + "/" + std::to_string(audit_id);
}

nlohmann::json AuditsBreadcrumbs(const partnership::Group& g) {
    nlohmann::json crumbs = GroupBreadcrumbs(g);
    crumbs.push_back({{"href", AuditsBase(g)}, {"label", "Environmental audits"}});
    return crumbs;
}

// "87.5%", "100%"; "–" when nothing was applicable.
std::string Percent(std::optional<double> value) {
    if (!value) return "\xE2\x80\x93";
    std::string s = svg::Number(*value, 1);
    if (s.size() > 2 && s.substr(s.size() - 2) == ".0") s.resize(s.size() - 2);
    return s + "%";
}

// "+12.5 points", "−4 points", "no change"; "–" when either side has no score.
std::string Change(std::optional<double> change) {
    if (!change) return "\xE2\x80\x93";
    if (std::abs(*change) < 0.05) return "No change";
    std::string s = Percent(std::abs(*change));
    s.pop_back();  // the % sign: a change is in percentage points
    return std::string(*change > 0 ? "Up " : "Down ") + s + " points";
}

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

// ---- Loading ----

struct LoadedAudit {
    GroupStanding standing;
    EnvironmentalAudit audit;
    const ChecklistTemplate* checklist = nullptr;
};

std::optional<GroupStanding> LoadGroup(RequestContext& ctx, bool allowed(const GroupStanding&), const char* who) {
    auto standing = BeginGroupRequest(ctx, allowed, who);
    if (!standing) return std::nullopt;
    return std::move(*standing);
}

bool MayRead(const GroupStanding& s) { return s.MayRead(); }
bool MayRecord(const GroupStanding& s) { return s.MayRecord(); }
bool MayManage(const GroupStanding& s) { return s.MayManage(); }

// The audit of the path, checked to be the group's; answers the request when it cannot go on.
std::optional<LoadedAudit> LoadAudit(RequestContext& ctx, bool allowed(const GroupStanding&), const char* who) {
    auto standing = LoadGroup(ctx, allowed, who);
    if (!standing) return std::nullopt;
    auto id = text::ParseInt(ctx.params["audit_id"]);
    auto audit = id.ok() ? store::EnvironmentalAuditRepository(ctx.db()).Find(*id)
                         : Result<EnvironmentalAudit>(Status::NotFound("no such audit"));
    if (!audit.ok() && audit.status().code() != StatusCode::kNotFound) {
        ctx.Error(503, audit.status());
        return std::nullopt;
    }
    if (!audit.ok() || audit->group_id != standing->group.id) {
        ctx.Error(404, Status::NotFound("this group has no such environmental audit"));
        return std::nullopt;
    }
    const ChecklistTemplate* checklist = partnership::FindChecklistTemplate(audit->template_key);
    if (!checklist) {
        ctx.Error(500, Status::Internal("the audit's checklist '" + audit->template_key + "' is not known"));
        return std::nullopt;
    }
    return LoadedAudit{std::move(*standing), std::move(*audit), checklist};
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

// ---- Rating the items ----

// The rating form as typed: item code -> (rating name, "" for not rated yet; reason).
using RatingForm = std::map<std::string, std::pair<std::string, std::string>>;

RatingForm FormOf(const EnvironmentalAudit& audit) {
    RatingForm form;
    for (const auto& r : audit.ratings) {
        form[r.item_code] = {std::string(NameOf(partnership::kItemRatings, r.rating)), r.comment};
    }
    return form;
}

void ShowRatingForm(RequestContext& ctx, const LoadedAudit& loaded, const RatingForm& form,
                    const std::vector<FieldProblem>& problems, int status) {
    const auto& g = loaded.standing.group;
    std::map<std::string, std::string> errors_by_field;
    for (const auto& p : problems) errors_by_field[p.field] = p.problem;
    auto error_of = [&](const std::string& field) -> nlohmann::json {
        auto it = errors_by_field.find(field);
        return it == errors_by_field.end() ? nlohmann::json(nullptr) : nlohmann::json(it->second);
    };
    nlohmann::json areas = nlohmann::json::array();
    for (const auto& area : loaded.checklist->areas) {
        nlohmann::json items = nlohmann::json::array();
        for (const auto& item : area.items) {
            auto it = form.find(item.code);
            const std::string chosen = it == form.end() ? "" : it->second.first;
            nlohmann::json choices = nlohmann::json::array();
            for (const auto& r : partnership::kItemRatings) {
                choices.push_back({{"value", std::string(r.name)},
                                   {"slug", std::string(r.name)},
                                   {"label", std::string(r.label)},
                                   {"checked", chosen == r.name}});
            }
            choices.push_back(
                {{"value", ""}, {"slug", "unrated"}, {"label", "Not rated yet"}, {"checked", chosen.empty()}});
            items.push_back({{"code", item.code},
                             {"text", item.text},
                             {"choices", choices},
                             {"reason", it == form.end() ? "" : it->second.second},
                             {"rating_error", error_of("rating-" + item.code)},
                             {"reason_error", error_of("reason-" + item.code)}});
        }
        areas.push_back({{"name", area.name}, {"items", items}});
    }
    nlohmann::json data = {{"id", g.id},
                           {"group_name", g.name},
                           {"site", loaded.audit.site},
                           {"audited_on", loaded.audit.audited_on.ToString()},
                           {"checklist", loaded.checklist->name},
                           {"action", AuditBase(g, loaded.audit.id) + "/ratings"},
                           {"audit_href", AuditBase(g, loaded.audit.id)},
                           {"areas", areas}};
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& p : problems) {
        // The summary links to the first radio of a rating, or to the reason box.
        const bool rating = p.field.rfind("rating-", 0) == 0;
        nlohmann::json field_id = rating ? p.field + "-pass" : p.field;
        if (p.field == "ratings") field_id = nullptr;
        errors.push_back({{"field_id", field_id}, {"message", p.problem}});
    }
    data["errors"] = errors;
    nlohmann::json crumbs = AuditsBreadcrumbs(g);
    crumbs.push_back({{"href", AuditBase(g, loaded.audit.id)}, {"label", loaded.audit.site}});
    data["breadcrumbs"] = crumbs;
    ctx.Page("Rate the checklist", "partnership_audit_ratings", data, status);
}

void EditRatings(RequestContext& ctx) {
    auto loaded = LoadAudit(ctx, MayRecord, kWhoRecords);
    if (!loaded) return;
    ShowRatingForm(ctx, *loaded, FormOf(loaded->audit), {}, 200);
}

void SaveRatings(RequestContext& ctx) {
    auto loaded = LoadAudit(ctx, MayRecord, kWhoRecords);
    if (!loaded) return;
    RatingForm form;
    std::vector<FieldProblem> problems;
    EnvironmentalAudit audit = loaded->audit;
    audit.ratings.clear();
    for (const auto& area : loaded->checklist->areas) {
        for (const auto& item : area.items) {
            const std::string value = ctx.Param("rating-" + item.code);
            const std::string reason = std::string(text::Trim(ctx.Param("reason-" + item.code)));
            form[item.code] = {value, reason};
            if (value.empty()) continue;  // not rated yet: an audit may be entered in stages
            auto rating = ParseName(partnership::kItemRatings, value);
            if (!rating) {
                problems.push_back({"rating-" + item.code, item.code + " (" + item.text + "): choose a rating"});
                continue;
            }
            if (*rating == ItemRating::kFail && reason.empty()) {
                problems.push_back({"reason-" + item.code, item.code + " (" + item.text +
                                                               "): give the reason for the fail, so that it can be "
                                                               "put right"});
            }
            audit.ratings.push_back({item.code, *rating, reason});
        }
    }
    if (problems.empty()) {
        Status valid = partnership::ValidateEnvironmentalAudit(audit, *loaded->checklist);
        if (!valid.ok()) problems.push_back({"ratings", valid.message()});
    }
    if (!problems.empty()) return ShowRatingForm(ctx, *loaded, form, problems, 422);

    auto tx = store::Transaction::Begin(ctx.db());
    if (!tx.ok()) return ctx.Error(503, tx.status());
    Status updated = store::EnvironmentalAuditRepository(ctx.db()).Update(audit, ctx.app.clock().NowSeconds());
    if (!updated.ok()) return ctx.Error(HttpStatusFor(updated), updated);
    Status audited = app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(), "environmental_audit.rate",
                                      "environmental_audit", std::to_string(audit.id), "success");
    if (!audited.ok()) return ctx.Error(503, audited);
    if (Status s = tx->Commit(); !s.ok()) return ctx.Error(503, s);
    const std::size_t rated = audit.ratings.size();
    ctx.Redirect(AuditBase(loaded->standing.group, audit.id),
                 "Saved the ratings: " + std::to_string(rated) + (rated == 1 ? " item" : " items") + " rated.");
}

// ---- One audit: scores, findings and their actions ----

// The description of an action drawn from a fail starts with "<area> — <item>:"; this finds the
// group's actions raised from the audit's finding on `item`, whatever its reason said then.
std::string DraftPrefix(const partnership::ChecklistArea& area, const partnership::ChecklistItem& item) {
    return area.name + std::string(kDash) + item.text + ":";
}

struct FindingForm {
    std::string item_code, owner;
    DateInput due_on{"", "", "", ""};
};

void ShowAudit(RequestContext& ctx, const LoadedAudit& loaded, const FindingForm& finding_form,
               const std::vector<FieldProblem>& problems, int status) {
    const auto& g = loaded.standing.group;
    const auto& a = loaded.audit;
    auto people = store::PeopleRepository(ctx.db()).ListByGroup(g.id);
    auto actions = store::ActionsRepository(ctx.db()).ListByGroup(g.id);
    auto audits = store::EnvironmentalAuditRepository(ctx.db()).ListByGroup(g.id);
    if (!people.ok() || !actions.ok() || !audits.ok()) {
        return ctx.Error(503, Status::Unavailable("the audit cannot be read now"));
    }
    auto person_name = [&](std::optional<std::int64_t> id) -> std::string {
        if (!id) return "";
        for (const auto& p : *people) {
            if (p.id == *id) return p.name;
        }
        return "";
    };
    const bool show_names = loaded.standing.MayRecord();
    const bool may_manage = loaded.standing.MayManage();
    const CivilDate today = ctx.app.clock().Today();

    const auto score = partnership::ScoreAudit(a, *loaded.checklist);
    nlohmann::json areas = nlohmann::json::array();
    auto area_row = [](const partnership::AreaScore& s) {
        return nlohmann::json{{"area", s.area},
                              {"pass", s.pass},
                              {"qualified_pass", s.qualified_pass},
                              {"fail", s.fail},
                              {"not_applicable", s.not_applicable},
                              {"not_rated", s.not_rated},
                              {"percent", Percent(s.percent)}};
    };
    for (const auto& s : score.areas) areas.push_back(area_row(s));

    std::map<std::string, const partnership::RatedItem*> rated;
    for (const auto& r : a.ratings) rated[r.item_code] = &r;
    nlohmann::json owners = nlohmann::json::array();
    for (const auto& p : *people) {
        if (!partnership::IsMemberOn(p, today)) continue;
        owners.push_back({{"value", std::to_string(p.id)}, {"label", p.name}});
    }
    nlohmann::json findings = nlohmann::json::array();
    nlohmann::json items = nlohmann::json::array();
    for (const auto& area : loaded.checklist->areas) {
        for (const auto& item : area.items) {
            auto it = rated.find(item.code);
            const partnership::RatedItem* r = it == rated.end() ? nullptr : it->second;
            items.push_back({{"area", area.name},
                             {"code", item.code},
                             {"text", item.text},
                             {"rating", r ? std::string(LabelOf(partnership::kItemRatings, r->rating)) : "Not rated"},
                             {"is_fail", r && r->rating == ItemRating::kFail},
                             {"reason", r ? r->comment : ""}});
            if (!r || r->rating != ItemRating::kFail) continue;
            nlohmann::json raised = nlohmann::json::array();
            nlohmann::json earlier = nlohmann::json::array();  // still open from an earlier audit's finding
            for (const auto& action : *actions) {
                if (action.description.rfind(DraftPrefix(area, item), 0) != 0) continue;
                if (action.audit_id != a.id) {
                    if (action.status == partnership::ActionStatus::kOpen) {
                        earlier.push_back({{"due_on", action.due_on ? nlohmann::json(action.due_on->ToString())
                                                                    : nlohmann::json(nullptr)}});
                    }
                    continue;
                }
                raised.push_back(
                    {{"owner",
                      show_names ? TextOrNullJson(person_name(action.owner_person_id)) : nlohmann::json(nullptr)},
                     {"due_on", action.due_on ? nlohmann::json(action.due_on->ToString()) : nlohmann::json(nullptr)},
                     {"status", std::string(LabelOf(partnership::kActionStatuses, action.status))}});
            }
            const bool this_form = finding_form.item_code == item.code;
            nlohmann::json finding = {{"code", item.code},
                                      {"area", area.name},
                                      {"text", item.text},
                                      {"reason", r->comment},
                                      {"raised", raised},
                                      {"has_action", !raised.empty()},
                                      {"earlier", earlier},
                                      {"has_earlier", !earlier.empty()},
                                      {"may_raise", may_manage && raised.empty() && !owners.empty()},
                                      {"action_href", AuditBase(g, a.id) + "/actions"}};
            nlohmann::json finding_owners = owners;
            for (auto& o : finding_owners) o["selected"] = this_form && o["value"] == finding_form.owner;
            finding["owners"] = finding_owners;
            std::vector<FieldProblem> mine;
            if (this_form) {
                for (const auto& p : problems) {
                    if (p.field == "owner") finding["owner_error"] = p.problem;
                    if (p.field == "due_on") mine.push_back({"due-" + item.code, p.problem});
                }
            }
            DateInput due = this_form ? finding_form.due_on : DateInputOf("due-" + item.code, std::nullopt);
            due.name = "due-" + item.code;
            finding["due_field"] = DateFieldData(due, "Due by", "For example, 30 6 2026", mine);
            findings.push_back(finding);
        }
    }

    nlohmann::json team = nlohmann::json::array();
    int lay = 0;
    for (std::int64_t member : a.team) {
        for (const auto& p : *people) {
            if (p.id != member) continue;
            if (partnership::IsLay(p.member_type)) ++lay;
            if (show_names) {
                team.push_back({{"name", p.name},
                                {"member_type", std::string(LabelOf(partnership::kMemberTypes, p.member_type))}});
            }
        }
    }
    const auto share = partnership::LayAuditorShare(a, *people);
    const bool has_previous = partnership::PreviousAuditIndex(*audits, a).has_value();
    nlohmann::json data = {
        {"id", g.id},
        {"group_name", g.name},
        {"site", a.site},
        {"organisation_code", TextOrNullJson(a.organisation_code)},
        {"audited_on", a.audited_on.ToString()},
        {"checklist", loaded.checklist->name},
        {"notes", TextOrNullJson(a.notes)},
        {"team", team},
        {"show_names", show_names},
        {"team_size", a.team.size()},
        {"lay_count", lay},
        {"lay_share", Percent(AsPercent(share))},
        {"areas", areas},
        {"overall", area_row(score.overall)},
        {"findings", findings},
        {"has_findings", !findings.empty()},
        {"items", items},
        {"may_record", loaded.standing.MayRecord()},
        {"may_manage", may_manage},
        {"ratings_href", AuditBase(g, a.id) + "/ratings"},
        {"csv_href", AuditBase(g, a.id) + "/results.csv"},
        {"compare_href", has_previous ? nlohmann::json(AuditBase(g, a.id) + "/compare") : nlohmann::json(nullptr)}};
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& p : problems) {
        const std::string code = finding_form.item_code;
        std::string field_id = p.field;
        if (p.field == "owner") field_id = "owner-" + code;
        if (p.field == "due_on") field_id = "due-" + code + "-day";
        if (p.field == "item_code") field_id = "";
        errors.push_back({{"field_id", field_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(field_id)},
                          {"message", p.problem}});
    }
    data["errors"] = errors;
    data["breadcrumbs"] = AuditsBreadcrumbs(g);
    ctx.Page("Environmental audit: " + a.site + ", " + a.audited_on.ToString(), "partnership_audit", data, status);
}

void GetAudit(RequestContext& ctx) {
    auto loaded = LoadAudit(ctx, MayRead, kWhoReads);
    if (!loaded) return;
    ShowAudit(ctx, *loaded, {}, {}, 200);
}

void RaiseAction(RequestContext& ctx) {
    auto loaded = LoadAudit(ctx, MayManage, kWhoManages);
    if (!loaded) return;
    const auto& g = loaded->standing.group;
    FindingForm form;
    form.item_code = ctx.Param("item_code");
    form.owner = ctx.Param("owner");
    form.due_on = ReadDateInput(ctx, "due-" + form.item_code);
    std::vector<FieldProblem> problems;

    const auto found = loaded->checklist->Find(form.item_code);
    const partnership::RatedItem* rated = nullptr;
    for (const auto& r : loaded->audit.ratings) {
        if (found.item && r.item_code == form.item_code) rated = &r;
    }
    if (!rated || rated->rating != ItemRating::kFail) {
        problems.push_back({"item_code", "Only an item the audit failed can become an action ('" + form.item_code +
                                             "' is not one of this audit's fails)"});
        return ShowAudit(ctx, *loaded, {}, problems, 422);
    }
    auto people = store::PeopleRepository(ctx.db()).ListByGroup(g.id);
    auto actions = store::ActionsRepository(ctx.db()).ListByGroup(g.id);
    if (!people.ok() || !actions.ok()) return ctx.Error(503, Status::Unavailable("the group cannot be read now"));
    for (const auto& action : *actions) {
        if (action.audit_id == loaded->audit.id &&
            action.description.rfind(DraftPrefix(*found.area, *found.item), 0) == 0) {
            problems.push_back({"item_code", form.item_code + " already has an action"});
            return ShowAudit(ctx, *loaded, {}, problems, 409);
        }
    }
    std::optional<std::int64_t> owner;
    if (auto id = text::ParseInt(form.owner); id.ok()) {
        for (const auto& p : *people) {
            if (p.id == *id && partnership::IsMemberOn(p, ctx.app.clock().Today())) owner = p.id;
        }
    }
    if (!owner) problems.push_back({"owner", "Choose who will take the action forward"});
    DateInput due_input = form.due_on;
    due_input.name = "due_on";
    auto due = ParseDateInput(due_input, "The date the action is due", true, problems);
    if (due && *due < loaded->audit.audited_on) {
        problems.push_back({"due_on", "The date the action is due must be after the audit (" +
                                          loaded->audit.audited_on.ToString() + ")"});
    }
    if (!problems.empty()) return ShowAudit(ctx, *loaded, form, problems, 422);

    partnership::Action draft;
    for (auto& d : partnership::ActionDraftsFromFails(loaded->audit, *loaded->checklist, due)) {
        if (d.description.rfind(DraftPrefix(*found.area, *found.item), 0) == 0) draft = std::move(d);
    }
    draft.owner_person_id = owner;
    auto tx = store::Transaction::Begin(ctx.db());
    if (!tx.ok()) return ctx.Error(503, tx.status());
    auto created = store::ActionsRepository(ctx.db()).Create(draft, ctx.app.clock().NowSeconds());
    if (!created.ok()) return ctx.Error(HttpStatusFor(created.status()), created.status());
    Status audited = app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(), "action.create", "action",
                                      std::to_string(created->id), "success");
    if (!audited.ok()) return ctx.Error(503, audited);
    if (Status s = tx->Commit(); !s.ok()) return ctx.Error(503, s);
    ctx.Redirect(AuditBase(g, loaded->audit.id) + "#finding-" + form.item_code,
                 "The finding " + form.item_code + " is now an action of the group, due " + due->ToString() + ".");
}

void ResultsCsv(RequestContext& ctx) {
    auto loaded = LoadAudit(ctx, MayRead, kWhoReads);
    if (!loaded) return;
    const auto score = partnership::ScoreAudit(loaded->audit, *loaded->checklist);
    std::map<std::string, const partnership::RatedItem*> rated;
    for (const auto& r : loaded->audit.ratings) rated[r.item_code] = &r;
    std::string out = csv::Row({"site", "audited_on", "area", "item_code", "item", "rating", "reason", "area_percent"});
    for (std::size_t at = 0; at < loaded->checklist->areas.size(); ++at) {
        const auto& area = loaded->checklist->areas[at];
        const auto& percent = score.areas[at].percent;
        for (const auto& item : area.items) {
            auto it = rated.find(item.code);
            const partnership::RatedItem* r = it == rated.end() ? nullptr : it->second;
            out += csv::Row({loaded->audit.site, loaded->audit.audited_on.ToString(), area.name, item.code, item.text,
                             r ? std::string(NameOf(partnership::kItemRatings, r->rating)) : "not_rated",
                             r ? r->comment : "", percent ? svg::Number(*percent, 1) : ""});
        }
    }
    ctx.Csv("carevoice-audit-" + std::to_string(loaded->audit.id) + ".csv", out);
}

// ---- Re-audit comparison ----

// Pass 2, qualified pass 1, fail 0; not applicable: not compared.
std::optional<int> Rank(ItemRating r) {
    switch (r) {
        case ItemRating::kPass:
            return 2;
        case ItemRating::kQualifiedPass:
            return 1;
        case ItemRating::kFail:
            return 0;
        case ItemRating::kNotApplicable:
            break;
    }
    return std::nullopt;
}

struct Compared {
    LoadedAudit current;
    std::optional<EnvironmentalAudit> previous;
    std::optional<partnership::AuditComparison> comparison;
};

std::optional<Compared> LoadComparison(RequestContext& ctx) {
    auto loaded = LoadAudit(ctx, MayRead, kWhoReads);
    if (!loaded) return std::nullopt;
    auto audits = store::EnvironmentalAuditRepository(ctx.db()).ListByGroup(loaded->standing.group.id);
    if (!audits.ok()) {
        ctx.Error(503, audits.status());
        return std::nullopt;
    }
    Compared c{std::move(*loaded), std::nullopt, std::nullopt};
    if (auto at = partnership::PreviousAuditIndex(*audits, c.current.audit)) {
        c.previous = (*audits)[*at];
        auto comparison = partnership::CompareAudits(*c.previous, c.current.audit, *c.current.checklist);
        if (!comparison.ok()) {
            ctx.Error(HttpStatusFor(comparison.status()), comparison.status());
            return std::nullopt;
        }
        c.comparison = std::move(*comparison);
    }
    return c;
}

void ShowComparison(RequestContext& ctx) {
    auto c = LoadComparison(ctx);
    if (!c) return;
    const auto& g = c->current.standing.group;
    const auto& a = c->current.audit;
    nlohmann::json data = {{"id", g.id},
                           {"group_name", g.name},
                           {"site", a.site},
                           {"audited_on", a.audited_on.ToString()},
                           {"audit_href", AuditBase(g, a.id)},
                           {"has_previous", c->previous.has_value()}};
    if (c->previous) {
        auto change_row = [](const partnership::AreaChange& ch) {
            return nlohmann::json{{"area", ch.area},
                                  {"previous", Percent(ch.previous_percent)},
                                  {"current", Percent(ch.current_percent)},
                                  {"change", Change(ch.change)}};
        };
        nlohmann::json areas = nlohmann::json::array();
        for (const auto& ch : c->comparison->areas) areas.push_back(change_row(ch));
        std::map<std::string, ItemRating> before, after;
        for (const auto& r : c->previous->ratings) before[r.item_code] = r.rating;
        for (const auto& r : a.ratings) after[r.item_code] = r.rating;
        nlohmann::json better = nlohmann::json::array(), worse = nlohmann::json::array();
        for (const auto& area : c->current.checklist->areas) {
            for (const auto& item : area.items) {
                auto b = before.find(item.code);
                auto n = after.find(item.code);
                if (b == before.end() || n == after.end()) continue;
                auto rb = Rank(b->second), rn = Rank(n->second);
                if (!rb || !rn || *rb == *rn) continue;
                nlohmann::json row = {{"code", item.code},
                                      {"area", area.name},
                                      {"text", item.text},
                                      {"before", std::string(LabelOf(partnership::kItemRatings, b->second))},
                                      {"after", std::string(LabelOf(partnership::kItemRatings, n->second))}};
                (*rn > *rb ? better : worse).push_back(row);
            }
        }
        data["previous_on"] = c->previous->audited_on.ToString();
        data["previous_href"] = AuditBase(g, c->previous->id);
        data["areas"] = areas;
        data["overall"] = change_row(c->comparison->overall);
        data["better"] = better;
        data["has_better"] = !better.empty();
        data["worse"] = worse;
        data["has_worse"] = !worse.empty();
        data["csv_href"] = AuditBase(g, a.id) + "/compare.csv";
    }
    nlohmann::json crumbs = AuditsBreadcrumbs(g);
    crumbs.push_back({{"href", AuditBase(g, a.id)}, {"label", a.site + ", " + a.audited_on.ToString()}});
    data["breadcrumbs"] = crumbs;
    ctx.Page("Re-audit compared: " + a.site, "partnership_audit_compare", data);
}

void ComparisonCsv(RequestContext& ctx) {
    auto c = LoadComparison(ctx);
    if (!c) return;
    if (!c->previous) {
        return ctx.Error(404, Status::NotFound("this is the first audit of its site: there is nothing to compare"));
    }
    auto number = [](std::optional<double> v) { return v ? svg::Number(*v, 1) : std::string(); };
    std::string out =
        csv::Row({"area", "previous_audited_on", "previous_percent", "audited_on", "current_percent", "change_points"});
    auto row = [&](const partnership::AreaChange& ch) {
        out += csv::Row({ch.area, c->previous->audited_on.ToString(), number(ch.previous_percent),
                         c->current.audit.audited_on.ToString(), number(ch.current_percent), number(ch.change)});
    };
    for (const auto& ch : c->comparison->areas) row(ch);
    row(c->comparison->overall);
    ctx.Csv("carevoice-reaudit-" + std::to_string(c->current.audit.id) + ".csv", out);
}

}  // namespace

void RegisterAuditRoutes(Router& router) {
    router.Add("GET", "/groups/:id/audits", Access::SignedIn(), RouteKind::kPage, ListAudits);
    router.Add("GET", "/groups/:id/audits/new", Access::SignedIn(), RouteKind::kPage, NewAudit);
    router.Add("POST", "/groups/:id/audits", Access::SignedIn(), RouteKind::kPage, CreateAudit);
    router.Add("GET", "/groups/:id/audits/:audit_id", Access::SignedIn(), RouteKind::kPage, GetAudit);
    router.Add("GET", "/groups/:id/audits/:audit_id/ratings", Access::SignedIn(), RouteKind::kPage, EditRatings);
    router.Add("POST", "/groups/:id/audits/:audit_id/ratings", Access::SignedIn(), RouteKind::kPage, SaveRatings);
    router.Add("POST", "/groups/:id/audits/:audit_id/actions", Access::SignedIn(), RouteKind::kPage, RaiseAction);
    router.Add("GET", "/groups/:id/audits/:audit_id/results.csv", Access::SignedIn(), RouteKind::kPage, ResultsCsv);
    router.Add("GET", "/groups/:id/audits/:audit_id/compare", Access::SignedIn(), RouteKind::kPage, ShowComparison);
    router.Add("GET", "/groups/:id/audits/:audit_id/compare.csv", Access::SignedIn(), RouteKind::kPage, ComparisonCsv);
}

}  // namespace carevoice::web::partnership_pages
