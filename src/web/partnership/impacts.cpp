// The impact log of a partnership group: the list, and the light-touch form a member fills in on a
// phone after a meeting ("you said — we did — the difference it made — fed back to whom, when, how"): five
// fields to fill (what changed, its kind, the organisation, you said, we did), the rest under "More about it"
// with the defaults it states.
// Entries marked public appear on the group's public page, once their text names nobody who has not agreed
// to be named and gives no contact details (web/partnership/public_text.hpp).
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "app/accounts.hpp"
#include "core/text.hpp"
#include "partnership/impact.hpp"
#include "store/group_organisations.hpp"
#include "store/impact_repository.hpp"
#include "store/organisations_repository.hpp"
#include "web/http/app.hpp"
#include "web/http/kept_form.hpp"
#include "web/partnership/pages.hpp"
#include "web/partnership/public_text.hpp"

namespace carevoice::web::partnership_pages {
namespace {

constexpr const char* kWhoRecords = "members of the group, its facilitators and chairs, and administrators,";
constexpr const char* kWhoReads = "members of the group, analysts and administrators";

// The form's fields in page order: the error summary lists problems in this order.
const std::vector<std::string> kFieldOrder = {
    "title",     "kind",   "organisation_choice", "organisation",    "you_said",    "we_did",      "occurred_on",
    "influence", "domain", "involvement",         "difference_made", "fed_back_to", "fed_back_on", "fed_back_how"};
const std::vector<std::string> kTextFields = {
    "title",    "kind",   "organisation_choice", "organisation", "influence",   "domain", "involvement",
    "you_said", "we_did", "difference_made",     "fed_back_to",  "fed_back_how"};
constexpr const char* kAnotherOrganisation = "another";

// Unless changed under "More about it": today, some influence, on service delivery, by consultation. Said
// on the form, so that nobody records them without knowing.
constexpr const char* kDefaultInfluence = "some";
constexpr const char* kDefaultDomain = "service_delivery_and_resources";
constexpr const char* kDefaultInvolvement = "consultation";

struct ImpactForm {
    std::map<std::string, std::string> text;
    DateInput occurred_on{"occurred_on", "", "", ""}, fed_back_on{"fed_back_on", "", "", ""};
    bool is_public = false;
};

ImpactForm ReadForm(RequestContext& ctx) {
    ImpactForm form;
    for (const auto& f : kTextFields) form.text[f] = std::string(text::Trim(ctx.Param(f)));
    form.occurred_on = ReadDateInput(ctx, "occurred_on");
    form.fed_back_on = ReadDateInput(ctx, "fed_back_on");
    form.is_public = ctx.Param("is_public") == "yes";
    return form;
}

// The id of the element the error summary links to: the first option of a set of radios, a date's day.
std::string FieldId(const std::string& field) {
    if (field == "influence") return "influence-strong";
    if (field == "domain") return "domain-treatment_and_services";
    if (field == "involvement") return "involvement-consultation";
    if (field == "occurred_on" || field == "fed_back_on") return forms::DateFieldId(field);
    return field;
}

// The organisations the group works with (its survey organisation, audits, measures and evidence) and
// those its earlier impacts named, by name: the choices of the form, with "another organisation".
std::vector<std::string> KnownOrganisations(store::Connection& conn, std::int64_t group_id) {
    std::set<std::string> names;
    if (auto codes = store::OrganisationsOfGroup(conn, group_id); codes.ok()) {
        store::OrganisationsRepository orgs(conn);
        for (const auto& code : *codes) {
            if (auto org = orgs.FindByCode(code); org.ok()) names.insert(org->name);
        }
    }
    if (auto earlier = store::ImpactRepository(conn).ListByGroup(group_id); earlier.ok()) {
        for (const auto& i : *earlier) {
            if (!text::Trim(i.organisation).empty()) names.insert(i.organisation);
        }
    }
    return {names.begin(), names.end()};
}

void ShowForm(RequestContext& ctx, const partnership::Group& g, ImpactForm form, std::vector<FieldProblem> problems,
              int status, const nlohmann::json& consent_preview = nullptr, bool kept = false) {
    auto& t = form.text;
    if (status == 200 && !kept) {
        t["influence"] = kDefaultInfluence;
        t["domain"] = kDefaultDomain;
        t["involvement"] = kDefaultInvolvement;
        form.occurred_on = DateInputOf("occurred_on", ctx.app.clock().Today());
    }
    nlohmann::json data;
    for (const auto& [k, v] : t) data[k] = v;
    data["id"] = g.id;
    data["group_name"] = g.name;
    data["kept"] = kept;
    data["return_to"] = "/groups/" + std::to_string(g.id) + "/impacts/new";
    data["is_public"] = form.is_public;
    data["kinds"] = Options(partnership::kImpactKinds, t["kind"]);
    data["influences"] = Options(partnership::kInfluenceStrengths, t["influence"]);
    data["domains"] = Options(partnership::kDecisionDomains, t["domain"]);
    data["involvements"] = Options(partnership::kInvolvementLevels, t["involvement"]);
    nlohmann::json organisations = nlohmann::json::array();
    organisations.push_back(
        {{"value", ""}, {"label", "Choose the organisation"}, {"selected", t["organisation_choice"].empty()}});
    for (const auto& name : KnownOrganisations(ctx.db(), g.id)) {
        organisations.push_back({{"value", name}, {"label", name}, {"selected", t["organisation_choice"] == name}});
    }
    organisations.push_back({{"value", kAnotherOrganisation},
                             {"label", "Another organisation"},
                             {"selected", t["organisation_choice"] == kAnotherOrganisation}});
    data["organisations"] = organisations;
    std::stable_sort(problems.begin(), problems.end(), [](const FieldProblem& a, const FieldProblem& b) {
        auto at = [](const std::string& f) {
            return std::find(kFieldOrder.begin(), kFieldOrder.end(), f) - kFieldOrder.begin();
        };
        return at(a.field) < at(b.field);
    });
    std::map<std::string, std::string> first_error;
    for (const auto& p : problems) first_error.emplace(p.field, p.problem);
    auto error_of = [&](const std::string& f) { return first_error.contains(f) ? first_error.at(f) : ""; };
    data["occurred_on"] = DateFieldData("occurred_on", form.occurred_on, "When did it change?",
                                        "For example, 14 3 2026. Today unless you change it.", error_of("occurred_on"));
    data["fed_back_on"] =
        DateFieldData("fed_back_on", form.fed_back_on, "When?", "For example, 1 4 2026", error_of("fed_back_on"));
    // "More about it" opens by itself when a problem is in it.
    data["more_open"] = std::any_of(problems.begin(), problems.end(),
                                    [](const FieldProblem& p) {
                                        const auto at = std::find(kFieldOrder.begin(), kFieldOrder.end(), p.field);
                                        return at - kFieldOrder.begin() >= 6;
                                    }) ||
                        form.is_public;
    AddErrors(data, problems, FieldId);
    for (const char* f : {"occurred_on", "fed_back_on"}) data.erase(std::string(f) + "_error");
    if (!consent_preview.is_null()) data["consent_preview"] = consent_preview;
    data["breadcrumbs"] = GroupBreadcrumbs(g);
    data["breadcrumbs"].push_back({{"href", "/groups/" + std::to_string(g.id) + "/impacts"}, {"label", "Impact log"}});
    ctx.Page("Record an impact", "partnership_impact_new", data, status);
}

template <typename Table, typename E>
void Choose(const Table& table, const std::string& value, E& out, const std::string& field, const std::string& problem,
            std::vector<FieldProblem>& problems) {
    if (auto v = ParseName(table, value)) {
        out = *v;
    } else {
        problems.push_back({field, problem});
    }
}

// Builds the impact from the form; problems name each field, in words a person reads ("Enter what changed").
partnership::Impact BuildImpact(ImpactForm& form, std::int64_t group_id, CivilDate today,
                                std::vector<FieldProblem>& problems) {
    auto& t = form.text;
    partnership::Impact i;
    i.group_id = group_id;
    i.title = t["title"];
    if (i.title.empty()) problems.push_back({"title", "Enter what changed, as a short headline"});
    Choose(partnership::kImpactKinds, t["kind"], i.kind, "kind", "Choose the kind of change", problems);
    const std::string& choice = t["organisation_choice"];
    i.organisation = choice.empty() || choice == kAnotherOrganisation ? t["organisation"] : choice;
    if (text::Trim(i.organisation).empty()) {
        problems.push_back(choice == kAnotherOrganisation
                               ? FieldProblem{"organisation", "Enter the name of the other organisation"}
                               : FieldProblem{"organisation_choice", "Choose the organisation the group influenced"});
    }
    i.you_said = t["you_said"];
    if (i.you_said.empty()) problems.push_back({"you_said", "Enter what patients or carers said"});
    i.we_did = t["we_did"];
    if (i.we_did.empty()) problems.push_back({"we_did", "Enter what was done about it"});
    auto occurred = ParseDateInput(form.occurred_on, "the date the change happened", false, problems);
    i.occurred_on = occurred.value_or(today);
    Choose(partnership::kInfluenceStrengths, t["influence"].empty() ? kDefaultInfluence : t["influence"], i.influence,
           "influence", "Choose how strongly the group influenced the organisation", problems);
    Choose(partnership::kDecisionDomains, t["domain"].empty() ? kDefaultDomain : t["domain"], i.domain, "domain",
           "Choose where the decision was made", problems);
    Choose(partnership::kInvolvementLevels, t["involvement"].empty() ? kDefaultInvolvement : t["involvement"],
           i.involvement, "involvement", "Choose how involved the group was", problems);
    i.difference_made = t["difference_made"];
    i.fed_back_to = t["fed_back_to"];
    i.fed_back_on = ParseDateInput(form.fed_back_on, "the date of the feedback", false, problems);
    i.fed_back_how = t["fed_back_how"];
    i.is_public = form.is_public;
    return i;
}

void NewImpact(RequestContext& ctx) {
    auto standing = BeginGroupRequest(ctx, &GroupStanding::MayRecord, kWhoRecords);
    if (!standing) return;
    // Back from signing in again after the session expired: the form as it was typed.
    if (TakeKeptForm(ctx)) return ShowForm(ctx, standing->group, ReadForm(ctx), {}, 200, nullptr, true);
    ShowForm(ctx, standing->group, {}, {}, 200);
}

void CreateImpact(RequestContext& ctx) {
    auto standing = BeginGroupRequest(ctx, &GroupStanding::MayRecord, kWhoRecords);
    if (!standing) return;
    ImpactForm form = ReadForm(ctx);
    std::vector<FieldProblem> problems;
    partnership::Impact impact = BuildImpact(form, standing->group.id, ctx.app.clock().Today(), problems);
    Status valid = partnership::ValidateImpact(impact);
    forms::AddValidation(problems, valid, "title");
    // The organisation is chosen from a list or typed: one problem, on the field the person used.
    if (forms::HasProblem(problems, "organisation_choice")) {
        std::erase_if(problems, [](const FieldProblem& p) { return p.field == "organisation"; });
    }
    nlohmann::json preview;
    if (impact.is_public) {  // what the group's public "you said, we did" shows
        const std::vector<PublicField> published = {
            {"title", "What changed", impact.title},
            {"organisation", "The organisation", impact.organisation},
            {"you_said", "You said", impact.you_said},
            {"we_did", "We did", impact.we_did},
            {"difference_made", "The difference it made", impact.difference_made}};
        auto refused = RefuseUnlessPublishable(ctx, standing->group.id, published, PublishedContacts(standing->group),
                                               "impact.publish_refused", "impact", "new", problems);
        if (!refused.ok()) return ctx.Error(503, refused.status());
        preview = std::move(*refused);
    }
    if (!problems.empty()) return ShowForm(ctx, standing->group, form, problems, 422, preview);

    auto tx = store::Transaction::Begin(ctx.db());
    if (!tx.ok()) return ctx.Error(503, tx.status());
    auto created = store::ImpactRepository(ctx.db()).Create(impact, ctx.app.clock().NowSeconds());
    if (!created.ok()) return ctx.Error(HttpStatusFor(created.status()), created.status());
    Status audited = app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(), "impact.create", "impact",
                                      std::to_string(created->id), "success");
    if (!audited.ok()) return ctx.Error(503, audited);
    if (Status s = tx->Commit(); !s.ok()) return ctx.Error(503, s);
    ctx.Redirect("/groups/" + std::to_string(impact.group_id) + "/impacts",
                 "Recorded \"" + created->title + "\"" +
                     (created->is_public ? ". It is shown on the group's public page." : ". It is not public."));
}

void ListImpacts(RequestContext& ctx) {
    auto standing = BeginGroupRequest(ctx, &GroupStanding::MayRead, kWhoReads);
    if (!standing) return;
    const auto& g = standing->group;
    auto impacts = store::ImpactRepository(ctx.db()).ListByGroup(g.id);
    if (!impacts.ok()) return ctx.Error(503, impacts.status());
    nlohmann::json list = nlohmann::json::array();
    for (const auto& i : *impacts) {
        list.push_back({{"title", i.title},
                        {"occurred_on", i.occurred_on.ToString()},
                        {"kind", std::string(LabelOf(partnership::kImpactKinds, i.kind))},
                        {"organisation", i.organisation},
                        {"influence", std::string(LabelOf(partnership::kInfluenceStrengths, i.influence))},
                        {"you_said", i.you_said},
                        {"we_did", i.we_did},
                        {"difference_made", i.difference_made},
                        {"is_public", i.is_public}});
    }
    nlohmann::json data = {{"id", g.id},
                           {"group_name", g.name},
                           {"impacts", list},
                           {"has_impacts", !list.empty()},
                           {"may_record", standing->MayRecord()},
                           {"breadcrumbs", GroupBreadcrumbs(g)}};
    ctx.Page("Impact log: " + g.name, "partnership_impacts", data);
}

}  // namespace

void RegisterImpactRoutes(Router& router) {
    router.Add("GET", "/groups/:id/impacts", Access::SignedIn(), RouteKind::kPage, ListImpacts);
    router.Add("GET", "/groups/:id/impacts/new", Access::SignedIn(), RouteKind::kPage, NewImpact);
    router.Add("POST", "/groups/:id/impacts", Access::SignedIn(), RouteKind::kPage, CreateImpact,
               RouteOptions::KeepsTypedForm());
}

}  // namespace carevoice::web::partnership_pages
