// Buddy improvement plans (issue 4, item 9): a mentee trust and the mentor it was paired with by the
// buddy matching of a survey year (issue 3, /experience/buddy) agree a plan for a fixed window — the
// national scheme ran February to July — aimed at some survey items, with actions; the evaluation
// compares the mentee's published results on those items before and after, with the two-proportion
// test of the experience module. Figures from fewer respondents than the suppression threshold are
// never shown.
//
// Who may use them: analysts and admins (every plan), and the staff of the partnership groups attached
// to the mentor or the mentee (store/group_organisations.hpp: groups whose survey organisation it is,
// or whose audits, measures or evidence name it). Analysts, admins and the facilitators and chairs of those groups
// start plans and change them; members of those groups read them.
#include "web/partnership/buddy_plans.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "store/buddy_plan_repository.hpp"
#include "store/group_organisations.hpp"
#include "store/groups_repository.hpp"
#include "store/organisations_repository.hpp"
#include "web/http/app.hpp"
#include "web/partnership/pages.hpp"

namespace carevoice::web::partnership_pages {

nlohmann::json NullIfEmpty(const std::string& text) {
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

std::string PlanHref(std::int64_t id) { return "/buddy-plans/" + std::to_string(id); }

nlohmann::json Breadcrumbs() {
    return {{{"href", "/experience/buddy"}, {"label", "Buddy matching"}},
            {{"href", "/buddy-plans"}, {"label", "Buddy improvement plans"}}};
}

Result<BuddyStanding> LoadBuddyStanding(RequestContext& ctx) {
    BuddyStanding s;
    s.is_admin = ctx.user->role == Role::kAdmin;
    s.is_analyst = ctx.user->role == Role::kAnalyst;
    CV_ASSIGN_OR_RETURN(s.groups, store::GroupsRepository(ctx.db()).GroupsOfUser(ctx.user->id));
    return s;
}

// What the user may do with the plans of the pair (mentor, mentee).
Result<PlanRights> RightsFor(RequestContext& ctx, const BuddyStanding& s, const std::string& mentor,
                             const std::string& mentee) {
    if (s.SeesEverything()) return PlanRights{true, true};
    CV_ASSIGN_OR_RETURN(auto attached, store::GroupsAttachedToOrganisations(ctx.db(), {mentor, mentee}));
    PlanRights rights;
    for (const auto& g : s.groups) {
        if (std::find(attached.begin(), attached.end(), g.group_id) == attached.end()) continue;
        rights.read = true;
        if (partnership::ManagesGroup(g.role)) rights.change = true;
    }
    return rights;
}

// The organisations the user's groups work with (for the user's own guidance on the pages).
Result<std::vector<std::string>> OrganisationsOfMyGroups(RequestContext& ctx, const BuddyStanding& s,
                                                         bool managed_only) {
    std::set<std::string> codes;
    for (const auto& g : s.groups) {
        if (managed_only && !partnership::ManagesGroup(g.role)) continue;
        CV_ASSIGN_OR_RETURN(auto mine, store::OrganisationsOfGroup(ctx.db(), g.group_id));
        codes.insert(mine.begin(), mine.end());
    }
    return std::vector<std::string>(codes.begin(), codes.end());
}

std::string OrganisationName(RequestContext& ctx, const std::string& code) {
    auto org = store::OrganisationsRepository(ctx.db()).FindByCode(code);
    return org.ok() ? org->name : code;
}

std::string Joined(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
    return out;
}

namespace {

void ListPlans(RequestContext& ctx) {
    auto standing = LoadBuddyStanding(ctx);
    if (!standing.ok()) return ctx.Error(503, standing.status());
    auto plans = store::BuddyPlanRepository(ctx.db()).List();
    if (!plans.ok()) return ctx.Error(503, plans.status());
    nlohmann::json list = nlohmann::json::array();
    for (const auto& p : *plans) {
        auto rights = RightsFor(ctx, *standing, p.mentor_code, p.mentee_code);
        if (!rights.ok()) return ctx.Error(503, rights.status());
        if (!rights->read) continue;
        int open = 0;
        for (const auto& a : p.actions) open += a.status == partnership::ActionStatus::kOpen ? 1 : 0;
        list.push_back({{"href", PlanHref(p.id)},
                        {"mentee", OrganisationName(ctx, p.mentee_code)},
                        {"mentee_code", p.mentee_code},
                        {"mentor", OrganisationName(ctx, p.mentor_code)},
                        {"mentor_code", p.mentor_code},
                        {"pair_year", p.pair_year},
                        {"window", p.starts_on.ToString() + " to " + p.ends_on.ToString()},
                        {"questions", Joined(p.questions)},
                        {"open_actions", open},
                        {"actions", p.actions.size()}});
    }
    auto mine = OrganisationsOfMyGroups(ctx, *standing, false);
    if (!mine.ok()) return ctx.Error(503, mine.status());
    nlohmann::json data = {{"plans", list},
                           {"has_plans", !list.empty()},
                           {"sees_everything", standing->SeesEverything()},
                           {"my_organisations", NullIfEmpty(Joined(*mine))},
                           {"may_start", standing->SeesEverything() || standing->ManagesAnyGroup()},
                           {"breadcrumbs", nlohmann::json::array({Breadcrumbs()[0]})}};
    ctx.Page("Buddy improvement plans", "partnership_buddy_plans", data);
}

}  // namespace

void RegisterBuddyPlanRoutes(Router& router) {
    router.Add("GET", "/buddy-plans", Access::SignedIn(), RouteKind::kPage, ListPlans);
    RegisterBuddyPlanStartRoutes(router);
    RegisterBuddyPlanViewRoutes(router);
}

}  // namespace carevoice::web::partnership_pages
