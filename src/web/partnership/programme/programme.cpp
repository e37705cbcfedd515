// A group's yearly work programme (the report's Figure 4) on one page per year: (a) the evidence of
// patients' priorities and experience — survey items of the group's organisation rated below expected or
// significantly worse, computed from the published results, and the evidence the group recorded; (b) the
// candidate priorities and the members' vote, lay and professional points side by side; (c) the work
// items; (d) the measures that follow them; (e) the annual review, whose findings seed next year.
// Members vote and see; facilitators, chairs and admins manage; analysts read.
// This file reads the programme of a year, shows its page and its tally as CSV, and registers the routes;
// programme_page.cpp turns the programme into page data, programme_forms.cpp takes its forms.
#include "web/partnership/programme/programme.hpp"

#include <nlohmann/json.hpp>

#include "core/csv.hpp"
#include "partnership/voting.hpp"
#include "store/measures_repository.hpp"
#include "store/people_repository.hpp"
#include "store/priorities_repository.hpp"
#include "store/work_items_repository.hpp"
#include "web/experience/model.hpp"
#include "web/http/app.hpp"

namespace carevoice::web::partnership_pages {

Result<ProgrammeData> LoadProgramme(store::Connection& conn, std::int64_t group_id, int year) {
    ProgrammeData d;
    store::PrioritiesRepository priorities(conn);
    store::WorkItemsRepository items(conn);
    CV_ASSIGN_OR_RETURN(d.people, store::PeopleRepository(conn).ListByGroup(group_id));
    CV_ASSIGN_OR_RETURN(d.evidence, priorities.ListEvidence(group_id, year));
    CV_ASSIGN_OR_RETURN(d.priorities, priorities.ListPriorities(group_id, year));
    CV_ASSIGN_OR_RETURN(d.ballots, priorities.ListBallots(group_id, year));
    CV_ASSIGN_OR_RETURN(d.items, items.ListByGroup(group_id, year));
    CV_ASSIGN_OR_RETURN(d.measures, store::MeasuresRepository(conn).ListByGroup(group_id));
    CV_ASSIGN_OR_RETURN(d.review, items.FindReview(group_id, year));
    CV_ASSIGN_OR_RETURN(d.next_year, priorities.ListPriorities(group_id, year + 1));
    return d;
}

std::optional<std::pair<GroupStanding, int>> BeginProgrammePage(RequestContext& ctx, bool manage) {
    return BeginProgrammeRequest(ctx, manage ? &GroupStanding::MayManage : &GroupStanding::MayRead,
                                 manage ? kWhoManagesProgramme : kWhoReadsProgramme);
}

namespace {

// A year in the address that is not one carevoice plans for is not a dead end: the page shows this year
// and says what was wrong.
void ShowProgramme(RequestContext& ctx, experience_pages::ExperienceCache& cache) {
    auto standing = BeginGroupRequest(ctx, &GroupStanding::MayRead, kWhoReadsProgramme);
    if (!standing) return;
    FormState form;
    auto year = ProgrammeYear(ctx);
    if (!year.ok()) {
        const auto& d = year.status().details();
        form.problems.push_back(
            {"", "The address's year was not used: " + (d.empty() ? year.status().message() : d.front().problem) +
                     ". The page shows this year's programme instead."});
    }
    RenderProgramme(ctx, cache, *standing, year.ok() ? *year : ctx.app.clock().Today().year(), form, 200);
}

void TallyCsv(RequestContext& ctx) {
    auto begun = BeginProgrammePage(ctx, false);
    if (!begun) return;
    const auto& [standing, year] = *begun;
    auto loaded = LoadProgramme(ctx.db(), standing.group.id, year);
    if (!loaded.ok()) return ctx.Error(503, loaded.status());
    auto tally = partnership::TallyVotes(loaded->priorities, loaded->ballots, loaded->people,
                                         partnership::VotingMethod::kRanked);
    if (!tally.ok()) return ctx.Error(422, tally.status());
    std::string out = csv::Row({"overall_rank", "priority", "total_points", "lay_points", "lay_rank",
                                "professional_points", "professional_rank", "voluntary_sector_points"});
    for (const auto& t : tally->priorities) {
        out +=
            csv::Row({std::to_string(t.overall_rank), t.title, std::to_string(t.total_points),
                      std::to_string(t.lay_points), std::to_string(t.lay_rank), std::to_string(t.professional_points),
                      std::to_string(t.professional_rank), std::to_string(t.voluntary_sector_points)});
    }
    ctx.Csv("carevoice-priorities-" + std::to_string(standing.group.id) + "-" + std::to_string(year) + ".csv", out);
}

}  // namespace

void RegisterProgrammePageRoutes(Router& router, std::shared_ptr<experience_pages::ExperienceCache> cache) {
    router.Add("GET", "/groups/:id/programme", Access::SignedIn(), RouteKind::kPage,
               [cache](RequestContext& ctx) { ShowProgramme(ctx, *cache); });
    router.Add("POST", "/groups/:id/programme/evidence", Access::SignedIn(), RouteKind::kPage,
               [cache](RequestContext& ctx) { AddEvidence(ctx, *cache); });
    router.Add("POST", "/groups/:id/programme/priorities", Access::SignedIn(), RouteKind::kPage,
               [cache](RequestContext& ctx) { AddPriority(ctx, *cache); });
    router.Add("POST", "/groups/:id/programme/review", Access::SignedIn(), RouteKind::kPage,
               [cache](RequestContext& ctx) { SaveReview(ctx, *cache); });
    router.Add("POST", "/groups/:id/programme/seed", Access::SignedIn(), RouteKind::kPage, SeedNextYear);
    router.Add("POST", "/groups/:id/programme/survey-organisation", Access::SignedIn(), RouteKind::kPage,
               [cache](RequestContext& ctx) { SetSurveyOrganisation(ctx, *cache); });
    router.Add("GET", "/groups/:id/programme/tally.csv", Access::SignedIn(), RouteKind::kPage, TallyCsv);
}

std::optional<std::pair<GroupStanding, int>> BeginProgrammeRequest(RequestContext& ctx,
                                                                   bool (GroupStanding::*allowed)() const,
                                                                   const char* who_may) {
    auto standing = BeginGroupRequest(ctx, allowed, who_may);
    if (!standing) return std::nullopt;
    auto year = ProgrammeYear(ctx);
    if (!year.ok()) {
        ctx.Error(422, year.status());
        return std::nullopt;
    }
    return std::pair<GroupStanding, int>(std::move(*standing), *year);
}

void RegisterProgrammeRoutes(Router& router, std::shared_ptr<experience_pages::ExperienceCache> cache) {
    // The programme page's survey evidence is rated from the published results through the experience
    // pages' cache, refreshed on every import.
    RegisterProgrammePageRoutes(router, std::move(cache));
    RegisterBallotRoutes(router);
    RegisterWorkItemRoutes(router);
    RegisterMeasureValueRoutes(router);
    RegisterDiversityRoutes(router);
    RegisterReportRoutes(router);
}

}  // namespace carevoice::web::partnership_pages
