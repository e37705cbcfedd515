// The impact log of a partnership group: the list, and the light-touch form a member fills in on a
// phone after a meeting ("you said — we did — the difference it made — fed back to whom, when, how").
// Entries marked public appear on the group's public page, once their text names nobody who has not agreed
// to be named and gives no contact details (web/partnership/public_text.hpp).
#include <map>
#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "core/text.hpp"
#include "partnership/impact.hpp"
#include "store/impact_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/pages.hpp"
#include "web/partnership/public_text.hpp"

namespace carevoice::web::partnership_pages {
namespace {

constexpr const char* kWhoRecords = "members of the group, its facilitators and chairs, and administrators,";
constexpr const char* kWhoReads = "members of the group, analysts and administrators";

const std::vector<std::string> kTextFields = {
    "title",  "occurred_on",     "kind",        "organisation", "influence",   "domain", "involvement", "you_said",
    "we_did", "difference_made", "fed_back_to", "fed_back_on",  "fed_back_how"};

using ImpactForm = std::map<std::string, std::string>;

ImpactForm ReadForm(RequestContext& ctx) {
    ImpactForm form;
    for (const auto& f : kTextFields) form[f] = std::string(text::Trim(ctx.Param(f)));
    form["is_public"] = ctx.Param("is_public") == "yes" ? "yes" : "";
    return form;
}

// The id of the element the error summary links to: the first option of a set of radios.
std::string FieldId(const std::string& field) {
    if (field == "influence") return "influence-strong";
    if (field == "domain") return "domain-treatment_and_services";
    if (field == "involvement") return "involvement-consultation";
    return field;
}

void ShowForm(RequestContext& ctx, const partnership::Group& g, ImpactForm form,
              const std::vector<FieldProblem>& problems, int status, const nlohmann::json& consent_preview = nullptr) {
    nlohmann::json data;
    for (const auto& [k, v] : form) data[k] = v;
    if (form["occurred_on"].empty()) data["occurred_on"] = ctx.app.clock().Today().ToString();
    data["id"] = g.id;
    data["group_name"] = g.name;
    data["is_public"] = form["is_public"] == "yes";
    data["kinds"] = Options(partnership::kImpactKinds, form["kind"]);
    data["influences"] = Options(partnership::kInfluenceStrengths, form["influence"]);
    data["domains"] = Options(partnership::kDecisionDomains, form["domain"]);
    data["involvements"] = Options(partnership::kInvolvementLevels, form["involvement"]);
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& p : problems) {
        errors.push_back({{"field_id", FieldId(p.field)}, {"message", p.problem}});
        data[p.field + "_error"] = p.problem;
    }
    data["errors"] = errors;
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

void ParseDate(const std::string& value, std::optional<CivilDate>& out, const std::string& field,
               const std::string& what, std::vector<FieldProblem>& problems) {
    if (value.empty()) return;
    auto d = CivilDate::Parse(value);
    if (d.ok()) {
        out = *d;
    } else {
        problems.push_back({field, what + " must be a real date, for example 2026-03-14"});
    }
}

// Builds the impact from the form; problems name each field the form cannot turn into a value.
partnership::Impact BuildImpact(ImpactForm& form, std::int64_t group_id, std::vector<FieldProblem>& problems) {
    partnership::Impact i;
    i.group_id = group_id;
    i.title = form["title"];
    std::optional<CivilDate> occurred;
    if (form["occurred_on"].empty()) problems.push_back({"occurred_on", "Enter the date the change happened"});
    ParseDate(form["occurred_on"], occurred, "occurred_on", "The date of the change", problems);
    if (occurred) i.occurred_on = *occurred;
    Choose(partnership::kImpactKinds, form["kind"], i.kind, "kind", "Choose the kind of change", problems);
    i.organisation = form["organisation"];
    Choose(partnership::kInfluenceStrengths, form["influence"], i.influence, "influence",
           "Choose how strongly the group influenced the organisation", problems);
    Choose(partnership::kDecisionDomains, form["domain"], i.domain, "domain", "Choose where the decision was made",
           problems);
    Choose(partnership::kInvolvementLevels, form["involvement"], i.involvement, "involvement",
           "Choose how involved the group was", problems);
    i.you_said = form["you_said"];
    i.we_did = form["we_did"];
    i.difference_made = form["difference_made"];
    i.fed_back_to = form["fed_back_to"];
    ParseDate(form["fed_back_on"], i.fed_back_on, "fed_back_on", "The date of the feedback", problems);
    i.fed_back_how = form["fed_back_how"];
    i.is_public = form["is_public"] == "yes";
    return i;
}

void NewImpact(RequestContext& ctx) {
    auto standing = BeginGroupRequest(ctx, &GroupStanding::MayRecord, kWhoRecords);
    if (!standing) return;
    ShowForm(ctx, standing->group, {}, {}, 200);
}

void CreateImpact(RequestContext& ctx) {
    auto standing = BeginGroupRequest(ctx, &GroupStanding::MayRecord, kWhoRecords);
    if (!standing) return;
    ImpactForm form = ReadForm(ctx);
    std::vector<FieldProblem> problems;
    partnership::Impact impact = BuildImpact(form, standing->group.id, problems);
    Status valid = partnership::ValidateImpact(impact);
    forms::AddValidation(problems, valid, "title");
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
    router.Add("POST", "/groups/:id/impacts", Access::SignedIn(), RouteKind::kPage, CreateImpact);
}

}  // namespace carevoice::web::partnership_pages
