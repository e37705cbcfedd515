// The last step of the yearly cycle (§5.4, Figure 4): the annual review's findings, and whatever was
// not finished, become next year's candidate priorities.
#pragma once

#include <span>
#include <vector>

#include "partnership/work_programme.hpp"

namespace carevoice::partnership {

// Drafts (id 0) for year review.programme_year + 1, in this order:
// - each work item of the review's year that is neither done nor stopped, carried forward with its
//   title, its aim as description followed by how far it got ("Carried forward from 2024: in progress,
//   2 of 3 milestones done."), and carried_from_work_item_id; by work item id;
// - each finding, as a priority of origin kReviewFinding whose title is the finding's first line cut to
//   at most kSeededTitleLength bytes at a word boundary ("…" marks a cut) and whose description is the
//   whole finding; in the review's order.
std::vector<CandidatePriority> SeedNextYear(const AnnualReview& review, std::span<const WorkItem> work_items);

inline constexpr std::size_t kSeededTitleLength = 80;

}  // namespace carevoice::partnership
