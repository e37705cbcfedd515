// Choosing the year's priorities: each member ranks the candidates, or votes for those they support,
// and the tally keeps users' and professionals' votes apart, so that a group where professionals
// outnumber users (the report found up to five to one, §4.1.2) can see whether both agree.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/enum_names.hpp"
#include "core/status.hpp"
#include "partnership/person.hpp"
#include "partnership/work_programme.hpp"

namespace carevoice::partnership {

enum class VotingMethod {
    // Borda count: with k candidates, a first choice earns k points, a second k - 1, ..., a k-th 1;
    // a candidate left off a ballot earns 0.
    kRanked,
    // Each candidate on a ballot earns 1 point, whatever its place (approval voting).
    kVotes,
};

inline constexpr std::array<EnumName<VotingMethod>, 2> kVotingMethods = {{
    {VotingMethod::kRanked, "ranked", "Rank the candidates"},
    {VotingMethod::kVotes, "votes", "Vote for any number of candidates"},
}};

// One member's ballot for one programme year; choices are candidate priority ids, most preferred first.
struct Ballot {
    std::int64_t id = 0;
    std::int64_t group_id = 0;
    int programme_year = 0;
    std::int64_t person_id = 0;
    std::vector<std::int64_t> choices;
};

// Names every problem: person_id; choices (none, or a candidate twice).
Status ValidateBallot(const Ballot& ballot);

struct PriorityTally {
    std::int64_t priority_id = 0;
    std::string title;
    int lay_points = 0;
    int professional_points = 0;
    int voluntary_sector_points = 0;
    int total_points = 0;
    // Standard competition ranking ("1224") within each constituency and overall.
    int lay_rank = 0;
    int professional_rank = 0;
    int overall_rank = 0;
};

struct VoteTally {
    std::vector<PriorityTally> priorities;  // by total points, then lay points, then priority id
    int lay_ballots = 0;
    int professional_ballots = 0;
    int voluntary_sector_ballots = 0;
};

// Tallies the ballots for `candidates` (all of one group and year). Fails, naming the ballot, on a
// voter who is not among `people`, a second ballot from one person, a choice that is not a
// candidate, or a candidate chosen twice on one ballot.
Result<VoteTally> TallyVotes(std::span<const CandidatePriority> candidates, std::span<const Ballot> ballots,
                             std::span<const Person> people, VotingMethod method);

}  // namespace carevoice::partnership
