// The members page of a partnership group: who is in it, how each wants to be contacted, and the
// offices they hold, with a form to add a member. Contact details are personal data: only the
// group's facilitators and chairs, and admins, see them, and every view and every change is audited.
#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "core/text.hpp"
#include "partnership/person.hpp"
#include "store/people_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/pages.hpp"

namespace carevoice::web::partnership_pages {
namespace {

constexpr const char* kWhoManages = "the group's facilitators and chairs, and administrators,";

std::string ContactDetail(const partnership::Person& p) {
    switch (p.contact_method) {
        case partnership::ContactMethod::kEmail:
            return p.email;
        case partnership::ContactMethod::kPost:
            return p.postal_address;
        case partnership::ContactMethod::kPhone:
            return p.phone;
    }
    return "";
}

std::string OfficesNow(const partnership::Person& p, CivilDate today) {
    std::string out;
    for (const auto& o : p.offices) {
        if (!partnership::HoldsOfficeOn(p, o, today)) continue;
        out += (out.empty() ? "" : ", ") + std::string(LabelOf(partnership::kOffices, o.office));
    }
    return out;
}

// The form as typed, so that a rejected form shows what was entered.
struct MemberForm {
    std::string name, contact_method, email, postal_address, phone, member_type, discipline, organisation;
    bool consent_to_be_named = false;
};

MemberForm ReadForm(RequestContext& ctx) {
    return {std::string(text::Trim(ctx.Param("name"))),       ctx.Param("contact_method"),
            std::string(text::Trim(ctx.Param("email"))),      std::string(text::Trim(ctx.Param("postal_address"))),
            std::string(text::Trim(ctx.Param("phone"))),      ctx.Param("member_type"),
            std::string(text::Trim(ctx.Param("discipline"))), std::string(text::Trim(ctx.Param("organisation"))),
            ctx.Param("consent_to_be_named") == "yes"};
}

void ShowMembers(RequestContext& ctx, const GroupStanding& standing, const MemberForm& form,
                 const std::vector<FieldProblem>& problems, int status) {
    const auto& g = standing.group;
    auto people = store::PeopleRepository(ctx.db()).ListByGroup(g.id);
    if (!people.ok()) return ctx.Error(503, people.status());
    ctx.Audit("person.list", "group", std::to_string(g.id), "success");
    const CivilDate today = ctx.app.clock().Today();
    nlohmann::json members = nlohmann::json::array();
    for (const auto& p : *people) {
        if (!partnership::IsMemberOn(p, today)) continue;
        members.push_back({{"id", g.id},
                           {"person_id", p.id},
                           {"name", p.name},
                           {"member_type", std::string(LabelOf(partnership::kMemberTypes, p.member_type))},
                           {"contact_method", std::string(LabelOf(partnership::kContactMethods, p.contact_method))},
                           {"contact_detail", ContactDetail(p)},
                           {"access_needs", p.access_needs},
                           {"offices", OfficesNow(p, today)},
                           {"named", p.consent_to_be_named ? "Yes" : "No"}});
    }
    nlohmann::json data = {{"id", g.id},
                           {"group_name", g.name},
                           {"members", members},
                           {"member_count", members.size()},
                           {"has_members", !members.empty()},
                           {"name", form.name},
                           {"email", form.email},
                           {"postal_address", form.postal_address},
                           {"phone", form.phone},
                           {"discipline", form.discipline},
                           {"organisation", form.organisation},
                           {"consent_to_be_named", form.consent_to_be_named},
                           {"contact_methods", Options(partnership::kContactMethods, form.contact_method)},
                           {"member_types", Options(partnership::kMemberTypes, form.member_type)}};
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& p : problems) {
        std::string field = p.field;
        if (field == "contact_method") field = "contact_method-email";
        if (field == "member_type") field = "member_type-patient";
        errors.push_back({{"field_id", field}, {"message", p.problem}});
        data[p.field + "_error"] = p.problem;
    }
    data["errors"] = errors;
    data["breadcrumbs"] = GroupBreadcrumbs(g);
    ctx.Page("Members of " + g.name, "partnership_members", data, status);
}

void GetMembers(RequestContext& ctx) {
    auto standing = BeginGroupRequest(ctx, &GroupStanding::MayManage, kWhoManages);
    if (!standing) return;
    ShowMembers(ctx, *standing, {}, {}, 200);
}

// Problems the form itself can see before the record is built (unknown choices).
std::vector<FieldProblem> ParseChoices(const MemberForm& form, partnership::Person& p) {
    std::vector<FieldProblem> problems;
    if (auto m = ParseName(partnership::kContactMethods, form.contact_method)) {
        p.contact_method = *m;
    } else {
        problems.push_back({"contact_method", "Choose how the member would like to be contacted"});
    }
    if (auto t = ParseName(partnership::kMemberTypes, form.member_type)) {
        p.member_type = *t;
    } else {
        problems.push_back({"member_type", "Choose the kind of member"});
    }
    return problems;
}

void AddMember(RequestContext& ctx) {
    auto standing = BeginGroupRequest(ctx, &GroupStanding::MayManage, kWhoManages);
    if (!standing) return;
    const MemberForm form = ReadForm(ctx);
    partnership::Person p;
    p.group_id = standing->group.id;
    p.name = form.name;
    p.email = form.email;
    p.postal_address = form.postal_address;
    p.phone = form.phone;
    p.discipline = form.discipline;
    p.organisation = form.organisation;
    p.consent_to_be_named = form.consent_to_be_named;
    p.joined_on = ctx.app.clock().Today();
    std::vector<FieldProblem> problems = ParseChoices(form, p);
    Status valid = partnership::ValidatePerson(p);
    forms::AddValidation(problems, valid, "name");
    if (!problems.empty()) return ShowMembers(ctx, *standing, form, problems, 422);

    auto tx = store::Transaction::Begin(ctx.db());
    if (!tx.ok()) return ctx.Error(503, tx.status());
    auto created = store::PeopleRepository(ctx.db()).Create(p, ctx.app.clock().NowSeconds());
    if (!created.ok()) return ctx.Error(HttpStatusFor(created.status()), created.status());
    Status audited = app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(), "person.create", "person",
                                      std::to_string(created->id), "success");
    if (!audited.ok()) return ctx.Error(503, audited);
    if (Status s = tx->Commit(); !s.ok()) return ctx.Error(503, s);
    ctx.Redirect("/groups/" + std::to_string(p.group_id) + "/members", "Added " + created->name + " to the group.");
}

}  // namespace

void RegisterMemberRoutes(Router& router) {
    router.Add("GET", "/groups/:id/members", Access::SignedIn(), RouteKind::kPage, GetMembers);
    router.Add("POST", "/groups/:id/members", Access::SignedIn(), RouteKind::kPage, AddMember);
}

}  // namespace carevoice::web::partnership_pages
