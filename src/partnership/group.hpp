// A partnership group: users and professionals working as equals to improve cancer services in an
// area, organised on one of the models of the 2009 report (§6.2.8, after Sitzia et al. 2004), with
// its links to the bodies it sends representatives to, and the roles of carevoice users in it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/enum_names.hpp"
#include "core/status.hpp"

namespace carevoice::partnership {

enum class AreaKind { kCancerAlliance, kNetwork, kLocality };

inline constexpr std::array<EnumName<AreaKind>, 3> kAreaKinds = {{
    {AreaKind::kCancerAlliance, "cancer_alliance", "Cancer alliance"},
    {AreaKind::kNetwork, "network", "Cancer network"},
    {AreaKind::kLocality, "locality", "Locality"},
}};

// The report's models (§6.2.8). The label is the report's "summary characteristics".
enum class GroupModel { kA, kB, kC, kD, kE };

inline constexpr std::array<EnumName<GroupModel>, 5> kGroupModels = {{
    {GroupModel::kA, "A",
     "Stand-alone, non-network locality group with no representation on Cancer Network Board level, or "
     "equivalent, groups"},
    {GroupModel::kB, "B",
     "Locality groups each with separate representation on Cancer Network Board level, or "
     "equivalent, groups"},
    {GroupModel::kC, "C",
     "Non-network locality groups represented on Cancer Network Board level, or equivalent, groups through an "
     "intermediary network \"Chairs' Group\""},
    {GroupModel::kD, "D",
     "Linked, network locality groups with co-ordinated representation on Cancer Network "
     "Board level, or equivalent, groups"},
    {GroupModel::kE, "E",
     "Single network-level Partnership Group with representation on Cancer Network Board "
     "level, or equivalent, groups"},
}};

// The bodies a group links to (§4.3.3, §6.2.9 "Areas of work").
enum class LinkedBodyKind { kNetworkBoard, kTumourSiteGroup, kCrossCuttingGroup, kLocalityUserGroup, kOther };

inline constexpr std::array<EnumName<LinkedBodyKind>, 5> kLinkedBodyKinds = {{
    {LinkedBodyKind::kNetworkBoard, "network_board", "Network or alliance board"},
    {LinkedBodyKind::kTumourSiteGroup, "tumour_site_group", "Tumour-site (site-specific) group"},
    {LinkedBodyKind::kCrossCuttingGroup, "cross_cutting_group", "Cross-cutting group"},
    {LinkedBodyKind::kLocalityUserGroup, "locality_user_group", "Locality user group"},
    {LinkedBodyKind::kOther, "other", "Other body"},
}};

struct GroupLink {
    std::int64_t id = 0;
    LinkedBodyKind kind = LinkedBodyKind::kNetworkBoard;
    std::string body_name;                         // e.g. "Thames Valley Cancer Alliance Board"
    std::vector<std::int64_t> representative_ids;  // people of the group who represent it there
};

// The report's questionnaire (§6.2.8) asks that a group matching none of the models describes
// itself; so `model` is optional and `model_description` is then required.
struct Group {
    std::int64_t id = 0;
    std::string name;
    AreaKind area_kind = AreaKind::kLocality;
    std::string area_name;  // e.g. "Milton Keynes"
    std::optional<GroupModel> model;
    std::string model_description;
    std::optional<int> year_founded;
    std::optional<int> meeting_interval_weeks;  // "every six weeks to three months" (§4.1.1): 6 to 13
    std::vector<GroupLink> links;
    // How someone who wants to join reaches the group: its own contact routes (usually the
    // facilitator's office), never a member's. Many who would join have no internet, so the public
    // page gives the postal address and phone number first. Each may be empty.
    std::string contact_postal_address;
    std::string contact_phone;
    std::string contact_email;
};

// No partnership group of NHS cancer services predates the NHS (founded 1948).
inline constexpr int kEarliestYearFounded = 1948;
inline constexpr int kLatestYearFounded = 2100;
inline constexpr int kMaxMeetingIntervalWeeks = 52;

// Names every problem: name, area_name, model_description (when no model), year_founded,
// meeting_interval_weeks, links[N].body_name, links[N].representative_ids (repeated), contact_email
// (not an e-mail address), contact_phone (fewer than 6 digits).
Status ValidateGroup(const Group& group);

// A carevoice user's role in one group, which the web layer turns into permissions: facilitators and
// chairs manage their own group; members see their group's pages.
enum class GroupRole { kFacilitator, kChair, kMember };

inline constexpr std::array<EnumName<GroupRole>, 3> kGroupRoles = {{
    {GroupRole::kFacilitator, "facilitator", "Facilitator"},
    {GroupRole::kChair, "chair", "Chair"},
    {GroupRole::kMember, "member", "Member"},
}};

// True for the roles that may change the group's records.
constexpr bool ManagesGroup(GroupRole role) { return role == GroupRole::kFacilitator || role == GroupRole::kChair; }

}  // namespace carevoice::partnership
