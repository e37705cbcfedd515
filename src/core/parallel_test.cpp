#include "core/parallel.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <vector>

namespace carevoice {
namespace {

TEST(ParallelTest, EverySliceIsRunOnceAndTheSlicesCoverEveryItemOnce) {
    for (std::size_t items : {0u, 1u, 7u, 1000u, 1001u}) {
        for (std::size_t workers : {1u, 2u, 3u, 8u}) {
            std::vector<int> seen(items, 0);
            std::vector<int> ran(workers, 0);
            RunSlices(items, workers, [&](std::size_t w, std::size_t from, std::size_t to) {
                ++ran[w];
                for (std::size_t i = from; i < to; ++i) ++seen[i];
            });
            EXPECT_EQ(std::accumulate(ran.begin(), ran.end(), 0), static_cast<int>(workers));
            for (std::size_t i = 0; i < items; ++i) ASSERT_EQ(seen[i], 1) << items << " items, " << workers;
        }
    }
}

TEST(ParallelTest, FewItemsGetOneWorkerAndManyAtMostTheCap) {
    EXPECT_EQ(WorkersFor(0, 100), 1u);
    EXPECT_EQ(WorkersFor(99, 100), 1u);
    EXPECT_LE(WorkersFor(100'000'000, 100), kMaxWorkers);
    EXPECT_GE(WorkersFor(100'000'000, 100), 1u);
}

}  // namespace
}  // namespace carevoice
