// Demo data for the pathway (issue 9): a Staffordshire-like area, synthetic everywhere it shows. The four
// CCG areas of the Staffordshire programme (shared/domain/001_*.txt) by their real codes and names; an
// invented cancer prime provider and an invented end-of-life prime provider, each with several invented
// providers (ODS-like codes starting with Z, which no real organisation uses); coordinator accounts linked to
// their organisation; key workers; a year of cancer and end-of-life pathways with transfers, breaches, both
// kinds of adjustment, things that raise "lost in the system" alerts, and deaths with and without a recorded
// preference. Patients are invented: NHS numbers from the 999 range NHS Digital keeps for testing (each passes
// the modulus-11 check), and family names that end "(invented)". Never real patients.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/clock.hpp"
#include "core/status.hpp"
#include "pathway/events.hpp"
#include "pathway/patient.hpp"
#include "pathway/record.hpp"
#include "store/sql.hpp"

namespace carevoice::demo {

struct DemoOrganisation {
    const char* code;
    const char* name;
    const char* level;   // "ccg" or "other"
    const char* parent;  // code of the prime provider, or ""
};

// The four CCG areas (real codes and names), then the invented prime providers and their providers.
inline constexpr std::array<DemoOrganisation, 4> kDemoAreas = {{
    {"05G", "NHS North Staffordshire CCG", "ccg", ""},
    {"05W", "NHS Stoke on Trent CCG", "ccg", ""},
    {"05V", "NHS Stafford and Surrounds CCG", "ccg", ""},
    {"04Y", "NHS Cannock Chase CCG", "ccg", ""},
}};
inline constexpr const char* kCancerPrime = "ZC1";
inline constexpr const char* kEndOfLifePrime = "ZE1";
inline constexpr std::array<DemoOrganisation, 8> kDemoProviders = {{
    {"ZC1", "Staffordshire Cancer Prime Provider (synthetic demo)", "other", ""},
    {"ZC2", "North Midlands University Hospitals (synthetic demo)", "other", "ZC1"},
    {"ZC3", "Mid Staffordshire County Hospital (synthetic demo)", "other", "ZC1"},
    {"ZC4", "Regional Cancer Centre (synthetic demo)", "other", "ZC1"},
    {"ZE1", "Staffordshire End of Life Prime Provider (synthetic demo)", "other", ""},
    {"ZE2", "Moorlands Hospice (synthetic demo)", "other", "ZE1"},
    {"ZE3", "County Community Nursing (synthetic demo)", "other", "ZE1"},
    {"ZE4", "Trentside Care Homes (synthetic demo)", "other", "ZE1"},
}};

// The demo's coordinator accounts: 'coordinator' belongs to the cancer prime provider, 'eolcoordinator' to
// the end-of-life prime provider (both created by `carevoice demo` with the other demo accounts).
inline constexpr const char* kCancerCoordinator = "coordinator";
inline constexpr const char* kEndOfLifeCoordinator = "eolcoordinator";

// A generated pathway with its patient (ids not yet known) and its events.
struct DemoPathway {
    pathway::Patient patient;
    pathway::PathwayRecord record;  // patient_id filled when stored
    std::vector<pathway::Event> events;
    bool unacknowledged_alert = false;  // an alert the demo leaves for a coordinator to see
};

// The whole demo, generated from a fixed seed and `today`: the same day always gives the same data.
std::vector<DemoPathway> GeneratePathwayDemo(CivilDate today);

// An NHS number from the 999 test range whose modulus-11 check digit is valid: the n-th such number.
std::string SyntheticNhsNumber(int n);

// Stores the organisations, links the coordinator accounts when they exist, and stores every pathway with
// its patient, events, preferences, next actions and an acknowledged alert — in one transaction of its own
// (call it outside a transaction). Does nothing when the cancer prime provider's pathways exist already.
Status FillPathwayDemo(store::Connection& conn, const Clock& clock);

}  // namespace carevoice::demo
