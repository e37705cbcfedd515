#include "partnership/action_list.hpp"

#include <gtest/gtest.h>

#include "partnership/test_support.hpp"

namespace carevoice::partnership {
namespace {

using testing::D;

Action Open(std::int64_t id, std::optional<std::string_view> due) {
    Action a;
    a.id = id;
    a.description = "action " + std::to_string(id);
    if (due) a.due_on = D(*due);
    return a;
}

Action Closed(std::int64_t id, ActionStatus status, std::optional<std::string_view> closed) {
    Action a = Open(id, "2024-01-01");
    a.status = status;
    if (closed) a.closed_on = D(*closed);
    return a;
}

TEST(ActionListTest, OverdueFirstThenDueThenUndatedThenClosed) {
    const std::vector<Action> actions = {Open(1, "2024-05-01"),
                                         Open(2, "2024-04-01"),
                                         Open(3, "2024-05-10"),
                                         Open(4, "2024-06-01"),
                                         Open(5, std::nullopt),
                                         Closed(6, ActionStatus::kDone, "2024-05-05"),
                                         Closed(7, ActionStatus::kDropped, "2024-05-08"),
                                         Closed(8, ActionStatus::kDone, std::nullopt),
                                         Open(9, std::nullopt)};
    const auto list = OrderActionList(actions, D("2024-05-10"));
    std::vector<std::int64_t> ids;
    for (const auto& entry : list) ids.push_back(entry.action.id);
    EXPECT_EQ(ids, (std::vector<std::int64_t>{2, 1, 3, 4, 5, 9, 7, 6, 8}));
    EXPECT_TRUE(list[0].overdue);
    EXPECT_EQ(list[0].days_overdue, 39);  // 1 April to 10 May
    EXPECT_EQ(list[1].days_overdue, 9);
    EXPECT_FALSE(list[2].overdue);  // due today
    EXPECT_FALSE(list[6].overdue);  // closed actions are never overdue
}

TEST(ActionListTest, AnEmptyListStaysEmpty) { EXPECT_TRUE(OrderActionList({}, D("2024-05-10")).empty()); }

}  // namespace
}  // namespace carevoice::partnership
