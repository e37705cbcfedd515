// The home page, the three areas' landing pages, and the about and privacy pages.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "partnership/group.hpp"
#include "partnership/publication.hpp"
#include "store/groups_repository.hpp"
#include "web/experience/model.hpp"
#include "web/http/app.hpp"

namespace carevoice::web {
namespace {

struct Area {
    const char* href;
    const char* title;
    const char* description;
};

const std::vector<Area>& Areas() {
    static const std::vector<Area> kAreas = {
        {"/experience", "Experience",
         "Survey results and feedback turned into fair comparisons: expected ranges, funnel plots, equity gaps and "
         "buddy matching."},
        {"/partnership", "Partnership and improvement",
         "Partnership groups of patients, carers and professionals working as equals, their work programme, "
         "improvement measures and impact."},
        {"/pathway", "Pathway",
         "One coordinated journey per patient across providers: a named key worker, a shared summary and nobody "
         "lost."},
    };
    return kAreas;
}

// "2015, 2016 and 2017".
std::string ListOfYears(const std::vector<int>& years) {
    std::string out;
    for (std::size_t i = 0; i < years.size(); ++i) {
        if (i > 0) out += i + 1 == years.size() ? " and " : ", ";
        out += std::to_string(years[i]);
    }
    return out;
}

// What the home page says of the published survey years loaded (newest first in the snapshot): which
// have adjusted ratings and which only the published scores and trends; nothing when none are loaded.
std::string SurveyYearsText(const experience_pages::Snapshot& snapshot) {
    std::vector<int> rated(snapshot.years.rbegin(), snapshot.years.rend()), trend_only;
    for (auto it = snapshot.trend_years.rbegin(); it != snapshot.trend_years.rend(); ++it) {
        if (std::find(rated.begin(), rated.end(), *it) == rated.end()) trend_only.push_back(*it);
    }
    if (rated.empty() && trend_only.empty()) return "";
    std::string text = "National Cancer Patient Experience Survey results loaded: ";
    if (!rated.empty()) text += ListOfYears(rated) + " with case-mix adjusted ratings";
    if (!rated.empty() && !trend_only.empty()) text += "; ";
    if (!trend_only.empty()) text += ListOfYears(trend_only) + " with the published scores and trends only";
    return text + ".";
}

// The partnership groups the signed-in user belongs to, each with its workspace (the group's tools, one
// tap from here); empty for a visitor or someone in no group.
nlohmann::json YourGroups(RequestContext& ctx) {
    nlohmann::json list = nlohmann::json::array();
    if (!ctx.user) return list;
    store::GroupsRepository groups(ctx.db());
    auto staff = groups.GroupsOfUser(ctx.user->id);
    if (!staff.ok()) return list;  // the rest of the home page still helps
    for (const auto& s : *staff) {
        auto g = groups.Find(s.group_id);
        if (!g.ok()) continue;
        list.push_back({{"name", g->name},
                        {"role", text::ToLower(LabelOf(partnership::kGroupRoles, s.role))},
                        {"href", "/groups/" + std::to_string(g->id) + "/overview"}});
    }
    return list;
}

}  // namespace

void RegisterHomeRoutes(Router& router, std::shared_ptr<experience_pages::ExperienceCache> cache) {
    router.Add("GET", "/", Access::Public(), RouteKind::kPage, [cache](RequestContext& ctx) {
        nlohmann::json areas = nlohmann::json::array();
        for (const auto& a : Areas()) {
            areas.push_back({{"href", a.href}, {"title", a.title}, {"description", a.description}});
        }
        nlohmann::json data = {{"areas", areas}};
        data["your_groups"] = YourGroups(ctx);
        data["has_your_groups"] = !data["your_groups"].empty();
        data["your_groups_heading"] =
            data["your_groups"].size() == 1 ? "Your partnership group" : "Your partnership groups";
        // The years come from the experience pages' cache: one small query a request, the years read once per import.
        if (auto snapshot = cache->Current(ctx.db()); snapshot.ok()) {
            if (auto years = SurveyYearsText(**snapshot); !years.empty()) data["survey_years"] = years;
        }
        ctx.Page("Home", "home", data);
    });
    // /experience is the national benchmarking landing page (web/experience/pages.cpp).
    // /partnership is the partnership landing page (pages_partnership.cpp).
    // /pathway is the pathway home (web/pathway/home.cpp): patient-identifiable, coordinators and admins only.
    router.Add("GET", "/about", Access::Public(), RouteKind::kPage, [](RequestContext& ctx) {
        ctx.Page(
            "About carevoice", "message",
            {{"heading", "About carevoice"},
             {"paragraphs",
              {"carevoice is built for NHS cancer services: cancer alliances, hospital trusts, patient partnership "
               "groups and care coordinators.",
               "It turns what people affected by cancer say into fair comparisons, supports partnership groups to "
               "act on it and show what changed, and keeps each patient's journey coordinated across providers."}}});
    });
    router.Add("GET", "/privacy", Access::Public(), RouteKind::kPage, [](RequestContext& ctx) {
        const std::string threshold = std::to_string(ctx.app.config().pathway_small_count_threshold);
        ctx.Page(
            "Privacy", "message",
            {{"heading", "Privacy"},
             {"paragraphs",
              {"carevoice sets only the cookies it needs to work: one that keeps you signed in and one that "
               "protects forms from forgery. It sets no tracking or analytics cookies.",
               "Survey figures from fewer than 21 people are never shown, so that nobody can be identified.",
               partnership::kDiversityDisclosureRule,
               "Pathway measures show any count of fewer than " + threshold + " patients as \"fewer than " + threshold +
                   "\". Every read of a patient's record and every change of personal data is "
                   "recorded in an audit log."}}});
    });
}

}  // namespace carevoice::web
