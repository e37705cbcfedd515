// Maximum-weight bipartite b-matching: each left vertex is matched to at most one right vertex, each right
// vertex to at most its capacity, maximising the total weight of the chosen edges (not their number).
// Solved exactly as a min-cost flow by successive shortest paths (Dijkstra with potentials). Knows nothing
// about surveys; buddy.hpp builds on it.
#pragma once

#include <span>
#include <vector>

#include "core/status.hpp"

namespace carevoice::experience {

struct MatchEdge {
    int left = 0;
    int right = 0;
    double weight = 0;  // must be positive: an edge that cannot raise the total is better left out
};

// For each left vertex in 0..left_count−1, the right vertex it is matched to, or −1.
// O(left_count · E · log V). Fails on an edge naming a vertex out of range, a non-positive or non-finite weight,
// a duplicated edge or a negative capacity.
Result<std::vector<int>> MaxWeightBMatching(int left_count, std::span<const int> right_capacity,
                                            std::span<const MatchEdge> edges);

}  // namespace carevoice::experience
