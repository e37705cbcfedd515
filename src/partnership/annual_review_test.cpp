#include "partnership/annual_review.hpp"

#include <gtest/gtest.h>

#include "partnership/test_support.hpp"

namespace carevoice::partnership {
namespace {

using testing::D;

WorkItem Item(std::int64_t id, int year, WorkItemStatus status, std::string title, std::string aim) {
    WorkItem w;
    w.id = id;
    w.group_id = 7;
    w.programme_year = year;
    w.status = status;
    w.title = std::move(title);
    w.smart_aim = std::move(aim);
    w.deadline = D("2024-12-31");
    return w;
}

TEST(SeedNextYearTest, UnfinishedWorkThenFindingsBecomeNextYearsCandidates) {
    AnnualReview review;
    review.group_id = 7;
    review.programme_year = 2024;
    review.findings = {
        "Patients still find results letters hard to read.\nSeveral members said so at the March meeting.", "   ",
        "Members from rural areas said the 35 mile journey to the cancer centre for a short review appointment is "
        "the hardest part of follow-up care."};
    WorkItem cards = Item(5, 2024, WorkItemStatus::kInProgress, "CNS contact cards",
                          "By March 2025 every new patient leaves clinic with their CNS's card");
    cards.milestones = {{"Draft", D("2024-03-01"), D("2024-03-01")},
                        {"Print", D("2024-06-01"), D("2024-06-20")},
                        {"Audit", D("2024-12-01"), std::nullopt}};
    const std::vector<WorkItem> items = {cards, Item(3, 2024, WorkItemStatus::kPlanned, "Parking", ""),
                                         Item(4, 2024, WorkItemStatus::kDone, "Water cooler", "Done"),
                                         Item(6, 2023, WorkItemStatus::kInProgress, "Old", "Last year's")};

    const auto drafts = SeedNextYear(review, items);
    ASSERT_EQ(drafts.size(), 4u);
    for (const auto& d : drafts) {
        EXPECT_EQ(d.id, 0);
        EXPECT_EQ(d.group_id, 7);
        EXPECT_EQ(d.programme_year, 2025);
    }
    EXPECT_EQ(drafts[0].title, "Parking");
    EXPECT_EQ(drafts[0].origin, PriorityOrigin::kCarriedForward);
    EXPECT_EQ(drafts[0].carried_from_work_item_id, 3);
    EXPECT_EQ(drafts[0].description, "Carried forward from 2024: planned.");
    EXPECT_EQ(drafts[1].title, "CNS contact cards");
    EXPECT_EQ(drafts[1].description,
              "By March 2025 every new patient leaves clinic with their CNS's card\n\n"
              "Carried forward from 2024: in progress, 2 of 3 milestones done.");
    EXPECT_EQ(drafts[2].origin, PriorityOrigin::kReviewFinding);
    EXPECT_EQ(drafts[2].title, "Patients still find results letters hard to read.");
    EXPECT_EQ(drafts[2].description, review.findings[0]);
    EXPECT_FALSE(drafts[2].carried_from_work_item_id.has_value());
    // The first 80 characters end in "...for a sho"; the cut goes back to the last space.
    EXPECT_EQ(drafts[3].title, "Members from rural areas said the 35 mile journey to the cancer centre for a…");
}

TEST(SeedNextYearTest, AReviewWithNothingLeftSeedsNothing) {
    AnnualReview review;
    review.programme_year = 2024;
    EXPECT_TRUE(SeedNextYear(review, {}).empty());
}

}  // namespace
}  // namespace carevoice::partnership
