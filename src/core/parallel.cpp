#include "core/parallel.hpp"

#include <algorithm>
#include <thread>
#include <vector>

namespace carevoice {

std::size_t WorkersFor(std::size_t items, std::size_t items_per_worker) {
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    return std::max<std::size_t>(
        1, std::min({cores, kMaxWorkers, items / std::max<std::size_t>(1, items_per_worker) + 1}));
}

void RunSlices(std::size_t items, std::size_t workers,
               const std::function<void(std::size_t worker, std::size_t from, std::size_t to)>& work) {
    workers = std::max<std::size_t>(1, workers);
    const std::size_t slice = (items + workers - 1) / workers;
    auto run = [&](std::size_t w) { work(w, std::min(items, w * slice), std::min(items, (w + 1) * slice)); };
    std::vector<std::jthread> threads;
    for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(run, w);
    run(0);
    for (auto& t : threads) t.join();
}

}  // namespace carevoice
