#include "partnership/voting.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "core/problems.hpp"

namespace carevoice::partnership {
namespace {

// Standard competition ranking of `points` (higher is better): 1 + how many have strictly more.
template <typename Points>
void Rank(std::vector<PriorityTally>& tallies, Points points, int PriorityTally::*rank) {
    for (PriorityTally& tally : tallies) {
        int better = 0;
        for (const PriorityTally& other : tallies) {
            if (points(other) > points(tally)) ++better;
        }
        tally.*rank = better + 1;
    }
}

}  // namespace

Status ValidateBallot(const Ballot& ballot) {
    Problems problems;
    if (ballot.person_id <= 0) problems.Add("person_id", "is required");
    if (ballot.choices.empty()) problems.Add("choices", "are required: choose at least one candidate");
    std::set<std::int64_t> seen;
    for (std::int64_t choice : ballot.choices) {
        if (!seen.insert(choice).second) problems.Add("choices", "list candidate " + std::to_string(choice) + " twice");
    }
    return problems.ToStatus("the ballot");
}

Result<VoteTally> TallyVotes(std::span<const CandidatePriority> candidates, std::span<const Ballot> ballots,
                             std::span<const Person> people, VotingMethod method) {
    std::map<std::int64_t, std::size_t> index;
    VoteTally tally;
    for (const CandidatePriority& candidate : candidates) {
        index[candidate.id] = tally.priorities.size();
        tally.priorities.push_back({candidate.id, candidate.title});
    }
    std::map<std::int64_t, const Person*> voters;
    for (const Person& person : people) voters[person.id] = &person;

    const int k = static_cast<int>(candidates.size());
    Problems problems;
    std::set<std::int64_t> voted;
    for (std::size_t b = 0; b < ballots.size(); ++b) {
        const Ballot& ballot = ballots[b];
        const std::string field = Field("ballots", b);
        auto voter = voters.find(ballot.person_id);
        if (voter == voters.end()) {
            problems.Add(field, "is from person " + std::to_string(ballot.person_id) + ", who is not a member");
            continue;
        }
        if (!voted.insert(ballot.person_id).second) {
            problems.Add(field, "is a second ballot from " + voter->second->name);
            continue;
        }
        const Constituency constituency = ConstituencyOf(voter->second->member_type);
        int& ballots_of = constituency == Constituency::kLay            ? tally.lay_ballots
                          : constituency == Constituency::kProfessional ? tally.professional_ballots
                                                                        : tally.voluntary_sector_ballots;
        ++ballots_of;
        std::set<std::int64_t> chosen;
        for (std::size_t place = 0; place < ballot.choices.size(); ++place) {
            const std::int64_t choice = ballot.choices[place];
            auto at = index.find(choice);
            if (at == index.end()) {
                problems.Add(field, "chooses " + std::to_string(choice) + ", which is not a candidate");
                continue;
            }
            if (!chosen.insert(choice).second) {
                problems.Add(field, "chooses candidate " + std::to_string(choice) + " twice");
                continue;
            }
            const int points = method == VotingMethod::kRanked ? k - static_cast<int>(place) : 1;
            PriorityTally& t = tally.priorities[at->second];
            if (constituency == Constituency::kLay) t.lay_points += points;
            if (constituency == Constituency::kProfessional) t.professional_points += points;
            if (constituency == Constituency::kVoluntarySector) t.voluntary_sector_points += points;
            t.total_points += points;
        }
    }
    CV_RETURN_IF_ERROR(problems.ToStatus("the ballots"));

    Rank(tally.priorities, std::mem_fn(&PriorityTally::lay_points), &PriorityTally::lay_rank);
    Rank(tally.priorities, std::mem_fn(&PriorityTally::professional_points), &PriorityTally::professional_rank);
    Rank(tally.priorities, std::mem_fn(&PriorityTally::total_points), &PriorityTally::overall_rank);
    std::sort(tally.priorities.begin(), tally.priorities.end(), [](const PriorityTally& a, const PriorityTally& b) {
        if (a.total_points != b.total_points) return a.total_points > b.total_points;
        if (a.lay_points != b.lay_points) return a.lay_points > b.lay_points;
        return a.priority_id < b.priority_id;
    });
    return tally;
}

}  // namespace carevoice::partnership
