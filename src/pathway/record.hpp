// A pathway as the people coordinating it see it: a cancer pathway (referral route, date, tumour group) or
// an end-of-life pathway (cancer or not), its prime provider and the providers involved, its status, the
// named key worker (with the history of changes) and the 24/7 crisis contact, the told-once summary in the
// patient's words, the care plan, and the recorded preferences. Clocks come from its events (clocks.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/enum_names.hpp"
#include "core/status.hpp"
#include "pathway/events.hpp"

namespace carevoice::pathway {

enum class PathwayKind { kCancer, kEndOfLife };
inline constexpr std::array<EnumName<PathwayKind>, 2> kPathwayKinds = {{
    {PathwayKind::kCancer, "cancer", "Cancer pathway"},
    {PathwayKind::kEndOfLife, "end_of_life", "End-of-life care"},
}};

enum class PathwayStatus { kActive, kDischarged, kDied };
inline constexpr std::array<EnumName<PathwayStatus>, 3> kPathwayStatuses = {{
    {PathwayStatus::kActive, "active", "Active"},
    {PathwayStatus::kDischarged, "discharged", "Discharged"},
    {PathwayStatus::kDied, "died", "Died"},
}};

struct KeyWorker {
    std::string name;
    std::string role;                     // "Lung cancer clinical nurse specialist"
    std::string phone;                    // how the patient reaches them in working hours
    std::optional<std::int64_t> user_id;  // their carevoice account, if any
    std::int64_t assigned_at = 0;         // seconds since 1970
    std::string assigned_by;              // username
};

struct CrisisContact {
    std::string name;   // "Macmillan 24/7 line at the hospice"
    std::string phone;  // answered 24 hours a day, 7 days a week
};

// The told-once summary: what every provider involved sees, in the patient's words.
struct ToldOnceSummary {
    std::string about_me;
    std::string what_matters;
    std::string goals;
    std::string communication_needs;
};

// Preferences are recorded with who and when; "asked, not yet decided" is kept apart from "never asked"
// (a preference that was never recorded).
enum class PreferenceKind { kPlaceOfCare, kPlaceOfDeath, kCpr, kLastingPowerOfAttorney };
inline constexpr std::array<EnumName<PreferenceKind>, 4> kPreferenceKinds = {{
    {PreferenceKind::kPlaceOfCare, "place_of_care", "Preferred place of care"},
    {PreferenceKind::kPlaceOfDeath, "place_of_death", "Preferred place of death"},
    {PreferenceKind::kCpr, "cpr", "CPR decision"},
    {PreferenceKind::kLastingPowerOfAttorney, "lpa", "Lasting power of attorney"},
}};

// Coded places (place of care and of death).
enum class Place { kHome, kCareHome, kHospice, kHospital, kOther };
inline constexpr std::array<EnumName<Place>, 5> kPlaces = {{
    {Place::kHome, "home", "Home"},
    {Place::kCareHome, "care_home", "Care home"},
    {Place::kHospice, "hospice", "Hospice"},
    {Place::kHospital, "hospital", "Hospital"},
    {Place::kOther, "other", "Somewhere else"},
}};

enum class PreferenceState { kNotYetDecided, kDecided };

struct Preference {
    PreferenceKind kind = PreferenceKind::kPlaceOfCare;
    PreferenceState state = PreferenceState::kNotYetDecided;
    std::string value;   // a Place name for places; "attempt" / "do_not_attempt" for CPR; "yes" / "no" for LPA
    std::string detail;  // free text: "at home with my daughter", the attorney's name
    std::optional<CivilDate> review_on;  // CPR decisions are reviewed
    std::string recorded_by;
    std::int64_t recorded_at = 0;
};

struct PathwayRecord {
    std::int64_t id = 0;
    std::string ref;  // the pathway_id of the events layout
    std::int64_t patient_id = 0;
    PathwayKind kind = PathwayKind::kCancer;
    std::optional<Route> route;  // cancer pathways
    std::optional<CivilDate> referral_received_on;
    std::string tumour_group;    // "lung", "breast", … ; for end of life: "cancer" or the condition
    std::string prime_provider;  // ODS code
    PathwayStatus status = PathwayStatus::kActive;
    std::optional<KeyWorker> key_worker;
    std::vector<KeyWorker> key_worker_history;  // newest first, including the current one
    CrisisContact crisis_contact;
    ToldOnceSummary summary;
    std::string care_plan;
    std::vector<Preference> preferences;  // the latest of each kind
    std::optional<CivilDate> died_on;
    std::optional<Place> place_of_death;
};

// Problems with a pathway's own fields (not its events), named by field.
Status ValidatePathwayRecord(const PathwayRecord& record);
Status ValidatePreference(const Preference& preference);

// The latest preference of a kind, or none if it was never asked.
const Preference* LatestPreference(const PathwayRecord& record, PreferenceKind kind);

// Did the patient die where they wished? None when no place-of-death preference was decided before death.
std::optional<bool> DiedInPreferredPlace(const PathwayRecord& record);

}  // namespace carevoice::pathway
