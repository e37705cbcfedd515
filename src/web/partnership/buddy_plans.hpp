// What the buddy improvement plan pages share (buddy_plans.cpp: the list and the routes; buddy_plan_new.cpp:
// starting a plan; buddy_plan_view.cpp: one plan, its evaluation and its actions): who may do what, the
// addresses, and the names of organisations.
#pragma once

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "partnership/group.hpp"
#include "store/groups_repository.hpp"
#include "web/partnership/pages.hpp"

namespace carevoice::web::partnership_pages {

inline constexpr const char* kWhoChangesBuddyPlans =
    "analysts, administrators and the facilitators and chairs of partnership groups that work with the mentor or the "
    "mentee";

// Mustache treats every string, even "", as true in {{#section}}: empty text goes in as null.
nlohmann::json NullIfEmpty(const std::string& text);
std::string PlanHref(std::int64_t id);  // /buddy-plans/<id>
nlohmann::json Breadcrumbs();           // to buddy matching and the list of plans

struct BuddyStanding {
    bool is_admin = false;
    bool is_analyst = false;
    std::vector<store::GroupStaff> groups;  // the user's groups and roles in them

    bool SeesEverything() const { return is_admin || is_analyst; }
    bool ManagesAnyGroup() const {
        return std::any_of(groups.begin(), groups.end(),
                           [](const store::GroupStaff& s) { return partnership::ManagesGroup(s.role); });
    }
};

Result<BuddyStanding> LoadBuddyStanding(RequestContext& ctx);

struct PlanRights {
    bool read = false;
    bool change = false;
};

// What the user may do with the plans of the pair (mentor, mentee).
Result<PlanRights> RightsFor(RequestContext& ctx, const BuddyStanding& s, const std::string& mentor,
                             const std::string& mentee);

// The organisations the user's groups work with (for the user's own guidance on the pages).
Result<std::vector<std::string>> OrganisationsOfMyGroups(RequestContext& ctx, const BuddyStanding& s,
                                                         bool managed_only);
std::string OrganisationName(RequestContext& ctx, const std::string& code);
std::string Joined(const std::vector<std::string>& items, const std::string& sep = ", ");

void RegisterBuddyPlanStartRoutes(Router& router);  // buddy_plan_new.cpp
void RegisterBuddyPlanViewRoutes(Router& router);   // buddy_plan_view.cpp

}  // namespace carevoice::web::partnership_pages
