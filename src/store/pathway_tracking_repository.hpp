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

// What the tracking list keeps its work under: `data` changes with every write to anything it shows,
// `events` only with the events, which alone decide the clocks.
struct PathwayDataVersions {
    std::int64_t data = 0;
    std::int64_t events = 0;
};

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
    // The versions of everything the tracking list shows and of the events: one row read.
    Result<PathwayDataVersions> CurrentDataVersions();
    // The ODS code of the user's organisation, or none when the user has no organisation.
    Result<std::optional<std::string>> OrganisationCodeOfUser(std::int64_t user_id);

  private:
    Connection& conn_;
};

// Adds 1 to the pathway data version, in the caller's transaction. Every write to patients, pathways, key
// workers, next actions, acknowledgements or alert settings calls it (PathwayRepository, the settings page).
Status BumpPathwayDataVersion(Connection& conn);
// Adds 1 to both the data and the events version, in the caller's transaction, and returns the new events
// version: every write of events calls it (PathwayEventsRepository), so that the clocks are computed again.
Result<std::int64_t> BumpPathwayEventsVersion(Connection& conn);

}  // namespace carevoice::store
