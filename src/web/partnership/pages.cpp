// Partnership pages (issue 4), first slice: the /partnership landing page and each group's public
// page, which says what the group is, how to join and "you said, we did". Public pages never show a
// member's personal details; the members page (pages_partnership_members.cpp) is for those who run
// the group.
#include "web/partnership/pages.hpp"

#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "partnership/impact.hpp"
#include "store/groups_repository.hpp"
#include "store/impact_repository.hpp"
#include "store/measures_repository.hpp"
#include "store/meetings_repository.hpp"
#include "web/http/app.hpp"

namespace carevoice::web {
namespace partnership_pages {

Result<GroupStanding> LoadStanding(RequestContext& ctx) {
    auto id = text::ParseInt(ctx.params["id"]);
    if (!id.ok()) return Status::NotFound("there is no such group");
    store::GroupsRepository groups(ctx.db());
    auto group = groups.Find(*id);
    if (!group.ok()) return group.status();
    GroupStanding standing;
    standing.group = std::move(*group);
    if (!ctx.user) return standing;
    standing.is_admin = ctx.user->role == Role::kAdmin;
    standing.is_analyst = ctx.user->role == Role::kAnalyst;
    auto mine = groups.GroupsOfUser(ctx.user->id);
    if (!mine.ok()) return mine.status();
    for (const auto& s : *mine) {
        if (s.group_id == standing.group.id) standing.role = s.role;
    }
    return standing;
}

std::string GroupBase(std::int64_t id) { return "/groups/" + std::to_string(id); }

bool Require(RequestContext& ctx, bool allowed, const std::string& who_may) {
    if (allowed) return true;
    ctx.Error(403, "forbidden", "Only " + who_may + " can use this page. Ask the group's facilitator if you need it.");
    return false;
}

std::optional<GroupStanding> BeginGroupRequest(RequestContext& ctx, const StandingRule& allowed,
                                               const std::string& who_may) {
    auto standing = LoadStanding(ctx);
    if (!standing.ok()) {
        ctx.Error(HttpStatusFor(standing.status()), standing.status());
        return std::nullopt;
    }
    if (allowed && !Require(ctx, allowed(*standing), who_may)) return std::nullopt;
    return std::move(*standing);
}

std::optional<GroupStanding> BeginGroupRequest(RequestContext& ctx) { return BeginGroupRequest(ctx, nullptr, ""); }

nlohmann::json GroupBreadcrumbs(const partnership::Group& group) {
    return {{{"href", "/partnership"}, {"label", "Partnership and improvement"}},
            {{"href", "/groups/" + std::to_string(group.id)}, {"label", group.name}}};
}

}  // namespace partnership_pages

namespace {

using partnership_pages::GroupStanding;

std::string AreaLabel(const partnership::Group& g) {
    return std::string(LabelOf(partnership::kAreaKinds, g.area_kind)) + ": " + g.area_name;
}

void ShowLanding(RequestContext& ctx) {
    store::GroupsRepository groups(ctx.db());
    auto all = groups.List();
    if (!all.ok()) return ctx.Error(503, all.status());
    nlohmann::json list = nlohmann::json::array();
    for (const auto& g : *all) {
        list.push_back({{"id", g.id}, {"name", g.name}, {"area", AreaLabel(g)}});
    }
    nlohmann::json mine = nlohmann::json::array();
    if (ctx.user) {
        auto staff = groups.GroupsOfUser(ctx.user->id);
        if (!staff.ok()) return ctx.Error(503, staff.status());
        for (const auto& s : *staff) {
            std::string name;
            for (const auto& g : *all) {
                if (g.id == s.group_id) name = g.name;
            }
            mine.push_back({{"id", s.group_id},
                            {"name", name},
                            {"role", std::string(LabelOf(partnership::kGroupRoles, s.role))},
                            {"manages", partnership::ManagesGroup(s.role)}});
        }
    }
    ctx.Page("Partnership and improvement", "partnership_landing",
             {{"groups", list}, {"has_groups", !list.empty()}, {"mine", mine}, {"has_mine", !mine.empty()}});
}

nlohmann::json PublicImpacts(const std::vector<partnership::Impact>& impacts) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& i : impacts) {
        if (!i.is_public) continue;  // the repository filters too; a public page checks again
        list.push_back({{"title", i.title},
                        {"occurred_on", i.occurred_on.ToString()},
                        {"kind", std::string(LabelOf(partnership::kImpactKinds, i.kind))},
                        {"organisation", i.organisation},
                        {"you_said", i.you_said},
                        {"we_did", i.we_did},
                        {"difference_made", i.difference_made}});
    }
    return list;
}

void ShowGroup(RequestContext& ctx) {
    auto standing = partnership_pages::BeginGroupRequest(ctx);
    if (!standing) return;
    const auto& g = standing->group;
    auto impacts = store::ImpactRepository(ctx.db()).ListByGroup(g.id, /*public_only=*/true);
    auto minutes = store::MeetingsRepository(ctx.db()).ListPublicMinutes(g.id);
    if (!impacts.ok() || !minutes.ok())
        return ctx.Error(503, Status::Unavailable("the group's records cannot be read now"));
    nlohmann::json meetings = nlohmann::json::array();
    for (const auto& m : *minutes) {
        if (!m.minutes_public) continue;
        meetings.push_back({{"held_on", m.held_on.ToString()},
                            {"href", "/groups/" + std::to_string(g.id) + "/minutes/" + std::to_string(m.id)}});
    }
    nlohmann::json measures = nlohmann::json::array();
    if (standing->MayRead()) {  // measures are the group's working data, not published
        auto list = store::MeasuresRepository(ctx.db()).ListByGroup(g.id);
        if (!list.ok()) return ctx.Error(503, list.status());
        for (const auto& m : *list) {
            measures.push_back(
                {{"href", "/groups/" + std::to_string(g.id) + "/measures/" + std::to_string(m.id)}, {"name", m.name}});
        }
    }
    nlohmann::json said = PublicImpacts(*impacts);
    nlohmann::json data = {{"id", g.id},
                           {"name", g.name},
                           {"area", AreaLabel(g)},
                           {"area_name", g.area_name},
                           {"meetings", meetings},
                           {"has_meetings", !meetings.empty()},
                           {"impacts", said},
                           {"has_impacts", !said.empty()},
                           {"measures", measures},
                           {"has_measures", !measures.empty()},
                           {"may_read", standing->MayRead()},
                           {"may_record", standing->MayRecord()},
                           {"may_manage", standing->MayManage()}};
    if (g.meeting_interval_weeks) data["meeting_interval_weeks"] = *g.meeting_interval_weeks;
    // The group's own contact routes for joining (not a member's); absent ones are left out.
    if (!text::Trim(g.contact_postal_address).empty()) data["contact_postal_address"] = g.contact_postal_address;
    if (!text::Trim(g.contact_phone).empty()) {
        data["contact_phone"] = g.contact_phone;
        data["contact_phone_href"] = text::TelUri(g.contact_phone);
    }
    if (!text::Trim(g.contact_email).empty()) data["contact_email"] = g.contact_email;
    data["has_contact"] =
        data.contains("contact_postal_address") || data.contains("contact_phone") || data.contains("contact_email");
    if (g.year_founded) data["year_founded"] = *g.year_founded;
    data["breadcrumbs"] = {{{"href", "/partnership"}, {"label", "Partnership and improvement"}}};
    ctx.Page(g.name, "partnership_group", data);
}

}  // namespace

void RegisterPartnershipRoutes(Router& router, std::shared_ptr<experience_pages::ExperienceCache> experience_cache) {
    router.Add("GET", "/partnership", Access::Public(), RouteKind::kPage, ShowLanding);
    router.Add("GET", "/groups/:id", Access::Public(), RouteKind::kPage, ShowGroup);
    partnership_pages::RegisterMemberRoutes(router);
    partnership_pages::RegisterMemberEditRoutes(router);
    partnership_pages::RegisterImpactRoutes(router);
    partnership_pages::RegisterMeasureRoutes(router);
    partnership_pages::RegisterGroupManageRoutes(router);
    partnership_pages::RegisterMeetingRoutes(router);
    partnership_pages::RegisterProgrammeRoutes(router, std::move(experience_cache));
    partnership_pages::RegisterImpactViewRoutes(router);
    partnership_pages::RegisterAuditRoutes(router);
    partnership_pages::RegisterBuddyPlanRoutes(router);
}

}  // namespace carevoice::web
