// Shared pieces of the partnership pages (pages_partnership*.cpp): loading a group named in the path
// and deciding what the signed-in user may do in it. Route Access says who may reach a page at all;
// these finer checks, per group, come from group_staff (store::GroupsRepository).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/status.hpp"
#include "partnership/group.hpp"
#include "web/forms/date_input.hpp"
#include "web/forms/fields.hpp"
#include "web/http/context.hpp"

namespace carevoice::web::experience_pages {
class ExperienceCache;  // web/experience/model.hpp
}

namespace carevoice::web::partnership_pages {

// The form helpers every domain's pages share (web/forms).
using forms::AddErrors;
using forms::AddProblem;
using forms::DateFieldData;
using forms::DateFieldId;
using forms::DateInput;
using forms::DateInputOf;
using forms::HasProblem;
using forms::Options;
using forms::ParamIds;
using forms::ParseDateInput;
using forms::ParseWholeNumber;
using forms::ReadDateInput;
using forms::SetText;

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

// The first step of every group page: load the group of the path's :id and the user's standing in it,
// then go on (the standing) or refuse (the request is answered: 404 for an unknown group, 503 when the
// database cannot be read, 403 naming `who_may` unless `allowed` holds, and nothing is returned).
using StandingRule = std::function<bool(const GroupStanding&)>;
std::optional<GroupStanding> BeginGroupRequest(RequestContext& ctx, const StandingRule& allowed,
                                               const std::string& who_may);
// The same for pages anyone may see (the public group page and minutes): only an unknown group refuses.
std::optional<GroupStanding> BeginGroupRequest(RequestContext& ctx);

// The address of a group's pages, "/groups/<id>", that each page adds its own part to.
std::string GroupBase(std::int64_t id);
inline std::string GroupBase(const partnership::Group& g) { return GroupBase(g.id); }

// Breadcrumbs leading to the group's public page.
nlohmann::json GroupBreadcrumbs(const partnership::Group& group);

// Registration of each part; called from RegisterPartnershipRoutes.
void RegisterMemberRoutes(Router& router);
void RegisterMemberEditRoutes(Router& router);  // pages_partnership_member_edit.cpp
void RegisterImpactRoutes(Router& router);
void RegisterMeasureRoutes(Router& router);
void RegisterMeasureFormRoutes(Router& router);  // programme/measure_new.cpp
void RegisterGroupManageRoutes(Router& router);  // pages_partnership_manage.cpp
void RegisterMeetingRoutes(Router& router);      // pages_partnership_meetings.cpp
// pages_partnership_programme*.cpp and the pages it links to; the cache is the experience pages'.
void RegisterProgrammeRoutes(Router& router, std::shared_ptr<experience_pages::ExperienceCache> cache);
void RegisterImpactViewRoutes(Router& router);  // pages_partnership_impact_views.cpp
void RegisterAuditRoutes(Router& router);       // pages_partnership_audits.cpp
void RegisterBuddyPlanRoutes(Router& router);   // pages_partnership_buddy_plans.cpp

}  // namespace carevoice::web::partnership_pages
