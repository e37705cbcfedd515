#include "experience/buddy.hpp"

#include <cmath>
#include <unordered_map>
#include <utility>

#include "experience/b_matching.hpp"
#include "experience/show_number.hpp"

namespace carevoice::experience {
namespace {

// The 0–10 item's points count ×10, so that one point weighs like ten percentage points.
constexpr double kMeanToPercentScale = 10;

double OnPercentScale(const QuestionResult& result) {
    return result.measure == Measure::kMean ? result.score * kMeanToPercentScale : result.score;
}

// Organisations × questions, each cell the organisation's result for that question or nullptr.
class ResultGrid {
  public:
    static Result<ResultGrid> Build(std::span<const BuddyOrganisation> organisations);

    const QuestionResult* At(std::size_t organisation, std::size_t question) const {
        return cells_[organisation * question_count_ + question];
    }
    // The column of a question that some organisation has a result for.
    std::size_t Column(std::string_view question) const { return column_.at(question); }

  private:
    std::size_t question_count_ = 0;
    std::unordered_map<std::string_view, std::size_t> column_;  // question id → column; views into the input
    std::vector<const QuestionResult*> cells_;
};

Result<ResultGrid> ResultGrid::Build(std::span<const BuddyOrganisation> organisations) {
    ResultGrid grid;
    auto& question_index = grid.column_;
    std::vector<Measure> measures;
    std::unordered_map<std::string_view, std::size_t> seen_codes;
    for (std::size_t org = 0; org < organisations.size(); ++org) {
        const auto& organisation = organisations[org];
        if (organisation.code.empty()) {
            return Status::InvalidArgument("organisation " + std::to_string(org + 1) + " has no code");
        }
        if (!seen_codes.emplace(organisation.code, org).second) {
            return Status::InvalidArgument("organisation " + organisation.code + " is listed twice");
        }
        for (const auto& result : organisation.results) {
            auto [at, added] = question_index.emplace(result.question, measures.size());
            if (added) {
                measures.push_back(result.measure);
            } else if (measures[at->second] != result.measure) {
                return Status::InvalidArgument(
                    result.question + " is a " + std::string(MeasureName(measures[at->second])) +
                    " question for one "
                    "organisation and a " +
                    std::string(MeasureName(result.measure)) + " question for " + organisation.code);
            }
            if (!std::isfinite(result.score)) {
                return Status::InvalidArgument(organisation.code + " " + result.question +
                                               ": the score is not a number");
            }
        }
    }
    grid.question_count_ = measures.size();
    grid.cells_.assign(organisations.size() * grid.question_count_, nullptr);
    for (std::size_t org = 0; org < organisations.size(); ++org) {
        for (const auto& result : organisations[org].results) {
            auto& cell = grid.cells_[org * grid.question_count_ + question_index.at(result.question)];
            if (cell != nullptr) {
                return Status::InvalidArgument(organisations[org].code + " has " + result.question + " twice");
            }
            cell = &result;
        }
    }
    return grid;
}

Status CheckOptions(const BuddyOptions& options) {
    if (options.min_below < 1) {
        return Status::InvalidArgument("a mentee must be below expected on at least 1 question; got k = " +
                                       std::to_string(options.min_below));
    }
    if (options.mentor_capacity < 1) {
        return Status::InvalidArgument("a mentor must be able to take at least 1 mentee; got m = " +
                                       std::to_string(options.mentor_capacity));
    }
    if (!(options.same_alliance_bonus >= 0) || !std::isfinite(options.same_alliance_bonus)) {
        return Status::InvalidArgument("the same-alliance bonus must be zero or more, got " +
                                       ShowNumber(options.same_alliance_bonus));
    }
    return Status::Ok();
}

bool Covers(const QuestionResult* mentor, const QuestionResult& mentee) {
    return mentor != nullptr && mentor->rating == Rating::kAbove && mentor->score > mentee.score;
}

bool SameAlliance(const BuddyOrganisation& a, const BuddyOrganisation& b) {
    return !a.alliance.empty() && a.alliance == b.alliance;
}

struct BelowResult {
    const QuestionResult* result;
    std::size_t column;  // in the ResultGrid
};

// The organisation's below-expected results, in its own order.
std::vector<BelowResult> BelowResults(const BuddyOrganisation& organisation, const ResultGrid& grid) {
    std::vector<BelowResult> below;
    for (const auto& result : organisation.results) {
        if (result.rating == Rating::kBelow) below.push_back({&result, grid.Column(result.question)});
    }
    return below;
}

// Who can be a mentee and who a mentor (indices into the input).
struct Roles {
    std::vector<std::size_t> mentees;
    std::vector<std::vector<BelowResult>> mentee_below;  // per mentee
    std::vector<std::size_t> mentors;
};

Roles SplitRoles(std::span<const BuddyOrganisation> organisations, const ResultGrid& grid, int min_below) {
    Roles roles;
    for (std::size_t org = 0; org < organisations.size(); ++org) {
        auto below = BelowResults(organisations[org], grid);
        if (static_cast<int>(below.size()) >= min_below) {
            roles.mentees.push_back(org);
            roles.mentee_below.push_back(std::move(below));
        } else {
            roles.mentors.push_back(org);
        }
    }
    return roles;
}

// The allowed pairs as weighted edges (mentee slot, mentor slot), and each mentee's eligible mentor slots.
struct Candidates {
    std::vector<MatchEdge> edges;
    std::vector<std::vector<std::size_t>> eligible;
};

Candidates FindCandidates(std::span<const BuddyOrganisation> organisations, const ResultGrid& grid, const Roles& roles,
                          double same_alliance_bonus) {
    Candidates candidates;
    candidates.eligible.resize(roles.mentees.size());
    for (std::size_t e = 0; e < roles.mentees.size(); ++e) {
        for (std::size_t m = 0; m < roles.mentors.size(); ++m) {
            double advantage = 0;
            bool covers_any = false;
            for (const BelowResult& own : roles.mentee_below[e]) {
                const QuestionResult* theirs = grid.At(roles.mentors[m], own.column);
                if (!Covers(theirs, *own.result)) continue;
                covers_any = true;
                advantage += OnPercentScale(*theirs) - OnPercentScale(*own.result);
            }
            if (!covers_any) continue;
            const bool same = SameAlliance(organisations[roles.mentees[e]], organisations[roles.mentors[m]]);
            candidates.edges.push_back(
                {static_cast<int>(e), static_cast<int>(m), advantage + (same ? same_alliance_bonus : 0.0)});
            candidates.eligible[e].push_back(m);
        }
    }
    return candidates;
}

BuddyPair DescribePair(const BuddyOrganisation& mentee, const std::vector<BelowResult>& below,
                       const BuddyOrganisation& mentor, std::size_t mentor_row, const ResultGrid& grid,
                       double same_alliance_bonus) {
    BuddyPair pair;
    pair.mentee = mentee.code;
    pair.mentor = mentor.code;
    for (const BelowResult& own : below) {
        const QuestionResult* theirs = grid.At(mentor_row, own.column);
        if (!Covers(theirs, *own.result)) continue;
        pair.covered.push_back({own.result->question, theirs->score, own.result->score});
        pair.advantage += OnPercentScale(*theirs) - OnPercentScale(*own.result);
    }
    pair.same_alliance = SameAlliance(mentee, mentor);
    pair.weight = pair.advantage + (pair.same_alliance ? same_alliance_bonus : 0.0);
    return pair;
}

}  // namespace

Result<BuddyPlan> MatchBuddies(std::span<const BuddyOrganisation> organisations, const BuddyOptions& options) {
    CV_RETURN_IF_ERROR(CheckOptions(options));
    CV_ASSIGN_OR_RETURN(ResultGrid grid, ResultGrid::Build(organisations));
    const Roles roles = SplitRoles(organisations, grid, options.min_below);
    const Candidates candidates = FindCandidates(organisations, grid, roles, options.same_alliance_bonus);
    const std::vector<int> capacity(roles.mentors.size(), options.mentor_capacity);
    CV_ASSIGN_OR_RETURN(std::vector<int> matched,
                        MaxWeightBMatching(static_cast<int>(roles.mentees.size()), capacity, candidates.edges));

    std::vector<int> load(roles.mentors.size(), 0);
    for (int m : matched) {
        if (m >= 0) ++load[static_cast<std::size_t>(m)];
    }
    BuddyPlan plan;
    for (std::size_t e = 0; e < roles.mentees.size(); ++e) {
        const BuddyOrganisation& mentee = organisations[roles.mentees[e]];
        if (matched[e] >= 0) {
            const std::size_t mentor_row = roles.mentors[static_cast<std::size_t>(matched[e])];
            plan.pairs.push_back(DescribePair(mentee, roles.mentee_below[e], organisations[mentor_row], mentor_row,
                                              grid, options.same_alliance_bonus));
            plan.total_weight += plan.pairs.back().weight;
            continue;
        }
        UnmatchedMentee unmatched;
        unmatched.mentee = mentee.code;
        for (const BelowResult& own : roles.mentee_below[e]) unmatched.below_questions.push_back(own.result->question);
        for (std::size_t m : candidates.eligible[e]) {
            // An eligible mentor with room would have raised the total, so the optimum fills every one.
            if (load[m] < options.mentor_capacity) {
                return Status::Internal("buddy matching left " + mentee.code + " unmatched although " +
                                        organisations[roles.mentors[m]].code + " had room");
            }
            unmatched.eligible_mentors.push_back(organisations[roles.mentors[m]].code);
        }
        unmatched.reason = candidates.eligible[e].empty() ? UnmatchedReason::kNoEligibleMentor
                                                          : UnmatchedReason::kEligibleMentorsAtCapacity;
        plan.unmatched.push_back(std::move(unmatched));
    }
    return plan;
}

}  // namespace carevoice::experience
