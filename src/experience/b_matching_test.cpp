#include "experience/b_matching.hpp"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace carevoice::experience {
namespace {

struct Instance {
    int left_count = 0;
    std::vector<int> capacity;
    std::vector<MatchEdge> edges;
};

// The best total over every assignment of each left vertex to nothing or one of its edges.
double BruteForceBest(const Instance& instance) {
    std::vector<std::vector<const MatchEdge*>> options(static_cast<std::size_t>(instance.left_count));
    for (const auto& edge : instance.edges) options[static_cast<std::size_t>(edge.left)].push_back(&edge);
    std::vector<int> load(instance.capacity.size(), 0);
    double best = 0;
    auto search = [&](auto&& self, int left, double total) -> void {
        if (left == instance.left_count) {
            best = std::max(best, total);
            return;
        }
        self(self, left + 1, total);  // unmatched
        for (const MatchEdge* edge : options[static_cast<std::size_t>(left)]) {
            auto& used = load[static_cast<std::size_t>(edge->right)];
            if (used == instance.capacity[static_cast<std::size_t>(edge->right)]) continue;
            ++used;
            self(self, left + 1, total + edge->weight);
            --used;
        }
    };
    search(search, 0, 0.0);
    return best;
}

double TotalOf(const Instance& instance, const std::vector<int>& matched) {
    double total = 0;
    for (const auto& edge : instance.edges) {
        if (matched[static_cast<std::size_t>(edge.left)] == edge.right) total += edge.weight;
    }
    return total;
}

bool WithinCapacity(const Instance& instance, const std::vector<int>& matched) {
    std::vector<int> load(instance.capacity.size(), 0);
    for (int right : matched) {
        if (right >= 0 &&
            ++load[static_cast<std::size_t>(right)] > instance.capacity[static_cast<std::size_t>(right)]) {
            return false;
        }
    }
    return true;
}

TEST(MaxWeightBMatchingTest, FindsTheBruteForceOptimumOn200RandomInstances) {
    std::mt19937 random(20190101);
    for (int round = 0; round < 200; ++round) {
        Instance instance;
        instance.left_count = std::uniform_int_distribution<int>(1, 6)(random);
        const int right_count = std::uniform_int_distribution<int>(1, 4)(random);
        for (int right = 0; right < right_count; ++right) {
            instance.capacity.push_back(std::uniform_int_distribution<int>(1, 2)(random));
        }
        std::bernoulli_distribution has_edge(0.6);
        std::uniform_real_distribution<double> weight(0.5, 40.0);
        for (int left = 0; left < instance.left_count; ++left) {
            for (int right = 0; right < right_count; ++right) {
                if (has_edge(random)) instance.edges.push_back({left, right, weight(random)});
            }
        }
        auto matched = MaxWeightBMatching(instance.left_count, instance.capacity, instance.edges);
        ASSERT_TRUE(matched.ok()) << matched.status().ToString();
        EXPECT_TRUE(WithinCapacity(instance, *matched)) << "round " << round;
        EXPECT_NEAR(TotalOf(instance, *matched), BruteForceBest(instance), 1e-9) << "round " << round;
    }
}

TEST(MaxWeightBMatchingTest, BeatsTheGreedyChoice) {
    // Greedy takes the heaviest edge (0,0) = 10 and stops at 10; the optimum pairs (0,1) and (1,0) for 18.
    const std::vector<int> capacity = {1, 1};
    const std::vector<MatchEdge> edges = {{0, 0, 10}, {0, 1, 9}, {1, 0, 9}};
    auto matched = MaxWeightBMatching(2, capacity, edges);
    ASSERT_TRUE(matched.ok());
    EXPECT_EQ(*matched, (std::vector<int>{1, 0}));
}

TEST(MaxWeightBMatchingTest, ARightVertexTakesNoMoreThanItsCapacity) {
    const std::vector<int> capacity = {2};
    const std::vector<MatchEdge> edges = {{0, 0, 5}, {1, 0, 7}, {2, 0, 6}};
    auto matched = MaxWeightBMatching(3, capacity, edges);
    ASSERT_TRUE(matched.ok());
    EXPECT_EQ(*matched, (std::vector<int>{-1, 0, 0}));
}

TEST(MaxWeightBMatchingTest, AVertexWithoutEdgesStaysUnmatched) {
    const std::vector<int> capacity = {1};
    const std::vector<MatchEdge> edges = {{1, 0, 3}};
    auto matched = MaxWeightBMatching(2, capacity, edges);
    ASSERT_TRUE(matched.ok());
    EXPECT_EQ(*matched, (std::vector<int>{-1, 0}));
}

TEST(MaxWeightBMatchingTest, RejectsANonPositiveWeight) {
    const std::vector<int> capacity = {1};
    const std::vector<MatchEdge> edges = {{0, 0, 0}};
    auto matched = MaxWeightBMatching(1, capacity, edges);
    ASSERT_FALSE(matched.ok());
    EXPECT_NE(matched.status().message().find("edge (0, 0) must have a positive weight"), std::string::npos);
}

TEST(MaxWeightBMatchingTest, RejectsAnEdgeToAMissingVertex) {
    const std::vector<int> capacity = {1};
    const std::vector<MatchEdge> edges = {{0, 1, 2}};
    EXPECT_FALSE(MaxWeightBMatching(1, capacity, edges).ok());
}

TEST(MaxWeightBMatchingTest, RejectsADuplicatedEdge) {
    const std::vector<int> capacity = {1};
    const std::vector<MatchEdge> edges = {{0, 0, 2}, {0, 0, 3}};
    EXPECT_FALSE(MaxWeightBMatching(1, capacity, edges).ok());
}

}  // namespace
}  // namespace carevoice::experience
