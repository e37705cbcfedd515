// The facilitator's view of who the group is, against who it speaks for: membership by diversity
// category beside the population profile the group entered, seldom-heard groups that are missing,
// the users-to-professionals ratio, the spread of tumour types, members in or just after treatment,
// and members who have lapsed. Internal to the group: counts are not suppressed here (see
// publication.hpp for anything public).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/status.hpp"
#include "partnership/meeting.hpp"
#include "partnership/person.hpp"

namespace carevoice::partnership {

// One line of the population the group serves, e.g. {kEthnicGroup, "asian", 0.097}: 9.7% of the
// local population (or of its cancer patients) are Asian or Asian British.
struct ProfileEntry {
    DiversityDimension dimension = DiversityDimension::kEthnicGroup;
    std::string category;
    double expected_share = 0;  // 0 to 1
};
using PopulationProfile = std::vector<ProfileEntry>;

// Shares add up to at most 1 per dimension, allowing for rounding of the figures a group copies in.
inline constexpr double kShareSumTolerance = 0.005;

// Names every problem: profile[N].category (unknown for its dimension, or given twice),
// profile[N].expected_share (outside 0..1, or the dimension's shares add up to more than 1).
Status ValidatePopulationProfile(const PopulationProfile& profile);

struct DiversityOptions {
    // A category is "seldom heard and missing" when at least this share of the population belongs to
    // it and no member does.
    double seldom_heard_min_share = 0.05;
    // A member who attended none of the last N meetings held since they joined has lapsed.
    int lapsed_after_meetings = 3;
};

struct CategoryCount {
    std::string category;
    std::string label;
    int members = 0;
    std::optional<double> share;           // members / lay members who answered; none if nobody did
    std::optional<double> expected_share;  // from the profile, if it has the category
    bool seldom_heard_missing = false;
};

struct DimensionView {
    DiversityDimension dimension = DiversityDimension::kEthnicGroup;
    int answered = 0;
    int not_answered = 0;                   // no consent, or chose not to answer
    std::vector<CategoryCount> categories;  // every category of the dimension, in its order
};

struct TumourCount {
    std::string tumour_group;
    int members = 0;
};

enum class LapseReason { kLeft, kNoRecentAttendance };

struct LapsedMember {
    std::int64_t person_id = 0;
    std::string name;
    LapseReason reason = LapseReason::kLeft;
    std::optional<CivilDate> left_on;
    std::optional<CivilDate> last_attended;  // none if never
};

struct DiversityView {
    int members = 0;  // current members
    int lay = 0;
    int professionals = 0;
    int voluntary_sector = 0;
    std::optional<double> users_per_professional;   // lay / professionals; none without professionals
    std::vector<DimensionView> dimensions;          // in kDiversityDimensions order
    std::vector<std::string> seldom_heard_missing;  // "Ethnic group: Black, Black British, ..." labels
    std::vector<TumourCount> tumour_spread;         // every CPES tumour group, most members first
    int in_or_just_after_treatment = 0;
    std::vector<LapsedMember> lapsed;  // left (newest first), then no recent attendance (by name)
};

// The choices made here:
// - "Members" are those who are members today (IsMemberOn). Diversity, tumour spread and treatment
//   stage describe the lay members only: the profile is of the population the group speaks for, and the
//   report's concern (§4.6.1, §5.6.1) is which users are missing, not which staff.
// - A category's share is of the lay members who answered that question, so that members who did not
//   answer neither dilute nor inflate it; `not_answered` shows how many those are.
// - Lapsed: everyone who has left, and current members who attended none of the last
//   `lapsed_after_meetings` meetings held (on or before today) since they joined. A member who joined
//   fewer meetings ago than that has not lapsed yet.
// Fails if the profile or options are invalid.
Result<DiversityView> BuildDiversityView(std::span<const Person> people, std::span<const Meeting> meetings,
                                         const PopulationProfile& profile, CivilDate today,
                                         const DiversityOptions& options = {});

}  // namespace carevoice::partnership
