// Environmental audits: a team of members, many of them users, walks a clinic with a checklist and
// rates each item; the scores per area say where the environment falls short, and each fail becomes a
// draft action for the people who can get it changed (the Milton Keynes partnership's "very
// successful and popular activity"). Re-audits are compared in reaudit.hpp.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/civil_date.hpp"
#include "core/enum_names.hpp"
#include "core/status.hpp"
#include "partnership/checklist.hpp"
#include "partnership/meeting.hpp"
#include "partnership/person.hpp"

namespace carevoice::partnership {

enum class ItemRating { kPass, kQualifiedPass, kFail, kNotApplicable };

inline constexpr std::array<EnumName<ItemRating>, 4> kItemRatings = {{
    {ItemRating::kPass, "pass", "Pass"},
    {ItemRating::kQualifiedPass, "qualified_pass", "Qualified pass"},
    {ItemRating::kFail, "fail", "Fail"},
    {ItemRating::kNotApplicable, "not_applicable", "Not applicable"},
}};

struct RatedItem {
    std::string item_code;
    ItemRating rating = ItemRating::kPass;
    std::string comment;  // the reason; required for a fail, welcome for a qualified pass
    bool operator==(const RatedItem&) const = default;
};

struct EnvironmentalAudit {
    std::int64_t id = 0;
    std::int64_t group_id = 0;
    std::string site;               // e.g. "Oncology outpatients, Milton Keynes University Hospital"
    std::string organisation_code;  // ODS code of the trust, optional
    CivilDate audited_on;
    std::string template_key;
    std::vector<std::int64_t> team;  // person ids
    std::vector<RatedItem> ratings;  // items left out are "not rated" (an audit entered in stages)
    std::string notes;
};

// Names every problem: site; template_key (not the template's); team (empty, or a person twice);
// ratings[CODE] (not an item of the template, or rated twice); ratings[CODE].reason (a fail without one).
Status ValidateEnvironmentalAudit(const EnvironmentalAudit& audit, const ChecklistTemplate& checklist);

// How a qualified pass counts: as half a pass. A qualified pass means the item is met with a
// shortcoming a patient would notice (signs there but hard to read); counting it whole would hide the
// shortcoming and counting it as a fail would ignore what is there. Half is carevoice's choice; PLACE
// forms weigh qualified passes differently from one domain to another.
inline constexpr double kQualifiedPassWeight = 0.5;

struct AreaScore {
    std::string area;
    int pass = 0;
    int qualified_pass = 0;
    int fail = 0;
    int not_applicable = 0;
    int not_rated = 0;
    // 100 × (pass + kQualifiedPassWeight × qualified_pass) / (pass + qualified_pass + fail): not
    // applicable and not rated items are left out. None when no item of the area was rated applicable.
    std::optional<double> percent;
};

struct AuditScore {
    std::vector<AreaScore> areas;  // in the template's order
    AreaScore overall;             // every item of the template, area "Overall"
};

// Ratings of codes the template does not have are ignored (ValidateEnvironmentalAudit refuses them).
AuditScore ScoreAudit(const EnvironmentalAudit& audit, const ChecklistTemplate& checklist);

// The share (0 to 1) of the audit team who are users or carers; none for an empty team. A team member
// not among `people` counts in the team but not as a user.
std::optional<double> LayAuditorShare(const EnvironmentalAudit& audit, std::span<const Person> people);

// One open action per fail, in the template's order, for the audit's group and linked to the audit:
// "Waiting area — Drinking water is available: <reason> (environmental audit of <site>, <date>)".
// Owner unset; due on `due_on` if given.
std::vector<Action> ActionDraftsFromFails(const EnvironmentalAudit& audit, const ChecklistTemplate& checklist,
                                          std::optional<CivilDate> due_on = std::nullopt);

}  // namespace carevoice::partnership
