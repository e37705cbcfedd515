// What the national benchmarking pages and the JSON API share: the ratings of a year kept in memory
// until the next import, the reading of query parameters (year, level, question, parameter choice),
// and the assembled data of an organisation's profile, funnel plot and buddy plan. Suppression is
// applied here, once, so that no page, download or API response can show a figure from fewer
// respondents than ServerConfig::suppression_threshold.
// ExperienceCache is thread-safe; everything it hands out is immutable.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/year_ratings.hpp"
#include "experience/buddy.hpp"
#include "experience/change_significance.hpp"
#include "experience/cpes_results_file.hpp"
#include "experience/funnel.hpp"
#include "store/organisations_repository.hpp"
#include "web/http/context.hpp"
#include "web/render/xlsx.hpp"

namespace carevoice::web::experience_pages {

// One year and level rated with one parameter choice, with indexes for the pages.
struct RatedYear {
    std::shared_ptr<const app::LoadedRatings> loaded;
    std::unordered_map<std::string, std::vector<std::size_t>> by_org;  // code -> indexes into results
    std::map<std::string, std::vector<std::size_t>> by_question;       // question -> indexes
    std::map<std::string, std::string> alliance_names;                 // alliance code -> name
    const experience::RatedResult& result(std::size_t i) const { return loaded->ratings.results[i]; }
};

// Rendered page bodies (the part inside the layout, which holds nothing about the viewer), so that a
// page is rendered once per import rather than once per request. Bounded: the oldest go first.
class PageCache {
  public:
    struct Page {
        std::string title;
        std::string body;
        nlohmann::json breadcrumbs;
    };
    std::shared_ptr<const Page> Get(const std::string& key) const;
    void Put(const std::string& key, Page page) const;

  private:
    static constexpr std::size_t kMaxBytes = 64u << 20;  // a few hundred pages: enough for every profile
    mutable std::mutex mu_;
    mutable std::unordered_map<std::string, std::shared_ptr<const Page>> pages_;
    mutable std::deque<std::string> order_;
    mutable std::size_t bytes_ = 0;
};

// Everything derived from the imported results that stays the same until the next import.
struct Snapshot {
    std::pair<std::int64_t, std::int64_t> stamp;      // cpes_imports: max(id) and count of rows
    std::vector<int> years;                           // years with adjusted results, newest first
    std::vector<int> trend_years;                     // years with published scores and trends, newest first
    std::vector<experience::CpesQuestion> questions;  // questionnaire order; derived if none were imported
    std::int64_t result_rows = 0;

    mutable std::mutex mu;
    mutable std::map<std::tuple<int, std::string, int, int>, std::shared_ptr<const RatedYear>> ratings;
    PageCache pages;
};

// Gives the request's database connection back to the pool once its reads are done, so that the
// rendering and sending of a large page do not hold one of the pool's few connections.
void ReleaseConnection(RequestContext& ctx);
// A cache key from its parts (a separator no query value contains).
std::string CacheKey(const std::vector<std::string>& parts);
// Answers from the snapshot's page cache if `key` is there (returns true), else returns false.
bool ServeCachedPage(RequestContext& ctx, const Snapshot& snapshot, const std::string& key);
// Renders `tmpl` with `data` inside the layout, as RequestContext::Page does, keeping the body under `key`.
// Only for pages whose body does not depend on who is looking.
void RenderAndCachePage(RequestContext& ctx, const Snapshot& snapshot, const std::string& key, const std::string& title,
                        const std::string& tmpl, const nlohmann::json& data);

// Ratings are computed once per (year, level, parameter choice) and kept until the import stamp
// (the cpes_imports table, shared by every server on one database) changes.
class ExperienceCache {
  public:
    Result<std::shared_ptr<const Snapshot>> Current(store::Connection& conn);
    Result<std::shared_ptr<const RatedYear>> Ratings(store::Connection& conn, const Snapshot& snapshot, int year,
                                                     const std::string& level, app::ParameterChoice choice,
                                                     int suppression_threshold);

  private:
    std::mutex mu_;
    std::shared_ptr<const Snapshot> current_;
};

// The query of most pages: ?year=2018&level=trust&parameters=published
struct YearQuery {
    int year = 0;
    std::string level = "trust";
    app::ParameterChoice choice = app::ParameterChoice::kPublishedIfAvailable;
    // Pages only (Leniency::kDefaults): each value of the address that could not be used, set aside for its
    // default; the page shows them in its error summary rather than being a dead end.
    std::vector<FieldProblem> problems;
};

// How a bad value in the address is met: the API and downloads refuse it (422 naming the field); a page
// shows itself with the default in its place and says what was wrong (issue 10, item 6).
enum class Leniency { kRefuse, kDefaults };

// Reads year (default: the newest), level (trust, ccg, alliance) and parameters (published, own).
// kRefuse: fails with InvalidArgument naming the field, e.g. {"year", "'abc' is not a year"}. kDefaults:
// fails only when no results are imported; each bad value becomes a problem and its default is used.
// `trend_years_too`: a year with only the published scores and trends (2015-2017) is a year too.
Result<YearQuery> ParseYearQuery(const RequestContext& ctx, const Snapshot& snapshot, bool allow_level = true,
                                 Leniency leniency = Leniency::kRefuse, bool trend_years_too = false);
// A page of `tmpl`: cached under `key` when the query had no problems; otherwise rendered with its error
// summary and not cached.
void RenderPage(RequestContext& ctx, const Snapshot& snapshot, const std::string& key, const std::string& title,
                const std::string& tmpl, nlohmann::json data, const std::vector<FieldProblem>& problems);
// An integer query parameter within [lo, hi], or `fallback` when absent.
Result<int> ParseIntParam(const RequestContext& ctx, const std::string& name, int fallback, int lo, int hi);
Result<double> ParseDoubleParam(const RequestContext& ctx, const std::string& name, double fallback, double lo,
                                double hi);
// The question's id if the rated year has it; else InvalidArgument on `field`.
Result<std::string> CheckQuestion(const RatedYear& rated, const std::string& question, const std::string& field);

// Loads the snapshot and the ratings in one go, answering the request with the right error when it fails.
struct Loaded {
    std::shared_ptr<const Snapshot> snapshot;
    std::shared_ptr<const RatedYear> rated;
    YearQuery query;
};
std::optional<Loaded> LoadForRequest(RequestContext& ctx, ExperienceCache& cache, bool allow_level = true,
                                     Leniency leniency = Leniency::kRefuse);
// Whether `level` is one whose organisations are benchmarked against each other (trust, ccg, alliance).
bool IsBenchmarkedLevel(const std::string& level);

// Labels and formats.
std::string LevelLabel(
    const std::string& level);  // "trust" -> "Trust", "ccg" -> "CCG", "alliance" -> "Cancer alliance"
std::string LevelPlural(const std::string& level);                   // "trusts", "CCGs", "cancer alliances"
std::string FormatScore(const std::string& question, double score);  // "75%", "8.91"
std::string FormatValue(const std::string& question, double value);  // one more decimal than the score
std::string FormatInterval(const std::string& question, const experience::Interval& interval);
std::string RatingLabel(experience::Rating rating);   // "Above expected", ...
std::string ChoiceName(app::ParameterChoice choice);  // "published", "own"
// The questions rated in `rated`, in questionnaire order (numeric order for any the questions file lacks).
std::vector<std::string> OrderedQuestions(const Snapshot& snapshot, const RatedYear& rated);
const experience::CpesQuestion* FindQuestionMeta(const Snapshot& snapshot, const std::string& question);
// "Q1: Before you were told..." (or just the id when the wording was not imported).
std::string QuestionTitle(const Snapshot& snapshot, const std::string& question);
// What a question's parameters were and where they came from, in a sentence.
std::string ParametersSentence(const RatedYear& rated, const std::string& question, int year,
                               app::ParameterChoice choice);
std::string UrlEncode(const std::string& value);
// Mustache treats every string, even "", as true in {{#section}}: optional text goes in as null.
nlohmann::json TextOrNull(const std::string& text);

// An organisation's change since the previous year, from the trend rows (kind yearonyear).
struct Change {
    int previous_year = 0;
    bool available = false;  // both years published with enough respondents
    std::optional<int> previous_n, current_n;
    std::optional<double> previous_score, current_score;
    std::optional<experience::ChangeTest> test;  // percentages only; the 0–10 mean is not tested
    std::string published_flag;                  // Up, Down, Unchanged, or "" when the file has none
};

struct ProfileQuestion {
    std::string question, section, text;
    const experience::RatedResult* result = nullptr;  // nullptr: no adjusted row for this organisation
    bool shown = false;                               // rated: figures may be shown
    experience::ParameterSource source = experience::ParameterSource::kPublished;
    Change change;
    // In a year with published scores and trends only (2015-2017): the year's unadjusted score as NHS England
    // published it, when enough people answered.
    std::optional<int> published_n;
    std::optional<double> published_score;
};

// A tumour group's unadjusted result; figures only when shown.
struct TumourGroupResult {
    enum class Visibility { kShown, kShownWithoutN, kSuppressed, kNotPublished };
    std::string tumour_group, question;
    Visibility visibility = Visibility::kNotPublished;
    std::optional<int> n;         // only when kShown
    std::optional<double> score;  // only when kShown or kShownWithoutN
};

// A score NHS England published by patients' sex or by the deprivation quintile of where they live
// (cancer alliances and England; unadjusted, All Cancers, without the number of respondents).
struct SplitResult {
    std::string question;
    std::string sex;           // Female, Male, or Both for a deprivation split
    std::string imd_quintile;  // 1 (most deprived) to 5, or All for a sex split
    double score = 0;
};

struct Profile {
    store::Organisation organisation;
    std::string alliance_code, alliance_name;
    int year = 0;
    std::shared_ptr<const RatedYear> rated;  // keeps the results pointed at alive; null if they cannot be rated
    std::string ratings_problem;             // why there are no ratings (then `questions` is empty, but for:)
    bool trend_only = false;                 // a year of published scores and trends only: questions unrated
    std::vector<ProfileQuestion> questions;  // questionnaire order
    std::vector<TumourGroupResult> tumour_groups;
    std::vector<SplitResult> splits;  // by sex and deprivation, where published
};

// The profile of the organisation with `code` (trust, CCG or alliance): NotFound for an unknown code.
// When its level's results of the year cannot be rated, the profile has no questions and says why, and
// still has the tumour-group breakdown.
Result<Profile> BuildProfile(store::Connection& conn, ExperienceCache& cache, const Snapshot& snapshot,
                             const std::string& code, int year, app::ParameterChoice choice, int threshold);

// The funnel plot's data: every rated organisation's point and the limits.
struct FunnelData {
    std::string question;
    experience::RangeParameters parameters;
    experience::ParameterSource source = experience::ParameterSource::kPublished;
    std::vector<std::size_t> points;  // indexes of rated results, by increasing n
    experience::FunnelCurves curves;
};
Result<FunnelData> BuildFunnel(const RatedYear& rated, const std::string& question);
// The funnel plot as an inline SVG with title and description; `highlight` (a code, may be empty) is drawn
// larger and labelled.
std::string FunnelSvg(const Snapshot& snapshot, const RatedYear& rated, const FunnelData& funnel,
                      const std::string& highlight);
// The 99.8% limits at one organisation's n.
Result<experience::Interval> Limits998(const experience::RangeParameters& parameters, int n);

struct BuddyQuery {
    int max_mentees = experience::kDefaultMentorCapacity;
    int min_below = experience::kDefaultMinBelow;
    double same_alliance_bonus = 0;
};
Result<BuddyQuery> ParseBuddyQuery(const RequestContext& ctx);
Result<experience::BuddyPlan> BuildBuddyPlan(const RatedYear& rated, const BuddyQuery& query);
std::map<std::string, std::string> OrganisationNames(const RatedYear& rated);

// Sends a workbook as a download, or the error when it cannot be written.
void SendXlsx(RequestContext& ctx, const std::string& filename, const std::vector<xlsx::Sheet>& sheets,
              const std::string& title);

// Route registration of each part; RegisterExperienceRoutes (app.hpp) calls them with one shared cache.
void RegisterExperienceLandingRoutes(Router& router, std::shared_ptr<ExperienceCache> cache);
void RegisterExperienceProfileRoutes(Router& router, std::shared_ptr<ExperienceCache> cache);
void RegisterExperienceProfileDownloadRoutes(Router& router, std::shared_ptr<ExperienceCache> cache);
void RegisterExperienceFunnelRoutes(Router& router, std::shared_ptr<ExperienceCache> cache);
void RegisterExperienceOverviewRoutes(Router& router, std::shared_ptr<ExperienceCache> cache);
void RegisterExperienceBuddyRoutes(Router& router, std::shared_ptr<ExperienceCache> cache);
void RegisterExperienceImportRoutes(Router& router);
void RegisterExperienceApiRoutes(Router& router, std::shared_ptr<ExperienceCache> cache);

}  // namespace carevoice::web::experience_pages
