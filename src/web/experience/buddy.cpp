// Buddy matching of trusts for one year: each pair with the questions it covers and both scores,
// the mentees left unmatched and why; the options as a GET form, and a CSV download.
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "core/csv.hpp"
#include "core/text.hpp"
#include "web/experience/model.hpp"
#include "web/http/app.hpp"
#include "web/render/svg_chart.hpp"

namespace carevoice::web::experience_pages {
namespace {

struct BuddyResult {
    Loaded loaded;
    BuddyQuery query;
    experience::BuddyPlan plan;
};

std::string PageKey(const Loaded& loaded, const BuddyQuery& q) {
    return CacheKey({"buddy", std::to_string(loaded.query.year), ChoiceName(loaded.query.choice),
                     std::to_string(q.max_mentees), std::to_string(q.min_below),
                     svg::Number(q.same_alliance_bonus, 6)});
}

// With `page_cache`, answers from the page cache when it can (and then returns nullopt too).
std::optional<BuddyResult> LoadBuddy(RequestContext& ctx, ExperienceCache& cache, bool page_cache) {
    // Buddy matching pairs trusts (the level NHS England's improvement offers work with).
    auto loaded = LoadForRequest(ctx, cache, false, page_cache ? Leniency::kDefaults : Leniency::kRefuse);
    if (!loaded) return std::nullopt;
    auto query = ParseBuddyQuery(ctx);
    if (!query.ok()) {
        ctx.Error(422, query.status());
        return std::nullopt;
    }
    // A page looking for one trust's pair is not cached: the trust is typed, and the cache would grow with it.
    if (page_cache && loaded->query.problems.empty() && ctx.Param("trust").empty() &&
        ServeCachedPage(ctx, *loaded->snapshot, PageKey(*loaded, *query))) {
        return std::nullopt;
    }
    auto plan = BuildBuddyPlan(*loaded->rated, *query);
    if (!plan.ok()) {
        ctx.Error(HttpStatusFor(plan.status()), plan.status());
        return std::nullopt;
    }
    return BuddyResult{std::move(*loaded), *query, std::move(*plan)};
}

std::string Reason(const experience::UnmatchedMentee& u, int capacity) {
    if (u.reason == experience::UnmatchedReason::kNoEligibleMentor) {
        return "No trust is rated above expected, with a higher score, on any question where this trust is below.";
    }
    return "Every trust that could mentor it already has " + std::to_string(capacity) +
           (capacity == 1 ? " mentee" : " mentees") + " who gain more from the pairing.";
}

std::string OptionsQuery(const BuddyResult& b) {
    return "year=" + std::to_string(b.loaded.query.year) + "&max_mentees=" + std::to_string(b.query.max_mentees) +
           "&min_below=" + std::to_string(b.query.min_below) +
           "&same_alliance_bonus=" + svg::Number(b.query.same_alliance_bonus, 1) +
           (b.loaded.query.choice == app::ParameterChoice::kOwnEstimate ? "&parameters=own" : "");
}

// "+12 points" for a percentage question; "+0.4 on the 0 to 10 scale" for the mean rating.
std::string AdvantageText(const std::string& question, double advantage) {
    const bool mean = experience::IsMeanQuestion(question);
    const std::string n = svg::Number(advantage, mean ? 1 : 0);
    return (advantage > 0 ? "+" : "") + n +
           (mean                       ? " on the 0 to 10 scale"
            : std::abs(advantage) == 1 ? " point"
                                       : " points");
}

// The pair advantage on each question's own scale: points summed over the percentage questions, and the
// 0 to 10 rating apart (a point of a percentage and a point of 0 to 10 are not the same thing).
std::string PairAdvantageText(const experience::BuddyPair& p) {
    double points = 0;
    int percent_questions = 0;
    std::string mean_text;
    for (const auto& c : p.covered) {
        const double advantage = c.mentor_score - c.mentee_score;
        if (experience::IsMeanQuestion(c.question)) {
            mean_text = AdvantageText(c.question, advantage) + " (" + c.question + ")";
        } else {
            points += advantage;
            ++percent_questions;
        }
    }
    std::string text;
    if (percent_questions > 0) {
        // Appended step by step: GCC 12 at -O2 warns (wrongly) about "+" + std::string&&.
        text = std::string("+").append(svg::Number(points, 0)).append(" points over ");
        text += std::to_string(percent_questions);
        text += percent_questions == 1 ? " percentage question" : " percentage questions";
    }
    if (!mean_text.empty()) text += (text.empty() ? "" : "; ") + mean_text;
    return text;
}

// The trust the visitor looks for: a code, or a part of a name (any case); "" when none matches.
std::string FindTrust(const std::map<std::string, std::string>& names, const std::string& typed) {
    const std::string wanted = text::ToLower(text::Trim(typed));
    if (wanted.empty()) return "";
    for (const auto& [code, name] : names) {
        if (text::ToLower(code) == wanted) return code;
    }
    for (const auto& [code, name] : names) {
        if (text::ToLower(name).find(wanted) != std::string::npos) return code;
    }
    return "";
}

void ShowBuddy(RequestContext& ctx, ExperienceCache& cache) {
    auto b = LoadBuddy(ctx, cache, true);
    if (!b) return;
    const auto names = OrganisationNames(*b->loaded.rated);
    const std::string year = std::to_string(b->loaded.query.year);
    auto org = [&](const std::string& code) {
        auto it = names.find(code);
        return nlohmann::json{{"code", code},
                              {"name", it == names.end() ? code : it->second},
                              {"href", "/experience/organisations/" + UrlEncode(code) + "?year=" + year}};
    };
    const std::string typed = std::string(text::Trim(ctx.Param("trust"))).substr(0, 100);
    const std::string sought = FindTrust(names, typed);
    nlohmann::json pairs = nlohmann::json::array();
    nlohmann::json your_pair;
    for (const auto& p : b->plan.pairs) {
        nlohmann::json covered = nlohmann::json::array();
        std::string questions;
        for (const auto& c : p.covered) {
            covered.push_back({{"question", c.question},
                               {"mentee_score", FormatValue(c.question, c.mentee_score)},
                               {"mentor_score", FormatValue(c.question, c.mentor_score)},
                               {"percent", !experience::IsMeanQuestion(c.question)},
                               {"advantage", AdvantageText(c.question, c.mentor_score - c.mentee_score)}});
            questions += (questions.empty() ? "" : ",") + c.question;
        }
        nlohmann::json pair = {{"id", "pair-" + p.mentee},
                               {"mentee", org(p.mentee)},
                               {"mentor", org(p.mentor)},
                               {"covered", covered},
                               {"covered_count", p.covered.size()},
                               {"advantage", PairAdvantageText(p)},
                               {"same_alliance", p.same_alliance},
                               {"sought", !sought.empty() && (p.mentee == sought || p.mentor == sought)},
                               {"plan_href", "/buddy-plans/new?year=" + year + "&mentor=" + UrlEncode(p.mentor) +
                                                 "&mentee=" + UrlEncode(p.mentee) + "&questions=" + questions}};
        if (pair["sought"] && your_pair.is_null()) your_pair = pair;
        pairs.push_back(std::move(pair));
    }
    nlohmann::json unmatched = nlohmann::json::array();
    for (const auto& u : b->plan.unmatched) {
        std::string below, mentors;
        for (const auto& q : u.below_questions) below += (below.empty() ? "" : ", ") + q;
        for (const auto& m : u.eligible_mentors) mentors += (mentors.empty() ? "" : ", ") + m;
        unmatched.push_back({{"mentee", org(u.mentee)},
                             {"reason", Reason(u, b->query.max_mentees)},
                             {"below", below},
                             {"mentors", TextOrNull(mentors)}});
    }
    nlohmann::json years = nlohmann::json::array();
    for (int y : b->loaded.snapshot->years) years.push_back({{"year", y}, {"selected", y == b->loaded.query.year}});
    nlohmann::json data = {{"year", b->loaded.query.year},
                           {"years", years},
                           {"pairs", pairs},
                           {"pair_count", pairs.size()},
                           {"has_pairs", !pairs.empty()},
                           {"unmatched", unmatched},
                           {"has_unmatched", !unmatched.empty()},
                           {"unmatched_count", unmatched.size()},
                           {"max_mentees", b->query.max_mentees},
                           {"min_below", b->query.min_below},
                           {"same_alliance_bonus", svg::Number(b->query.same_alliance_bonus, 1)},
                           {"trust", typed},
                           {"searched", !typed.empty()},
                           {"sought_name", sought.empty() ? "" : org(sought)["name"].get<std::string>()},
                           {"sought_found", !sought.empty()},
                           {"your_pair", your_pair},
                           {"has_your_pair", !your_pair.is_null()},
                           {"csv_href", "/experience/buddy.csv?" + OptionsQuery(*b)}};
    data["breadcrumbs"] = {{{"href", "/experience"}, {"label", "Experience"}}};
    RenderPage(ctx, *b->loaded.snapshot, PageKey(b->loaded, b->query), "Buddy matching " + year, "experience_buddy",
               data, b->loaded.query.problems);
}

void BuddyCsv(RequestContext& ctx, ExperienceCache& cache) {
    auto b = LoadBuddy(ctx, cache, false);
    if (!b) return;
    const auto names = OrganisationNames(*b->loaded.rated);
    auto name = [&](const std::string& code) {
        auto it = names.find(code);
        return it == names.end() ? code : it->second;
    };
    std::string out = csv::Row({"status", "mentee", "mentee_name", "mentor", "mentor_name", "questions",
                                "mentee_scores", "mentor_scores", "advantage", "same_alliance", "reason"});
    for (const auto& p : b->plan.pairs) {
        std::string qs, mentee, mentor;
        for (const auto& c : p.covered) {
            qs += (qs.empty() ? "" : "; ") + c.question;
            mentee += (mentee.empty() ? "" : "; ") + FormatValue(c.question, c.mentee_score);
            mentor += (mentor.empty() ? "" : "; ") + FormatValue(c.question, c.mentor_score);
        }
        out += csv::Row({"pair", p.mentee, name(p.mentee), p.mentor, name(p.mentor), qs, mentee, mentor,
                         svg::Number(p.advantage, 1), p.same_alliance ? "yes" : "no", ""});
    }
    for (const auto& u : b->plan.unmatched) {
        std::string qs;
        for (const auto& q : u.below_questions) qs += (qs.empty() ? "" : "; ") + q;
        out += csv::Row(
            {"unmatched", u.mentee, name(u.mentee), "", "", qs, "", "", "", "", Reason(u, b->query.max_mentees)});
    }
    ctx.Csv("carevoice-buddy-" + std::to_string(b->loaded.query.year) + ".csv", out);
}

}  // namespace

void RegisterExperienceBuddyRoutes(Router& router, std::shared_ptr<ExperienceCache> cache) {
    router.Add("GET", "/experience/buddy", Access::Public(), RouteKind::kPage,
               [cache](RequestContext& ctx) { ShowBuddy(ctx, *cache); });
    router.Add("GET", "/experience/buddy.csv", Access::Public(), RouteKind::kPage,
               [cache](RequestContext& ctx) { BuddyCsv(ctx, *cache); });
}

}  // namespace carevoice::web::experience_pages
