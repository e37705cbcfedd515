// The first half of the yearly work programme in storage: evidence of patients' priorities and
// experiences, the candidate priorities drawn from it (with the evidence each rests on), and members'
// ballots. Tallying is partnership::TallyVotes. Writes happen inside the caller's transaction (see
// groups_repository.hpp).
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.hpp"
#include "partnership/voting.hpp"
#include "partnership/work_programme.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

class PrioritiesRepository {
  public:
    explicit PrioritiesRepository(Connection& conn) : conn_(conn) {}

    Result<partnership::EvidenceItem> CreateEvidence(const partnership::EvidenceItem& item, std::int64_t now);
    // The group's evidence for a programme year, oldest recorded first.
    Result<std::vector<partnership::EvidenceItem>> ListEvidence(std::int64_t group_id, int programme_year);
    Status DeleteEvidence(std::int64_t id);

    // The evidence ids must be the group's; a carried-forward work item must be the group's.
    Result<partnership::CandidatePriority> CreatePriority(const partnership::CandidatePriority& priority,
                                                          std::int64_t now);
    Result<std::vector<partnership::CandidatePriority>> ListPriorities(std::int64_t group_id, int programme_year);
    Status DeletePriority(std::int64_t id);

    // Records a member's ballot for the year, replacing any earlier one of theirs. The voter must be a
    // person of the group and every choice one of the year's candidates.
    Result<partnership::Ballot> CastBallot(const partnership::Ballot& ballot, std::int64_t now);
    Result<std::vector<partnership::Ballot>> ListBallots(std::int64_t group_id, int programme_year);

  private:
    Connection& conn_;
};

}  // namespace carevoice::store
