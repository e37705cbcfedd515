// The home page, the three areas' landing pages, and the about and privacy pages.
#include <nlohmann/json.hpp>

#include "web/http/app.hpp"

namespace carevoice::web {
namespace {

struct Area {
    const char* href;
    const char* title;
    const char* description;
    const char* lede;
    const char* empty_state;
    std::vector<const char*> coming;
};

const std::vector<Area>& Areas() {
    static const std::vector<Area> kAreas = {
        {"/experience",
         "Experience",
         "Survey results and feedback turned into fair comparisons: expected ranges, funnel plots, equity gaps and "
         "buddy matching.",
         "What patients and carers say about their care, compared fairly between organisations.",
         "No survey results have been imported yet. An analyst or administrator can import the National Cancer "
         "Patient Experience Survey results; they will then appear here.",
         {"Case-mix adjusted scores for each trust, CCG and cancer alliance, with their expected range",
          "Funnel plots for every question", "Organisation profiles with change since last year",
          "Buddy matching of strong with weaker organisations"}},
        {"/partnership",
         "Partnership and improvement",
         "Partnership groups of patients, carers and professionals working as equals, their work programme, "
         "improvement measures and impact.",
         "Patients, carers and professionals working as equals to improve cancer services, and showing what changed.",
         "No partnership groups have been set up yet. A facilitator will be able to add a group, its members and its "
         "meetings here.",
         {"Partnership groups, members and meetings", "The yearly work programme built from patients' evidence",
          "Improvement measures with statistical process control charts",
          "The impact log and a public \"you said, "
          "we did\""}},
        {"/pathway",
         "Pathway",
         "One coordinated journey per patient across providers: a named key worker, a shared summary and nobody lost.",
         "One coordinated journey for each person, across every provider.",
         "No pathways are recorded yet. Key workers and care coordinators will find their patients' pathways here.",
         {"A named key worker and a crisis contact for every patient", "A shared summary, told once",
          "Preferences, including where to be cared for and to die", "Cancer waiting-time clocks and a tracking list"}},
    };
    return kAreas;
}

}  // namespace

void RegisterHomeRoutes(Router& router) {
    router.Add("GET", "/", Access::Public(), RouteKind::kPage, [](RequestContext& ctx) {
        nlohmann::json areas = nlohmann::json::array();
        for (const auto& a : Areas()) {
            areas.push_back({{"href", a.href}, {"title", a.title}, {"description", a.description}});
        }
        ctx.Page("Home", "home", {{"areas", areas}});
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
        ctx.Page("Privacy", "message",
                 {{"heading", "Privacy"},
                  {"paragraphs",
                   {"carevoice sets only the cookies it needs to work: one that keeps you signed in and one that "
                    "protects forms from forgery. It sets no tracking or analytics cookies.",
                    "Figures from fewer than 21 people are never shown, so that nobody can be identified. Every read "
                    "of a patient's record and every change of personal data is recorded in an audit log."}}});
    });
}

}  // namespace carevoice::web
