// One environmental audit of a partnership group (issue 4, item 8): its scores per area with N/A left
// out, its findings, each fail turned into one of the group's actions with an owner and a due date, and
// the CSV download of its results.
#include <map>
#include <nlohmann/json.hpp>

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
#include "web/partnership/audits.hpp"
#include "web/render/svg_chart.hpp"

namespace carevoice::web::partnership_pages {
namespace {

using partnership::ItemRating;

constexpr std::string_view kDash = " \xE2\x80\x94 ";  // " — ", as partnership::ActionDraftsFromFails writes it

// Mustache treats every string, even "", as true in {{#section}}: optional text goes in as null.
nlohmann::json TextOrNullJson(const std::string& text) {
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

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

}  // namespace

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

}  // namespace carevoice::web::partnership_pages
