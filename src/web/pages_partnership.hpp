// Shared pieces of the partnership pages (pages_partnership*.cpp): loading a group named in the path
// and deciding what the signed-in user may do in it. Route Access says who may reach a page at all;
// these finer checks, per group, come from group_staff (store::GroupsRepository).
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/status.hpp"
#include "partnership/group.hpp"
#include "web/context.hpp"

namespace carevoice::web::experience_pages {
class ExperienceCache;  // pages_experience_model.hpp
}

namespace carevoice::web::partnership_pages {

// The user's standing in one group.
struct GroupStanding {
    partnership::Group group;
    std::optional<partnership::GroupRole> role;  // none: not on the group's staff list
    bool is_admin = false;
    bool is_analyst = false;

    // Facilitators and chairs of the group, and admins: change records, see members' details.
    bool MayManage() const { return is_admin || (role && partnership::ManagesGroup(*role)); }
    // Anyone on the group's staff list, and admins: record impacts.
    bool MayRecord() const { return is_admin || role.has_value(); }
    // Group members and analysts (who read across groups), and admins: internal pages.
    bool MayRead() const { return MayRecord() || is_analyst; }
};

// Loads the group of the path's :id with the user's role in it; NotFound for an unknown group.
Result<GroupStanding> LoadStanding(RequestContext& ctx);

// Answers 403 with a message naming what is needed, and returns false, unless `allowed`.
bool Require(RequestContext& ctx, bool allowed, const std::string& who_may);

// Breadcrumbs leading to the group's public page.
nlohmann::json GroupBreadcrumbs(const partnership::Group& group);

// Registration of each part; called from RegisterPartnershipRoutes.
void RegisterMemberRoutes(Router& router);
void RegisterMemberEditRoutes(Router& router);  // pages_partnership_member_edit.cpp
void RegisterImpactRoutes(Router& router);
void RegisterMeasureRoutes(Router& router);
void RegisterGroupManageRoutes(Router& router);  // pages_partnership_manage.cpp
void RegisterMeetingRoutes(Router& router);      // pages_partnership_meetings.cpp
// pages_partnership_programme*.cpp and the pages it links to; the cache is the experience pages'.
void RegisterProgrammeRoutes(Router& router, std::shared_ptr<experience_pages::ExperienceCache> cache);
void RegisterImpactViewRoutes(Router& router);  // pages_partnership_impact_views.cpp
void RegisterAuditRoutes(Router& router);       // pages_partnership_audits.cpp
void RegisterBuddyPlanRoutes(Router& router);   // pages_partnership_buddy_plans.cpp

// Radio or select options from a names.hpp table ({name, label}), with `selected` marked.
template <typename Table>
nlohmann::json Options(const Table& table, const std::string& selected) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : table) {
        list.push_back(
            {{"value", std::string(e.name)}, {"label", std::string(e.label)}, {"selected", e.name == selected}});
    }
    return list;
}

}  // namespace carevoice::web::partnership_pages
