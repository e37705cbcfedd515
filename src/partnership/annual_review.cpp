#include "partnership/annual_review.hpp"

#include <algorithm>
#include <string>

#include "core/text.hpp"

namespace carevoice::partnership {
namespace {

std::string TitleOf(std::string_view finding) {
    std::string_view line = text::Trim(finding.substr(0, finding.find('\n')));
    if (line.size() <= kSeededTitleLength) return std::string(line);
    std::string_view cut = line.substr(0, kSeededTitleLength);
    const std::size_t space = cut.rfind(' ');
    if (space != std::string_view::npos && space > 0) {
        cut = cut.substr(0, space);
    } else {
        // No word boundary: at least do not split a UTF-8 character (continuation bytes are 10xxxxxx).
        std::size_t end = cut.size();
        while (end > 0 && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) --end;
        cut = cut.substr(0, end);
    }
    return std::string(text::Trim(cut)) + "…";
}

std::string Progress(const WorkItem& item) {
    const auto done = std::count_if(item.milestones.begin(), item.milestones.end(),
                                    [](const Milestone& m) { return m.done_on.has_value(); });
    std::string out = "Carried forward from " + std::to_string(item.programme_year) + ": " +
                      text::ToLower(LabelOf(kWorkItemStatuses, item.status));
    if (!item.milestones.empty()) {
        out += ", " + std::to_string(done) + " of " + std::to_string(item.milestones.size()) + " milestones done";
    }
    return out + ".";
}

}  // namespace

std::vector<CandidatePriority> SeedNextYear(const AnnualReview& review, std::span<const WorkItem> work_items) {
    std::vector<const WorkItem*> unfinished;
    for (const WorkItem& item : work_items) {
        if (item.programme_year == review.programme_year && !IsFinished(item.status)) unfinished.push_back(&item);
    }
    std::sort(unfinished.begin(), unfinished.end(), [](const WorkItem* a, const WorkItem* b) { return a->id < b->id; });

    std::vector<CandidatePriority> drafts;
    const int next_year = review.programme_year + 1;
    for (const WorkItem* item : unfinished) {
        CandidatePriority draft;
        draft.group_id = review.group_id;
        draft.programme_year = next_year;
        draft.title = item->title;
        draft.description = item->smart_aim.empty() ? Progress(*item) : item->smart_aim + "\n\n" + Progress(*item);
        draft.origin = PriorityOrigin::kCarriedForward;
        draft.carried_from_work_item_id = item->id;
        drafts.push_back(std::move(draft));
    }
    for (const std::string& finding : review.findings) {
        if (text::Trim(finding).empty()) continue;
        CandidatePriority draft;
        draft.group_id = review.group_id;
        draft.programme_year = next_year;
        draft.title = TitleOf(finding);
        draft.description = std::string(text::Trim(finding));
        draft.origin = PriorityOrigin::kReviewFinding;
        drafts.push_back(std::move(draft));
    }
    return drafts;
}

}  // namespace carevoice::partnership
