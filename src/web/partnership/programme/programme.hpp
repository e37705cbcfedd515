// What the work programme, diversity and annual report pages share (programme*.cpp, ballot.cpp,
// work_items.cpp, measure_new.cpp, measure_values.cpp, model.cpp, report*.cpp, ../diversity.cpp): the
// work programme page's data and forms, the programme year of a request, NHS.UK date inputs, error summaries,
// the survey evidence computed from the published results (issue 3), and the diversity view with its
// disclosure control.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/civil_date.hpp"
#include "core/status.hpp"
#include "improvement/measure.hpp"
#include "partnership/annual_review.hpp"
#include "partnership/diversity.hpp"
#include "partnership/person.hpp"
#include "partnership/voting.hpp"
#include "partnership/work_programme.hpp"
#include "web/http/context.hpp"
#include "web/partnership/pages.hpp"

namespace carevoice::web::experience_pages {
class ExperienceCache;
}

namespace carevoice::web::partnership_pages {

inline constexpr const char* kWhoManagesProgramme = "the group's facilitators and chairs, and administrators,";
inline constexpr const char* kWhoReadsProgramme = "members of the group, analysts and administrators";

// The group of the path and the programme year (?year=, this year by default), when the standing's
// `allowed` check passes; otherwise the error page (404, 403 naming `who_may`, or 422) has been sent.
std::optional<std::pair<GroupStanding, int>> BeginProgrammeRequest(RequestContext& ctx,
                                                                   bool (GroupStanding::*allowed)() const,
                                                                   const char* who_may);

// The programme year of the request: ?year= (or the form's programme_year), this year when absent.
// InvalidArgument naming "year" when it is not a year carevoice plans for.
Result<int> ProgrammeYear(const RequestContext& ctx);
std::string GroupPathOf(std::int64_t group_id, const std::string& rest = "");
std::string ProgrammePath(std::int64_t group_id, int year, const std::string& anchor = "");

// The work programme page (programme.cpp, programme_page.cpp, programme_forms.cpp).
// What a rejected form on the programme page had typed, and what was wrong with it.
struct FormState {
    std::map<std::string, std::string> values;
    std::set<std::int64_t> evidence_ids;  // the priority form's ticked evidence
    std::vector<FieldProblem> problems;
};

// Everything the page shows for one group and year, read in one go.
struct ProgrammeData {
    std::vector<partnership::Person> people;
    std::vector<partnership::EvidenceItem> evidence;
    std::vector<partnership::CandidatePriority> priorities;
    std::vector<partnership::Ballot> ballots;
    std::vector<partnership::WorkItem> items;
    std::vector<improvement::Measure> measures;
    std::optional<partnership::AnnualReview> review;
    std::vector<partnership::CandidatePriority> next_year;
};
Result<ProgrammeData> LoadProgramme(store::Connection& conn, std::int64_t group_id, int year);
// BeginProgrammeRequest for those who manage the programme (`manage`), or else for those who read it.
std::optional<std::pair<GroupStanding, int>> BeginProgrammePage(RequestContext& ctx, bool manage);
// The programme page of `year`, with `form` as typed when one of its forms was rejected (`status` 422).
void RenderProgramme(RequestContext& ctx, experience_pages::ExperienceCache& cache, const GroupStanding& standing,
                     int year, const FormState& form, int status);
// The page's forms (programme_forms.cpp).
void AddEvidence(RequestContext& ctx, experience_pages::ExperienceCache& cache);
void AddPriority(RequestContext& ctx, experience_pages::ExperienceCache& cache);
void SaveReview(RequestContext& ctx, experience_pages::ExperienceCache& cache);
void SeedNextYear(RequestContext& ctx);
void SetSurveyOrganisation(RequestContext& ctx, experience_pages::ExperienceCache& cache);

// Survey items of the group's organisation that the programme year's evidence can rest on: rated below
// the expected range, or significantly worse than the year before, in the newest published survey year
// up to the programme year. Figures from fewer respondents than the suppression threshold are never
// rated or shown (experience_pages::BuildProfile applies it).
struct SurveyFinding {
    partnership::EvidenceKind kind = partnership::EvidenceKind::kSurveyBelowExpected;
    std::string question;
    std::string title;  // "Q17: Were you given the name of a CNS..."
    std::string summary;
    std::string detail;  // the figures, e.g. "82%; expected 87.7% to 95.0%"
    std::string question_href, profile_href;
};
struct SurveyEvidence {
    std::string org_code, org_name;
    bool org_chosen = false;  // chosen by the group, rather than taken from its recorded evidence
    int survey_year = 0;
    std::string problem;  // why there are no findings, when there are none to show
    std::vector<SurveyFinding> findings;
};
// The group's survey organisation: the one it chose (programme settings), else the one its recorded
// survey evidence of this year or last points at; "" when neither.
Result<std::pair<std::string, bool>> SurveyOrganisationOf(store::Connection& conn, std::int64_t group_id,
                                                          int programme_year);
SurveyEvidence FindSurveyEvidence(RequestContext& ctx, experience_pages::ExperienceCache& cache, std::int64_t group_id,
                                  int programme_year);

// The diversity view as page data. `exact`: the figures as they are, for those who hold the members'
// records. Otherwise the one disclosure rule of partnership/publication.hpp (kDiversityDisclosureRule): a count
// of people derived from diversity answers, tumour experience or treatment stage below 5 (none included)
// reads "Fewer than 5" with its share withheld, the totals of a dimension with a withheld count are withheld
// too (so that it cannot be worked out), the seldom-heard flags (which say a count is zero) are not shown,
// and lapsed members are counted, not named.
nlohmann::json DiversityJson(const partnership::DiversityView& view, bool exact);
std::string Percent(double share);  // 0.097 -> "9.7%"

// Route registration of each part; RegisterProgrammeRoutes (pages_partnership.hpp) calls them.
void RegisterProgrammePageRoutes(Router& router, std::shared_ptr<experience_pages::ExperienceCache> cache);
void RegisterBallotRoutes(Router& router);
void RegisterWorkItemRoutes(Router& router);
void RegisterMeasureValueRoutes(Router& router);
void RegisterDiversityRoutes(Router& router);
void RegisterReportRoutes(Router& router);

}  // namespace carevoice::web::partnership_pages
