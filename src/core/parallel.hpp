// Work split into contiguous slices run on the machine's cores: for computations over many independent
// items (every pathway's clocks), each slice writing only its own results.
#pragma once

#include <cstddef>
#include <functional>

namespace carevoice {

inline constexpr std::size_t kMaxWorkers = 8;

// How many workers `items` justify: one per `items_per_worker` (below that a thread costs more than it
// saves), at most the machine's cores and kMaxWorkers, at least one.
std::size_t WorkersFor(std::size_t items, std::size_t items_per_worker);

// Calls work(worker, from, to) for `workers` contiguous slices of [0, items), worker 0 on this thread and
// the others on their own; returns when every slice is done. `work` must not throw.
void RunSlices(std::size_t items, std::size_t workers,
               const std::function<void(std::size_t worker, std::size_t from, std::size_t to)>& work);

}  // namespace carevoice
