// The yearly work programme (report §5.4, Figure 4): evidence of patients' priorities and
// experiences, candidate priorities drawn from it, the work items the group signs up to (with the
// people, systems and funding they need and dates to meet), and the annual review whose findings
// feed the next year. Voting is in voting.hpp; carrying forward in annual_review.hpp.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/enum_names.hpp"
#include "core/status.hpp"

namespace carevoice::partnership {

enum class EvidenceKind {
    kSurveyBelowExpected,  // a CPES item where the trust is rated below its expected range
    kWorseningTrend,       // a CPES item getting worse year on year
    kEquityGap,            // a difference between groups of patients or places
    kCommentTheme,         // a theme in patients' free-text comments
    kAuditFinding,         // e.g. an environmental audit's fail
    kMemberExperience,     // what a member lived through
};

inline constexpr std::array<EnumName<EvidenceKind>, 6> kEvidenceKinds = {{
    {EvidenceKind::kSurveyBelowExpected, "survey_below_expected", "Survey item below expected"},
    {EvidenceKind::kWorseningTrend, "worsening_trend", "Worsening trend"},
    {EvidenceKind::kEquityGap, "equity_gap", "Equity gap"},
    {EvidenceKind::kCommentTheme, "comment_theme", "Comment theme"},
    {EvidenceKind::kAuditFinding, "audit_finding", "Audit finding"},
    {EvidenceKind::kMemberExperience, "member_experience", "Member experience"},
}};

// The two survey kinds point at one stored CPES result.
constexpr bool NeedsCpesReference(EvidenceKind kind) {
    return kind == EvidenceKind::kSurveyBelowExpected || kind == EvidenceKind::kWorseningTrend;
}

// A published CPES result: organisation (ODS code), survey year and question ("Q1" ... "Q59").
struct CpesReference {
    std::string org_code;
    int year = 0;
    std::string question;
    bool operator==(const CpesReference&) const = default;
};

struct EvidenceItem {
    std::int64_t id = 0;
    std::int64_t group_id = 0;
    int programme_year = 0;  // the year of the programme it informs
    EvidenceKind kind = EvidenceKind::kMemberExperience;
    std::string summary;    // free text
    std::string reference;  // optional: a report, a link, a page of comments
    std::optional<CpesReference> cpes;
    CivilDate recorded_on;
};

enum class PriorityOrigin { kNew, kCarriedForward, kReviewFinding };

inline constexpr std::array<EnumName<PriorityOrigin>, 3> kPriorityOrigins = {{
    {PriorityOrigin::kNew, "new", "New"},
    {PriorityOrigin::kCarriedForward, "carried_forward", "Carried forward from last year"},
    {PriorityOrigin::kReviewFinding, "review_finding", "From last year's review"},
}};

struct CandidatePriority {
    std::int64_t id = 0;
    std::int64_t group_id = 0;
    int programme_year = 0;
    std::string title;
    std::string description;
    PriorityOrigin origin = PriorityOrigin::kNew;
    std::optional<std::int64_t> carried_from_work_item_id;  // for kCarriedForward
    std::vector<std::int64_t> evidence_ids;
};

enum class WorkItemStatus { kPlanned, kInProgress, kDone, kStopped };

inline constexpr std::array<EnumName<WorkItemStatus>, 4> kWorkItemStatuses = {{
    {WorkItemStatus::kPlanned, "planned", "Planned"},
    {WorkItemStatus::kInProgress, "in_progress", "In progress"},
    {WorkItemStatus::kDone, "done", "Done"},
    {WorkItemStatus::kStopped, "stopped", "Stopped"},
}};

constexpr bool IsFinished(WorkItemStatus status) {
    return status == WorkItemStatus::kDone || status == WorkItemStatus::kStopped;
}

struct Milestone {
    std::string description;
    CivilDate due_on;
    std::optional<CivilDate> done_on;
    bool operator==(const Milestone&) const = default;
};

// A piece of the programme the group signs up to: a SMART aim (specific, measurable, achievable,
// relevant, time-bound), an owner, and the people, systems and funding it needs (§5.4).
struct WorkItem {
    std::int64_t id = 0;
    std::int64_t group_id = 0;
    int programme_year = 0;
    std::optional<std::int64_t> priority_id;
    std::string title;
    std::string smart_aim;
    std::optional<std::int64_t> owner_person_id;
    std::string people_needed;
    std::string systems_needed;
    std::string funding_needed;
    std::vector<Milestone> milestones;
    CivilDate deadline;
    WorkItemStatus status = WorkItemStatus::kPlanned;
};

// At the end of the year, what was found: fed back to members and into next year (§5.4).
struct AnnualReview {
    std::int64_t id = 0;
    std::int64_t group_id = 0;
    int programme_year = 0;
    CivilDate reviewed_on;
    std::vector<std::string> findings;
};

inline constexpr int kEarliestProgrammeYear = 2000;
inline constexpr int kLatestProgrammeYear = 2100;
// CPES began in 2010 (its first national results).
inline constexpr int kEarliestCpesYear = 2010;

// "Q" followed by digits, as CPES numbers its questions ("Q1" ... "Q59").
bool IsCpesQuestionCode(std::string_view question);

// Names every problem: programme_year; summary; cpes (required for the survey kinds);
// cpes.org_code; cpes.year; cpes.question ("Q" and a number).
Status ValidateEvidenceItem(const EvidenceItem& item);
// Names every problem: programme_year; title; carried_from_work_item_id (required when carried
// forward); evidence_ids (repeated).
Status ValidateCandidatePriority(const CandidatePriority& priority);
// Names every problem: programme_year; title; smart_aim; milestones[N].description;
// milestones[N].due_on (after the deadline).
Status ValidateWorkItem(const WorkItem& item);
// Names every problem: programme_year; findings (none); findings[N] (empty).
Status ValidateAnnualReview(const AnnualReview& review);

}  // namespace carevoice::partnership
