#include "partnership/work_programme.hpp"

#include <set>

#include "core/problems.hpp"
#include "core/text.hpp"

namespace carevoice::partnership {
namespace {

void CheckYear(int year, Problems& problems) {
    if (year < kEarliestProgrammeYear || year > kLatestProgrammeYear) {
        problems.Add("programme_year", "must be between " + std::to_string(kEarliestProgrammeYear) + " and " +
                                           std::to_string(kLatestProgrammeYear) + ", not " + std::to_string(year));
    }
}

}  // namespace

bool IsCpesQuestionCode(std::string_view q) {
    if (q.size() < 2 || q[0] != 'Q') return false;
    for (char c : q.substr(1)) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

Status ValidateEvidenceItem(const EvidenceItem& item) {
    Problems problems;
    CheckYear(item.programme_year, problems);
    problems.RequireText("summary", item.summary);
    if (NeedsCpesReference(item.kind) && !item.cpes) {
        problems.Add("cpes", "is required for evidence of kind '" + std::string(NameOf(kEvidenceKinds, item.kind)) +
                                 "': give the organisation code, survey year and question");
    }
    if (item.cpes) {
        problems.RequireText("cpes.org_code", item.cpes->org_code);
        if (item.cpes->year < kEarliestCpesYear || item.cpes->year > kLatestProgrammeYear) {
            problems.Add("cpes.year", "must be a survey year from " + std::to_string(kEarliestCpesYear) + ", not " +
                                          std::to_string(item.cpes->year));
        }
        if (!IsCpesQuestionCode(item.cpes->question)) {
            problems.Add("cpes.question", "'" + item.cpes->question + "' is not a question number such as Q17");
        }
    }
    return problems.ToStatus("the evidence item");
}

Status ValidateCandidatePriority(const CandidatePriority& priority) {
    Problems problems;
    CheckYear(priority.programme_year, problems);
    problems.RequireText("title", priority.title);
    if (priority.origin == PriorityOrigin::kCarriedForward && !priority.carried_from_work_item_id) {
        problems.Add("carried_from_work_item_id", "is required for a priority carried forward from a work item");
    }
    std::set<std::int64_t> seen;
    for (std::int64_t id : priority.evidence_ids) {
        if (!seen.insert(id).second) problems.Add("evidence_ids", "lists evidence " + std::to_string(id) + " twice");
    }
    return problems.ToStatus("the candidate priority");
}

Status ValidateWorkItem(const WorkItem& item) {
    Problems problems;
    CheckYear(item.programme_year, problems);
    problems.RequireText("title", item.title);
    problems.RequireText("smart_aim", item.smart_aim);
    for (std::size_t at = 0; at < item.milestones.size(); ++at) {
        const Milestone& milestone = item.milestones[at];
        problems.RequireText(Field("milestones", at, "description"), milestone.description);
        if (milestone.due_on > item.deadline) {
            problems.Add(Field("milestones", at, "due_on"), "(" + milestone.due_on.ToString() +
                                                                ") is after the work item's deadline (" +
                                                                item.deadline.ToString() + ")");
        }
    }
    return problems.ToStatus("the work item");
}

Status ValidateAnnualReview(const AnnualReview& review) {
    Problems problems;
    CheckYear(review.programme_year, problems);
    if (review.findings.empty()) problems.Add("findings", "are required: what did the year's work find?");
    for (std::size_t at = 0; at < review.findings.size(); ++at) {
        if (text::Trim(review.findings[at]).empty()) problems.Add(Field("findings", at), "is empty");
    }
    return problems.ToStatus("the annual review");
}

}  // namespace carevoice::partnership
