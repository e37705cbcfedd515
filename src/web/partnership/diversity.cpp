// The diversity view of a group: who the members are against the population the group speaks for (a
// profile the group enters), seldom-heard groups that are missing, the users-to-professionals ratio, the
// spread of tumour types, members in or just after treatment, and lapsed members. It is derived from
// personal data, so only the group's facilitators and chairs, analysts and admins see it, and every view
// is audited. Those who hold the members' records (facilitators, chairs, admins) see exact figures;
// analysts, who read across groups but not members' records, see them under carevoice's disclosure
// control (DiversityJson in pages_partnership_programme.hpp).
#include <map>
#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "core/text.hpp"
#include "store/groups_repository.hpp"
#include "store/meetings_repository.hpp"
#include "store/people_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/programme/programme.hpp"
#include "web/render/svg_chart.hpp"

namespace carevoice::web::partnership_pages {
namespace {

constexpr const char* kWhoSees = "the group's facilitators and chairs, analysts and administrators";

std::string ShareField(partnership::DiversityDimension dimension, std::string_view category) {
    return "share-" + std::string(NameOf(partnership::kDiversityDimensions, dimension)) + "-" + std::string(category);
}

void ShowDiversity(RequestContext& ctx) {
    auto standing = BeginGroupRequest(
        ctx, [](const GroupStanding& s) { return s.MayManage() || s.is_analyst; }, kWhoSees);
    if (!standing) return;
    const auto& g = standing->group;
    auto people = store::PeopleRepository(ctx.db()).ListByGroup(g.id);
    auto meetings = store::MeetingsRepository(ctx.db()).ListByGroup(g.id);
    auto profile = store::GroupsRepository(ctx.db()).FindPopulationProfile(g.id);
    if (!people.ok() || !meetings.ok() || !profile.ok()) {
        return ctx.Error(503, Status::Unavailable("The group's members cannot be read now."));
    }
    auto view = partnership::BuildDiversityView(*people, *meetings, *profile, ctx.app.clock().Today());
    if (!view.ok()) return ctx.Error(422, view.status());
    ctx.Audit("diversity.view", "group", std::to_string(g.id), "success");
    nlohmann::json data = DiversityJson(*view, standing->MayManage());
    data["id"] = g.id;
    data["group_name"] = g.name;
    data["has_profile"] = !profile->empty();
    data["may_manage"] = standing->MayManage();
    data["profile_href"] = GroupPathOf(g.id, "/diversity/profile");
    data["breadcrumbs"] = GroupBreadcrumbs(g);
    ctx.Page("Diversity of " + g.name, "partnership_diversity", data);
}

void RenderProfile(RequestContext& ctx, const GroupStanding& standing, const std::map<std::string, std::string>& typed,
                   const std::vector<FieldProblem>& problems, int status) {
    const auto& g = standing.group;
    std::map<std::string, std::string> errors;
    for (const auto& p : problems) errors.emplace(p.field, p.problem);
    nlohmann::json dimensions = nlohmann::json::array();
    for (const auto& d : partnership::kDiversityDimensions) {
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& c : partnership::DiversityCategories(d.value)) {
            const std::string field = ShareField(d.value, c.name);
            nlohmann::json row = {{"field", field},
                                  {"label", std::string(c.label)},
                                  {"value", typed.contains(field) ? typed.at(field) : ""}};
            if (errors.contains(field)) row["error"] = errors.at(field);
            rows.push_back(row);
        }
        dimensions.push_back({{"label", std::string(d.label)}, {"rows", rows}});
    }
    nlohmann::json data = {{"id", g.id},
                           {"group_name", g.name},
                           {"dimensions", dimensions},
                           {"diversity_href", GroupPathOf(g.id, "/diversity")}};
    AddErrors(data, problems);
    data["breadcrumbs"] = GroupBreadcrumbs(g);
    data["breadcrumbs"].push_back({{"href", GroupPathOf(g.id, "/diversity")}, {"label", "Diversity"}});
    ctx.Page("Population profile: " + g.name, "partnership_diversity_profile", data, status);
}

std::optional<GroupStanding> BeginManage(RequestContext& ctx) {
    auto standing = BeginGroupRequest(ctx, &GroupStanding::MayManage, kWhoManagesProgramme);
    if (!standing) return std::nullopt;
    return std::move(*standing);
}

void EditProfile(RequestContext& ctx) {
    auto standing = BeginManage(ctx);
    if (!standing) return;
    auto profile = store::GroupsRepository(ctx.db()).FindPopulationProfile(standing->group.id);
    if (!profile.ok()) return ctx.Error(503, profile.status());
    std::map<std::string, std::string> typed;
    for (const auto& e : *profile) {
        std::string percent = svg::Number(e.expected_share * 100, 2);  // "9.70" -> "9.7", "74.00" -> "74"
        while (percent.back() == '0') percent.pop_back();
        if (percent.back() == '.') percent.pop_back();
        typed[ShareField(e.dimension, e.category)] = percent;
    }
    RenderProfile(ctx, *standing, typed, {}, 200);
}

void SaveProfile(RequestContext& ctx) {
    auto standing = BeginManage(ctx);
    if (!standing) return;
    std::map<std::string, std::string> typed;
    std::vector<FieldProblem> problems;
    partnership::PopulationProfile profile;
    std::vector<std::string> fields;  // the field of each profile entry
    for (const auto& d : partnership::kDiversityDimensions) {
        for (const auto& c : partnership::DiversityCategories(d.value)) {
            const std::string field = ShareField(d.value, c.name);
            std::string value(text::Trim(ctx.Param(field)));
            if (!value.empty() && value.back() == '%')
                value = std::string(text::Trim(value.substr(0, value.size() - 1)));
            typed[field] = value;
            if (value.empty()) continue;
            auto percent = text::ParseDouble(value);
            if (!percent.ok() || !(*percent >= 0 && *percent <= 100)) {
                problems.push_back({field, std::string(d.label) + ", " + std::string(c.label) +
                                               ": enter a percentage from 0 to 100, or leave it empty"});
                continue;
            }
            profile.push_back({d.value, std::string(c.name), *percent / 100});
            fields.push_back(field);
        }
    }
    if (problems.empty()) {
        // The shares of one question cannot add up to more than the whole population.
        std::map<partnership::DiversityDimension, std::pair<double, std::string>> sums;  // sum, first field
        for (std::size_t i = 0; i < profile.size(); ++i) {
            auto& [sum, field] = sums[profile[i].dimension];
            sum += profile[i].expected_share;
            if (field.empty()) field = fields[i];
        }
        for (const auto& [dimension, entry] : sums) {
            if (entry.first > 1 + partnership::kShareSumTolerance) {
                problems.push_back({entry.second, std::string(LabelOf(partnership::kDiversityDimensions, dimension)) +
                                                      ": the shares add up to " + Percent(entry.first) +
                                                      ", more than 100%"});
            }
        }
    }
    if (problems.empty()) {
        Status valid = partnership::ValidatePopulationProfile(profile);
        for (const auto& p : valid.details()) {
            std::size_t index = 0;
            if (p.field.rfind("profile[", 0) == 0) index = std::stoul(p.field.substr(8));
            const std::string field = index < fields.size() ? fields[index] : (fields.empty() ? "" : fields.front());
            std::string label;
            if (index < profile.size())
                label = std::string(LabelOf(partnership::kDiversityDimensions, profile[index].dimension));
            AddProblem(problems, {field, label.empty() ? "The profile: " + p.problem : label + ": " + p.problem});
        }
    }
    if (!problems.empty()) return RenderProfile(ctx, *standing, typed, problems, 422);

    auto tx = store::Transaction::Begin(ctx.db());
    if (!tx.ok()) return ctx.Error(503, tx.status());
    Status saved = store::GroupsRepository(ctx.db()).SetPopulationProfile(standing->group.id, profile);
    if (!saved.ok()) return ctx.Error(HttpStatusFor(saved), saved);
    Status audited = app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(), "population_profile.update",
                                      "group", std::to_string(standing->group.id), "success");
    if (!audited.ok()) return ctx.Error(503, audited);
    if (Status s = tx->Commit(); !s.ok()) return ctx.Error(503, s);
    ctx.Redirect(GroupPathOf(standing->group.id, "/diversity"), "Saved the population profile.");
}

}  // namespace

void RegisterDiversityRoutes(Router& router) {
    router.Add("GET", "/groups/:id/diversity", Access::SignedIn(), RouteKind::kPage, ShowDiversity);
    router.Add("GET", "/groups/:id/diversity/profile", Access::SignedIn(), RouteKind::kPage, EditProfile);
    router.Add("POST", "/groups/:id/diversity/profile", Access::SignedIn(), RouteKind::kPage, SaveProfile);
}

}  // namespace carevoice::web::partnership_pages
