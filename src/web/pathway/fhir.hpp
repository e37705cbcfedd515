// A patient's record as an HL7 FHIR R4 Bundle (type "collection"): Patient; per pathway an EpisodeOfCare,
// a CareTeam (key worker, 24/7 crisis contact), a CarePlan (the care plan, with the told-once summary as
// a note), a Condition (the tumour group), a ServiceRequest (the referral), Encounters (first seen,
// treatments, emergency admissions, discharge) and Tasks (the next actions). Served, audited, at
// GET /api/v1/pathway/patients/:id/fhir (docs/api.md).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pathway/events.hpp"
#include "pathway/patient.hpp"
#include "pathway/record.hpp"
#include "store/pathway_repository.hpp"

namespace carevoice::web {

class Router;

struct FhirPathway {
    pathway::PathwayRecord record;
    std::vector<pathway::Event> events;  // any order; superseded events are left out
    std::vector<store::PathwayAction> actions;
};

// The Bundle. Entries are "Type/id" (ids the same for the same record every time) under `base` (the server's
// public URL + "/fhir"; https://carevoice.invalid/fhir when none is configured), and refer to each other
// relatively. `timestamp` is a FHIR instant.
nlohmann::json FhirBundle(const pathway::Patient& patient, const std::vector<FhirPathway>& pathways,
                          const std::string& timestamp, const std::string& base);

void RegisterFhirRoutes(Router& router);

}  // namespace carevoice::web
