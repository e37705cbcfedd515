// Running a partnership group: the overview that the group's members, analysts and admins see (what
// the group is, its links and terms of reference, and — prominently — the warnings when one of its
// own rules is broken or due), and the page on which the group's facilitators and chairs, and admins,
// edit its details, contact routes, links and terms of reference (the form is read and checked in
// manage_form.cpp). One save changes the group and its terms together, in one transaction with their
// audit entries.
#include "web/partnership/manage.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "app/accounts.hpp"
#include "core/text.hpp"
#include "partnership/action_list.hpp"
#include "partnership/dates.hpp"
#include "partnership/group.hpp"
#include "partnership/person.hpp"
#include "partnership/terms_of_reference.hpp"
#include "store/actions_repository.hpp"
#include "store/groups_repository.hpp"
#include "store/meetings_repository.hpp"
#include "store/people_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/pages.hpp"
#include "web/partnership/public_text.hpp"
#include "web/partnership/warnings.hpp"

namespace carevoice::web::partnership_pages {

Result<GroupWarnings> LoadTorWarnings(RequestContext& ctx, std::int64_t group_id) {
    GroupWarnings out;
    CV_ASSIGN_OR_RETURN(out.terms, store::GroupsRepository(ctx.db()).FindTermsOfReference(group_id));
    if (!out.terms) return out;
    CV_ASSIGN_OR_RETURN(auto people, store::PeopleRepository(ctx.db()).ListByGroup(group_id));
    CV_ASSIGN_OR_RETURN(auto meetings, store::MeetingsRepository(ctx.db()).ListByGroup(group_id));
    out.warnings = partnership::TermsOfReferenceWarnings(*out.terms, people, meetings, ctx.app.clock().Today());
    return out;
}

namespace {

constexpr const char* kWhoManages = "the group's facilitators and chairs, and administrators,";
constexpr const char* kWhoReads = "members of the group, analysts and administrators";
constexpr int kBlankLinkRows = 2;  // rows for new links below the existing ones (no JavaScript needed)
constexpr int kMaxLinkRows = 40;

std::string ModelText(const partnership::Group& g) {
    if (!g.model) return "None of the models: " + g.model_description;
    return "Model " + std::string(NameOf(partnership::kGroupModels, *g.model)) + ": " +
           std::string(LabelOf(partnership::kGroupModels, *g.model));
}

std::string Months(int n) { return std::to_string(n) + (n == 1 ? " month" : " months"); }

std::map<std::int64_t, std::string> NamesById(const std::vector<partnership::Person>& people) {
    std::map<std::int64_t, std::string> names;
    for (const auto& p : people) names[p.id] = p.name;
    return names;
}

std::string JoinNames(const std::vector<std::int64_t>& ids, const std::map<std::int64_t, std::string>& names) {
    std::string out;
    for (std::int64_t id : ids) {
        auto it = names.find(id);
        out += (out.empty() ? "" : ", ") + (it == names.end() ? "(someone no longer recorded)" : it->second);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Overview

nlohmann::json TermsJson(const partnership::TermsOfReference& t) {
    nlohmann::json j = {
        {"chair_eligibility", std::string(LabelOf(partnership::kChairEligibilities, t.chair_eligibility))},
        {"chair_term", Months(t.chair_term_min_months) + " to " + Months(t.chair_term_max_months)},
        {"re_election_gap", Months(t.re_election_gap_months)},
        {"vice_chairs", t.vice_chairs},
        {"quorum", std::to_string(t.quorum) + (t.quorum == 1 ? " person" : " people") +
                       (t.quorum_lay > 0 ? ", of whom at least " + std::to_string(t.quorum_lay) +
                                               (t.quorum_lay == 1 ? " is a user or carer" : " are users or carers")
                                         : "")},
        {"review_date", t.review_date.ToString()}};
    SetText(j, "document_text", t.document_text);
    SetText(j, "document_url", t.document_url);
    return j;
}

void ShowOverview(RequestContext& ctx) {
    auto standing = BeginGroupRequest(ctx, &GroupStanding::MayRead, kWhoReads);
    if (!standing) return;
    const auto& g = standing->group;
    const CivilDate today = ctx.app.clock().Today();
    auto people = store::PeopleRepository(ctx.db()).ListByGroup(g.id);
    auto meetings = store::MeetingsRepository(ctx.db()).ListByGroup(g.id);
    auto actions = store::ActionsRepository(ctx.db()).ListByGroup(g.id);
    auto warnings = LoadTorWarnings(ctx, g.id);
    if (!people.ok() || !meetings.ok() || !actions.ok() || !warnings.ok()) {
        return ctx.Error(503, Status::Unavailable("the group's records cannot be read now"));
    }
    const auto names = NamesById(*people);
    int members = 0;
    for (const auto& p : *people) members += partnership::IsMemberOn(p, today) ? 1 : 0;
    int held = 0;
    std::optional<CivilDate> last, next;
    for (const auto& m : *meetings) {
        if (m.held_on <= today) {
            ++held;
            last = m.held_on;
        } else if (!next || m.held_on < *next) {
            next = m.held_on;
        }
    }
    int open = 0, overdue = 0;
    for (const auto& e : partnership::OrderActionList(*actions, today)) {
        if (e.action.status == partnership::ActionStatus::kOpen) ++open;
        if (e.overdue) ++overdue;
    }
    nlohmann::json links = nlohmann::json::array();
    for (const auto& l : g.links) {
        nlohmann::json link = {{"kind", std::string(LabelOf(partnership::kLinkedBodyKinds, l.kind))},
                               {"body_name", l.body_name}};
        SetText(link, "representatives", JoinNames(l.representative_ids, names));
        links.push_back(std::move(link));
    }
    const std::string base = GroupBase(g.id);
    nlohmann::json data = {
        {"id", g.id},
        {"name", g.name},
        {"area", std::string(LabelOf(partnership::kAreaKinds, g.area_kind)) + ": " + g.area_name},
        {"model", ModelText(g)},
        {"year_founded", g.year_founded ? std::to_string(*g.year_founded) : "Not recorded"},
        {"meets", g.meeting_interval_weeks ? "About every " + std::to_string(*g.meeting_interval_weeks) + " weeks"
                                           : "Not recorded"},
        {"links", links},
        {"has_links", !links.empty()},
        {"members", members},
        {"meetings_held", held},
        {"open_actions", open},
        {"overdue_actions", overdue},
        {"has_terms", warnings->terms.has_value()},
        {"may_manage", standing->MayManage()},
        {"may_record", standing->MayRecord()},
        {"may_see_diversity", standing->MayManage() || standing->is_analyst},
        {"base", base}};
    SetText(data, "contact_postal_address", g.contact_postal_address);
    SetText(data, "contact_phone", g.contact_phone);
    SetText(data, "contact_email", g.contact_email);
    if (last) data["last_meeting"] = last->ToString();
    if (next) data["next_meeting"] = next->ToString();
    nlohmann::json list = WarningsJson(warnings->warnings, g.id, [](const auto&) { return true; });
    data["warnings"] = list;
    data["has_warnings"] = !list.empty();
    data["warning_count"] =
        list.size() == 1 ? std::string("1 thing needs") : std::to_string(list.size()) + " things need";
    if (warnings->terms) data["terms"] = TermsJson(*warnings->terms);
    data["breadcrumbs"] = GroupBreadcrumbs(g);
    ctx.Page("Running " + g.name, "partnership_overview", data);
}

// ---------------------------------------------------------------------------------------------
// Editing the group and its terms of reference

std::string EditFieldId(const std::string& field) {
    if (field == "area_kind") return "area_kind-" + std::string(partnership::kAreaKinds[0].name);
    if (field == "model") return "model-A";
    if (field == "chair_eligibility")
        return "chair_eligibility-" + std::string(partnership::kChairEligibilities[0].name);
    if (field == "review_date") return "review_date-day";
    return field;
}

// The part of the page being edited, and links to each part and to the whole.
void AddSections(nlohmann::json& data, std::int64_t group_id, const EditSection* section) {
    const std::string edit = GroupBase(group_id) + "/edit";
    nlohmann::json list = nlohmann::json::array();
    list.push_back({{"title", "Everything on one page"}, {"href", edit}, {"current", section == nullptr}});
    for (const auto& s : kEditSections) {
        list.push_back({{"title", s.title}, {"href", edit + "?section=" + s.name}, {"current", section == &s}});
        data[std::string("show_") + s.name] = section == nullptr || section == &s;
    }
    data["sections"] = list;
    data["one_section"] = section != nullptr;
    if (section) {
        data["section"] = section->name;
        data["section_title"] = section->title;
        data["section_noun"] = section->noun;
    }
}

// The form as recorded (a group without terms starts from the report's sample, adopted today).
Result<GroupForm> RecordedForm(RequestContext& ctx, const partnership::Group& g) {
    CV_ASSIGN_OR_RETURN(auto terms, store::GroupsRepository(ctx.db()).FindTermsOfReference(g.id));
    return FormOf(g, terms.value_or(partnership::SampleTermsOfReference(ctx.app.clock().Today())));
}

void ShowEdit(RequestContext& ctx, const GroupStanding& standing, GroupForm form, const EditSection* section,
              const std::vector<FieldProblem>& problems, int status, const nlohmann::json& consent_preview = nullptr) {
    const auto& g = standing.group;
    auto people = store::PeopleRepository(ctx.db()).ListByGroup(g.id);
    if (!people.ok()) return ctx.Error(503, people.status());
    const CivilDate today = ctx.app.clock().Today();
    // Who may be chosen as a representative: today's members, and anyone already chosen.
    std::set<std::int64_t> chosen;
    for (const auto& row : form.links) chosen.insert(row.representatives.begin(), row.representatives.end());
    std::vector<const partnership::Person*> candidates;
    for (const auto& p : *people) {
        if (partnership::IsMemberOn(p, today) || chosen.count(p.id)) candidates.push_back(&p);
    }
    for (int i = 0; i < kBlankLinkRows && static_cast<int>(form.links.size()) < kMaxLinkRows; ++i) {
        form.links.push_back({});
    }
    nlohmann::json data = {{"id", g.id},
                           {"group_name", g.name},
                           {"name", form.name},
                           {"area_kinds", Options(partnership::kAreaKinds, form.area_kind)},
                           {"area_name", form.area_name},
                           {"model_description", form.model_description},
                           {"no_model", form.model == kNoModel},
                           {"year_founded", form.year_founded},
                           {"meeting_interval_weeks", form.meeting_interval_weeks},
                           {"contact_postal_address", form.contact_postal_address},
                           {"contact_phone", form.contact_phone},
                           {"contact_email", form.contact_email},
                           {"document_text", form.document_text},
                           {"document_url", form.document_url},
                           {"chair_eligibilities", Options(partnership::kChairEligibilities, form.chair_eligibility)},
                           {"chair_term_min_months", form.chair_term_min_months},
                           {"chair_term_max_months", form.chair_term_max_months},
                           {"re_election_gap_months", form.re_election_gap_months},
                           {"vice_chairs", form.vice_chairs},
                           {"quorum", form.quorum},
                           {"quorum_lay", form.quorum_lay},
                           {"link_rows", form.links.size()}};
    nlohmann::json models = nlohmann::json::array();
    for (const auto& m : partnership::kGroupModels) {
        models.push_back({{"value", std::string(m.name)},
                          {"label", "Model " + std::string(m.name)},
                          {"hint", std::string(m.label)},
                          {"selected", m.name == form.model}});
    }
    data["models"] = models;
    AddErrors(data, problems, EditFieldId);
    if (!consent_preview.is_null()) data["consent_preview"] = consent_preview;
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t at = 0; at < form.links.size(); ++at) {
        const LinkRow& row = form.links[at];
        const std::string n = std::to_string(at + 1);
        nlohmann::json people_json = nlohmann::json::array();
        for (const auto* p : candidates) {
            const bool checked =
                std::find(row.representatives.begin(), row.representatives.end(), p->id) != row.representatives.end();
            people_json.push_back({{"person_id", p->id}, {"person_name", p->name}, {"checked", checked}});
        }
        nlohmann::json r = {{"n", n},
                            {"is_new", row.body_name.empty() && row.representatives.empty()},
                            {"kinds", Options(partnership::kLinkedBodyKinds, row.kind)},
                            {"body_name", row.body_name},
                            {"people", people_json}};
        const std::string name_error = "link-" + n + "-body_name_error";
        const std::string kind_error = "link-" + n + "-kind_error";
        if (data.contains(name_error)) r["body_name_error"] = data[name_error];
        if (data.contains(kind_error)) r["kind_error"] = data[kind_error];
        rows.push_back(std::move(r));
    }
    data["links"] = rows;
    const std::string review_error = data.value("review_date_error", std::string());
    data["review_date"] =
        DateFieldData("review_date", form.review_date, "When are the terms of reference next reviewed?",
                      "For example, 15 9 2026. Most groups review them every year.", review_error);
    data["breadcrumbs"] = GroupBreadcrumbs(g);
    data["breadcrumbs"].push_back({{"href", GroupBase(g.id) + "/overview"}, {"label", "Running the group"}});
    AddSections(data, g.id, section);
    ctx.Page(section ? std::string(section->title) + " – " + g.name : "Edit " + g.name, "partnership_group_edit", data,
             status);
}

void GetEdit(RequestContext& ctx) {
    auto standing = BeginGroupRequest(ctx, &GroupStanding::MayManage, kWhoManages);
    if (!standing) return;
    auto form = RecordedForm(ctx, standing->group);
    if (!form.ok()) return ctx.Error(503, form.status());
    ShowEdit(ctx, *standing, *form, FindEditSection(ctx.Param("section")), {}, 200);
}

// Writes the group and its terms with their audit entries, all or nothing.
Status Save(RequestContext& ctx, const Records& records) {
    CV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(ctx.db()));
    const std::int64_t now = ctx.app.clock().NowSeconds();
    store::GroupsRepository groups(ctx.db());
    CV_RETURN_IF_ERROR(groups.Update(records.group, now));
    CV_RETURN_IF_ERROR(groups.SetTermsOfReference(records.group.id, records.terms, now));
    const std::string id = std::to_string(records.group.id);
    CV_RETURN_IF_ERROR(
        app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(), "group.update", "group", id, "success"));
    CV_RETURN_IF_ERROR(app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(), "terms_of_reference.update",
                                        "group", id, "success"));
    return tx.Commit();
}

void PostEdit(RequestContext& ctx) {
    auto standing = BeginGroupRequest(ctx, &GroupStanding::MayManage, kWhoManages);
    if (!standing) return;
    std::vector<FieldProblem> problems;
    GroupForm form = ReadForm(ctx, problems);
    // One part posted: the other parts stay as recorded.
    const EditSection* section = FindEditSection(ctx.Param("section"));
    if (section) {
        auto recorded = RecordedForm(ctx, standing->group);
        if (!recorded.ok()) return ctx.Error(503, recorded.status());
        TakeSection(*recorded, form, *section);
        form = std::move(*recorded);
    }
    Records records = BuildRecords(form, standing->group, problems);
    // The group's details on its public page (and in the annual report shared beyond the group).
    const std::vector<PublicField> published = {
        {"name", "The name of the group", form.name},
        {"area_name", "The name of the area", form.area_name},
        {"model_description", "How the group is organised", form.model_description},
        {"contact_postal_address", "The postal address", form.contact_postal_address},
        {"contact_phone", "The phone number", form.contact_phone, true},
        {"contact_email", "The e-mail address", form.contact_email, true}};
    const std::vector<std::string> contacts = {form.contact_email, form.contact_phone};
    auto refused = RefuseUnlessPublishable(ctx, standing->group.id, published, contacts, "group.publish_refused",
                                           "group", std::to_string(standing->group.id), problems);
    if (!refused.ok()) return ctx.Error(503, refused.status());
    if (!problems.empty()) return ShowEdit(ctx, *standing, form, section, problems, 422, *refused);
    Status saved = Save(ctx, records);
    if (saved.code() == StatusCode::kInvalidArgument) {
        // The store's own checks (a representative who is not one of the group's people).
        for (const auto& d : saved.details()) {
            auto row = FormRowOfLink(d.field, form.links);
            problems.push_back({row ? LinkField(*row) : "name", row ? "Choose link " + std::to_string(*row) +
                                                                          "'s representatives from the group's members"
                                                                    : Humanise(d.field + " " + d.problem)});
        }
        if (problems.empty()) problems.push_back({"name", saved.message()});
        return ShowEdit(ctx, *standing, form, section, problems, 422);
    }
    if (!saved.ok()) return ctx.Error(HttpStatusFor(saved), saved);
    ctx.Redirect(GroupBase(standing->group.id) + "/overview",
                 section ? "Saved " + std::string(section->noun) + "."
                         : "Saved the group's details and its terms of reference.");
}

}  // namespace

void RegisterGroupManageRoutes(Router& router) {
    router.Add("GET", "/groups/:id/overview", Access::SignedIn(), RouteKind::kPage, ShowOverview);
    router.Add("GET", "/groups/:id/edit", Access::SignedIn(), RouteKind::kPage, GetEdit);
    router.Add("POST", "/groups/:id/edit", Access::SignedIn(), RouteKind::kPage, PostEdit,
               RouteOptions::LongText({"document_text"}));
}

}  // namespace carevoice::web::partnership_pages
