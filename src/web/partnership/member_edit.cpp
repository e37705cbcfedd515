// One member's record, for the group's facilitators and chairs, and admins: contact details and
// access needs, the kind of member, tumour experience and treatment stage, diversity answers (kept only
// with the member's consent), training, leaving the group, and consent to be named. The record is personal
// data: every view and every change is audited, the change in the same transaction.
#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "core/text.hpp"
#include "partnership/person.hpp"
#include "store/people_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/pages.hpp"

namespace carevoice::web::partnership_pages {
namespace {

using partnership::Person;

constexpr const char* kWhoManages = "the group's facilitators and chairs, and administrators,";

std::string Trimmed(const RequestContext& ctx, const std::string& name) {
    return std::string(text::Trim(ctx.Param(name)));
}

// The member of the path's :person_id, if they belong to the group; NotFound otherwise.
Result<Person> LoadPerson(RequestContext& ctx, const GroupStanding& standing) {
    auto id = text::ParseInt(ctx.params["person_id"]);
    if (!id.ok()) return Status::NotFound("There is no such member.");
    auto person = store::PeopleRepository(ctx.db()).Find(static_cast<std::int64_t>(*id));
    if (!person.ok() || person->group_id != standing.group.id) {
        return Status::NotFound("There is no such member of " + standing.group.name + ".");
    }
    return person;
}

// Training as one course per line; a course kept from before keeps its completion date.
std::vector<partnership::Training> ReadTraining(const std::string& lines,
                                                const std::vector<partnership::Training>& before) {
    std::vector<partnership::Training> out;
    for (const auto& line : text::Split(lines, '\n')) {
        const std::string course(text::Trim(line));
        if (course.empty()) continue;
        partnership::Training t{course, std::nullopt};
        for (const auto& b : before) {
            if (b.course == course) t.completed_on = b.completed_on;
        }
        out.push_back(t);
    }
    return out;
}

void ShowForm(RequestContext& ctx, const GroupStanding& standing, const Person& p, const DateInput& left_on,
              const std::vector<FieldProblem>& problems, int status) {
    nlohmann::json tumours = nlohmann::json::array();
    for (std::size_t i = 0; i < partnership::kTumourGroups.size(); ++i) {
        const std::string name(partnership::kTumourGroups[i]);
        bool checked = false;
        for (const auto& t : p.tumour_experience) checked = checked || t == name;
        tumours.push_back({{"field", "tumour-" + std::to_string(i)}, {"label", name}, {"checked", checked}});
    }
    nlohmann::json stages = nlohmann::json::array();
    stages.push_back({{"value", "none"}, {"label", "Not recorded"}, {"selected", !p.treatment_stage}});
    for (const auto& s : partnership::kTreatmentStages) {
        stages.push_back({{"value", std::string(s.name)},
                          {"label", std::string(s.label)},
                          {"selected", p.treatment_stage && *p.treatment_stage == s.value}});
    }
    nlohmann::json dimensions = nlohmann::json::array();
    for (const auto& d : partnership::kDiversityDimensions) {
        std::string answer;
        for (const auto& a : p.diversity) {
            if (a.dimension == d.value) answer = a.category;
        }
        nlohmann::json options = nlohmann::json::array();
        options.push_back({{"value", ""}, {"label", "Not given"}, {"selected", answer.empty()}});
        for (const auto& c : partnership::DiversityCategories(d.value)) {
            options.push_back(
                {{"value", std::string(c.name)}, {"label", std::string(c.label)}, {"selected", c.name == answer}});
        }
        dimensions.push_back(
            {{"field", "diversity-" + std::string(d.name)}, {"label", std::string(d.label)}, {"options", options}});
    }
    std::string training;
    for (const auto& t : p.training) training += t.course + "\n";
    nlohmann::json data = {
        {"id", standing.group.id},
        {"person_id", p.id},
        {"group_name", standing.group.name},
        {"name", p.name},
        {"email", p.email},
        {"postal_address", p.postal_address},
        {"phone", p.phone},
        {"access_needs", p.access_needs},
        {"discipline", p.discipline},
        {"organisation", p.organisation},
        {"contact_methods",
         Options(partnership::kContactMethods, std::string(NameOf(partnership::kContactMethods, p.contact_method)))},
        {"member_types",
         Options(partnership::kMemberTypes, std::string(NameOf(partnership::kMemberTypes, p.member_type)))},
        {"tumours", tumours},
        {"stages", stages},
        {"diversity_consent", p.diversity_consent},
        {"dimensions", dimensions},
        {"training", training},
        {"joined_on", p.joined_on.ToString()},
        {"consent_to_be_named", p.consent_to_be_named}};
    data["left_on_field"] = DateFieldData(left_on, "Left the group on",
                                          "Leave empty while they are a member. For example, 31 3 2026", problems);
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& pr : problems) {
        std::string target = pr.field;
        if (target == "contact_method") target = "contact_method-email";
        if (target == "member_type") target = "member_type-patient";
        if (target == "left_on") target = "left_on-day";
        if (target == "diversity") target = "diversity_consent";
        if (target.rfind("training", 0) == 0) target = "training";
        if (target == "tumour_experience") target = "tumour-0";
        if (target == "treatment_stage") target = "treatment_stage-none";
        errors.push_back({{"field_id", target}, {"message", pr.problem}});
        data[pr.field + "_error"] = pr.problem;
    }
    data["errors"] = errors;
    data["breadcrumbs"] = GroupBreadcrumbs(standing.group);
    data["breadcrumbs"].push_back(
        {{"href", "/groups/" + std::to_string(standing.group.id) + "/members"}, {"label", "Members"}});
    ctx.Page(p.name + ": member record", "partnership_member_edit", data, status);
}

void GetMember(RequestContext& ctx) {
    auto standing = BeginGroupRequest(ctx, &GroupStanding::MayManage, kWhoManages);
    if (!standing) return;
    auto person = LoadPerson(ctx, *standing);
    if (!person.ok()) return ctx.Error(404, person.status());
    ctx.Audit("person.view", "person", std::to_string(person->id), "success");
    ShowForm(ctx, *standing, *person, DateInputOf("left_on", person->left_on), {}, 200);
}

void SaveMember(RequestContext& ctx) {
    auto standing = BeginGroupRequest(ctx, &GroupStanding::MayManage, kWhoManages);
    if (!standing) return;
    auto before = LoadPerson(ctx, *standing);
    if (!before.ok()) return ctx.Error(404, before.status());

    Person p = *before;
    std::vector<FieldProblem> problems;
    p.name = Trimmed(ctx, "name");
    p.email = Trimmed(ctx, "email");
    p.postal_address = Trimmed(ctx, "postal_address");
    p.phone = Trimmed(ctx, "phone");
    p.access_needs = Trimmed(ctx, "access_needs");
    p.discipline = Trimmed(ctx, "discipline");
    p.organisation = Trimmed(ctx, "organisation");
    if (auto m = ParseName(partnership::kContactMethods, ctx.Param("contact_method"))) {
        p.contact_method = *m;
    } else {
        problems.push_back({"contact_method", "Choose how the member would like to be contacted"});
    }
    if (auto t = ParseName(partnership::kMemberTypes, ctx.Param("member_type"))) {
        p.member_type = *t;
    } else {
        problems.push_back({"member_type", "Choose the kind of member"});
    }
    p.tumour_experience.clear();
    for (std::size_t i = 0; i < partnership::kTumourGroups.size(); ++i) {
        if (ctx.Param("tumour-" + std::to_string(i)) == "yes") {
            p.tumour_experience.emplace_back(partnership::kTumourGroups[i]);
        }
    }
    const std::string stage = ctx.Param("treatment_stage");
    if (stage == "none" || stage.empty()) {
        p.treatment_stage.reset();
    } else if (auto s = ParseName(partnership::kTreatmentStages, stage)) {
        p.treatment_stage = *s;
    } else {
        problems.push_back({"treatment_stage", "Choose a treatment stage from the list"});
    }
    p.diversity_consent = ctx.Param("diversity_consent") == "yes";
    p.diversity.clear();
    for (const auto& d : partnership::kDiversityDimensions) {
        const std::string answer = ctx.Param("diversity-" + std::string(d.name));
        if (!answer.empty()) p.diversity.push_back({d.value, answer});
    }
    p.training = ReadTraining(ctx.Param("training"), before->training);
    const DateInput left_on = ReadDateInput(ctx, "left_on");
    p.left_on = ParseDateInput(left_on, "The date they left", false, problems);
    p.consent_to_be_named = ctx.Param("consent_to_be_named") == "yes";

    Status valid = partnership::ValidatePerson(p);
    forms::AddValidation(problems, valid, "name");
    if (!problems.empty()) return ShowForm(ctx, *standing, p, left_on, problems, 422);

    auto tx = store::Transaction::Begin(ctx.db());
    if (!tx.ok()) return ctx.Error(503, tx.status());
    if (Status s = store::PeopleRepository(ctx.db()).Update(p, ctx.app.clock().NowSeconds()); !s.ok()) {
        return ctx.Error(HttpStatusFor(s), s);
    }
    Status audited = app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(), "person.update", "person",
                                      std::to_string(p.id), "success");
    if (!audited.ok()) return ctx.Error(503, audited);
    if (Status s = tx->Commit(); !s.ok()) return ctx.Error(503, s);
    ctx.Redirect("/groups/" + std::to_string(p.group_id) + "/members", "Saved the record of " + p.name + ".");
}

}  // namespace

void RegisterMemberEditRoutes(Router& router) {
    router.Add("GET", "/groups/:id/members/:person_id", Access::SignedIn(), RouteKind::kPage, GetMember);
    router.Add("POST", "/groups/:id/members/:person_id", Access::SignedIn(), RouteKind::kPage, SaveMember);
}

}  // namespace carevoice::web::partnership_pages
