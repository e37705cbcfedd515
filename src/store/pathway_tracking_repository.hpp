// What the tracking list and the alerts need besides the records (pathway_repository.hpp), read in a few
// set-based statements so that a list of thousands of pathways costs a handful of queries: the patient's
// name and area per pathway, the organisation code of a user, and the version of the pathway data that
// every write changes (migration 0010).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/status.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

struct PathwayPatientLabel {
    std::string name;       // given and family name: shown on the coordinators' list, never in URLs or logs
    std::string area_code;  // the patient's CCG / sub-ICB location
};

class PathwayTrackingRepository {
  public:
    explicit PathwayTrackingRepository(Connection& conn) : conn_(conn) {}

    // Pathway id -> the patient's name and area, for the active pathways an organisation may be involved in
    // (the rule of PathwayRepository::ListActivePathwaysInvolving; an empty code: every active pathway).
    Result<std::map<std::int64_t, PathwayPatientLabel>> ListPatientLabels(const std::string& organisation);
    // The version of everything the tracking list shows: one row read.
    Result<std::int64_t> CurrentDataVersion();
    // The ODS code of the user's organisation, or none when the user has no organisation.
    Result<std::optional<std::string>> OrganisationCodeOfUser(std::int64_t user_id);

  private:
    Connection& conn_;
};

// Adds 1 to the pathway data version, in the caller's transaction. Every write to patients, pathways, key
// workers, next actions, acknowledgements or events calls it (PathwayRepository, PathwayEventsRepository).
Status BumpPathwayDataVersion(Connection& conn);

}  // namespace carevoice::store
