// carevoice ratings / carevoice buddy: the national benchmarking figures for analysts' scripts.
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "app/year_ratings.hpp"
#include "cli/commands.hpp"
#include "core/csv.hpp"
#include "core/file.hpp"
#include "experience/buddy.hpp"
#include "experience/parameters_file.hpp"
#include "experience/published_agreement.hpp"

namespace carevoice::cli {
namespace {

struct RatingsOptions {
    std::string db, level = "trust", parameters, format = "csv";
    int year = 0;
    int threshold = 21;
    bool own_estimate = false;
    bool compare = false;
};

std::string Number(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::shared_ptr<const app::LoadedRatings> Load(const std::string& db_url, int year, const std::string& level,
                                               const std::string& parameters_file, bool own_estimate, int threshold) {
    std::optional<std::vector<experience::QuestionParameters>> override_params;
    if (!parameters_file.empty()) {
        auto text = ReadTextFile(parameters_file);
        if (!text.ok()) throw ExitCode{Fail(text.status())};
        auto parsed = experience::ParseParametersCsv(*text);
        if (!parsed.ok()) throw ExitCode{Fail(parsed.status())};
        override_params = std::move(*parsed);
    }
    auto db = OpenDatabase(db_url);
    if (!db.ok()) throw ExitCode{Fail(db.status())};
    auto conn = (*db)->Acquire();
    auto loaded = app::LoadYearRatings(
        *conn, year, level,
        own_estimate ? app::ParameterChoice::kOwnEstimate : app::ParameterChoice::kPublishedIfAvailable, threshold,
        override_params);
    if (!loaded.ok()) throw ExitCode{Fail(loaded.status())};
    return *loaded;
}

std::string Percent(int part, int whole) { return whole == 0 ? "-" : Number(100.0 * part / whole, 2) + "%"; }

// How far the ratings reproduce the published figures (experience/published_agreement.hpp).
void PrintComparison(const RatingsOptions& o, const app::LoadedRatings& loaded) {
    const auto a = experience::CompareWithPublished(loaded.ratings, loaded.rule);
    std::map<std::string, int> sources;
    for (const auto& [question, summary] : loaded.ratings.questions) {
        ++sources[std::string(experience::ParameterSourceName(summary.source))];
    }
    std::string used;
    for (const auto& [source, count] : sources)
        used += (used.empty() ? "" : ", ") + source + " " + std::to_string(count);
    std::printf("%s ratings, %d: parameters by question: %s\n", o.level.c_str(), o.year, used.c_str());
    std::printf("expected ranges equal to the published after rounding: %d of %d (%s)\n", a.ranges_reproduced, a.ranges,
                Percent(a.ranges_reproduced, a.ranges).c_str());
    std::printf("ratings agreeing with the published rating: %d of %d (%s)\n", a.ratings_agreed, a.ratings,
                Percent(a.ratings_agreed, a.ratings).c_str());
    std::printf("ties (published score equal to a published limit): %d\n", a.ties);
    std::printf("ratings agreeing where not tied: %d of %d (%s)\n", a.ratings_agreed_untied, a.ratings - a.ties,
                Percent(a.ratings_agreed_untied, a.ratings - a.ties).c_str());
    std::printf("shown as borderline: %d\n", a.borderline);
}

void PrintRatings(const RatingsOptions& o) {
    auto loaded = Load(o.db, o.year, o.level, o.parameters, o.own_estimate, o.threshold);
    if (o.compare) {
        PrintComparison(o, *loaded);
        return;
    }
    nlohmann::json rows = nlohmann::json::array();
    std::string csv =
        csv::Row({"code", "name", "question", "n", "score", "ci_lower", "ci_upper", "expected_lower", "expected_upper",
                  "rating", "published_rating", "parameters", "borderline", "borderline_limit"});
    for (const auto& r : loaded->ratings.results) {
        if (!r.rated) continue;  // suppressed: never printed
        const auto& in = *r.input;
        const int decimals = in.question == "Q59" ? 2 : 1;
        const auto& q = loaded->ratings.questions.at(in.question);
        const std::string source(experience::ParameterSourceName(q.source));
        const std::string rating(experience::RatingName(r.rated->rating));
        // Borderline: the published (rounded) score decided and the limit rounds to it; the limit is shown.
        const bool borderline = r.borderline.has_value();
        if (o.format == "json") {
            rows.push_back({{"code", in.org_code},
                            {"name", in.org_name},
                            {"question", in.question},
                            {"n", *in.n},
                            {"score", *in.score},
                            {"ci_lower", r.rated->interval.lower},
                            {"ci_upper", r.rated->interval.upper},
                            {"expected_lower", r.rated->expected.lower},
                            {"expected_upper", r.rated->expected.upper},
                            {"rating", rating},
                            {"published_rating", in.published_rating},
                            {"parameters", source},
                            {"borderline", borderline},
                            {"borderline_limit", borderline ? nlohmann::json(r.borderline->limit) : nullptr}});
        } else {
            csv +=
                csv::Row({in.org_code, in.org_name, in.question, std::to_string(*in.n), Number(*in.score, decimals),
                          Number(r.rated->interval.lower, decimals + 1), Number(r.rated->interval.upper, decimals + 1),
                          Number(r.rated->expected.lower, decimals + 1), Number(r.rated->expected.upper, decimals + 1),
                          rating, in.published_rating, source, borderline ? "true" : "false",
                          borderline ? Number(r.borderline->limit, decimals + 2) : ""});
        }
    }
    if (o.format == "json") {
        std::printf("%s\n", nlohmann::json{{"year", o.year}, {"level", o.level}, {"ratings", rows}}.dump(2).c_str());
    } else {
        std::fwrite(csv.data(), 1, csv.size(), stdout);
    }
}

struct BuddyCliOptions {
    std::string db, format = "text";
    int year = 0, max_mentees = experience::kDefaultMentorCapacity, min_below = experience::kDefaultMinBelow;
    int threshold = 21;
    double bonus = 0;
};

void PrintBuddies(const BuddyCliOptions& o) {
    auto loaded = Load(o.db, o.year, "trust", "", false, o.threshold);
    auto inputs = experience::BuddyInputs(loaded->ratings);
    auto plan = experience::MatchBuddies(inputs, {o.min_below, o.max_mentees, o.bonus});
    if (!plan.ok()) throw ExitCode{Fail(plan.status())};
    std::map<std::string, std::string> names;
    for (const auto& in : loaded->inputs) names[in.org_code] = in.org_name;
    auto covered_list = [](const experience::BuddyPair& p) {
        std::string s;
        for (const auto& c : p.covered) s += (s.empty() ? "" : "; ") + c.question;
        return s;
    };
    if (o.format == "csv") {
        std::string out = csv::Row(
            {"mentee", "mentee_name", "mentor", "mentor_name", "questions", "advantage", "same_alliance", "weight"});
        for (const auto& p : plan->pairs) {
            out += csv::Row({p.mentee, names[p.mentee], p.mentor, names[p.mentor], covered_list(p),
                             Number(p.advantage, 1), p.same_alliance ? "yes" : "no", Number(p.weight, 1)});
        }
        std::fwrite(out.data(), 1, out.size(), stdout);
        return;
    }
    std::printf("Buddy matching for %d: %zu pairs, total advantage %.1f points.\n\n", o.year, plan->pairs.size(),
                plan->total_weight);
    for (const auto& p : plan->pairs) {
        std::printf("%s %s  <- mentored by %s %s%s\n", p.mentee.c_str(), names[p.mentee].c_str(), p.mentor.c_str(),
                    names[p.mentor].c_str(), p.same_alliance ? " (same alliance)" : "");
        for (const auto& c : p.covered) {
            std::printf("    %-4s mentee %.2f, mentor %.2f\n", c.question.c_str(), c.mentee_score, c.mentor_score);
        }
    }
    if (!plan->unmatched.empty()) std::printf("\nUnmatched mentees:\n");
    for (const auto& u : plan->unmatched) {
        std::printf("  %s %s: %s\n", u.mentee.c_str(), names[u.mentee].c_str(),
                    u.reason == experience::UnmatchedReason::kNoEligibleMentor
                        ? "no trust is above expected on a question where it is below"
                        : "every eligible mentor already has its full number of mentees");
    }
}

}  // namespace

void RegisterRatings(CLI::App& app) {
    auto o = std::make_shared<RatingsOptions>();
    auto* cmd = app.add_subcommand("ratings",
                                   "Print every organisation's 95% interval, expected range and rating for a year "
                                   "(figures from fewer respondents than the threshold are left out)");
    AddDbOption(*cmd, o->db);
    cmd->add_option("--year", o->year, "Survey year, e.g. 2018")->required();
    cmd->add_option("--level", o->level, "trust, ccg or alliance (default trust)")
        ->check(CLI::IsMember({"trust", "ccg", "alliance"}));
    cmd->add_option("--parameters", o->parameters, "Expected-range parameters CSV to use instead of the stored ones");
    cmd->add_flag("--own-estimate", o->own_estimate,
                  "Ignore stored parameters and published ranges: estimate centre and tau-squared from the level's "
                  "organisations (Spiegelhalter)");
    cmd->add_flag("--compare", o->compare,
                  "Instead of the ratings, print how many published expected ranges (after rounding) and ratings "
                  "they reproduce, with and without ties");
    cmd->add_option("--format", o->format, "csv (default) or json")->check(CLI::IsMember({"csv", "json"}));
    cmd->add_option("--suppress-below", o->threshold, "Disclosure threshold (default 21 respondents)")
        ->check(CLI::Range(1, 1000));
    cmd->callback([o] { PrintRatings(*o); });

    auto b = std::make_shared<BuddyCliOptions>();
    auto* buddy =
        app.add_subcommand("buddy", "Match mentor trusts with mentee trusts for the buddy scheme (exact optimum)");
    AddDbOption(*buddy, b->db);
    buddy->add_option("--year", b->year, "Survey year, e.g. 2018")->required();
    buddy->add_option("--max-mentees", b->max_mentees, "Most mentees per mentor (default 2)")
        ->check(CLI::Range(1, 100));
    buddy
        ->add_option("--min-below", b->min_below,
                     "Below expected on at least this many questions makes a mentee (default 3)")
        ->check(CLI::Range(1, 100));
    buddy
        ->add_option("--same-alliance-bonus", b->bonus, "Added to a pair's weight when both are in one cancer alliance")
        ->check(CLI::Range(0.0, 1000.0));
    buddy->add_option("--format", b->format, "text (default) or csv")->check(CLI::IsMember({"text", "csv"}));
    buddy->add_option("--suppress-below", b->threshold, "Disclosure threshold (default 21 respondents)");
    buddy->callback([b] { PrintBuddies(*b); });
}

}  // namespace carevoice::cli
