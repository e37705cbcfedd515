#include "experience/b_matching.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <set>
#include <string>
#include <utility>

namespace carevoice::experience {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// An augmenting path must lower the cost by more than this to be taken; far below any weight difference
// that means something (scores are published to 0.01).
constexpr double kImprovementEpsilon = 1e-9;

// A residual network: each arc has a partner arc in the opposite direction (arc index ^ 1).
class FlowNetwork {
  public:
    explicit FlowNetwork(int nodes) : out_(static_cast<std::size_t>(nodes)) {}

    void AddArc(int from, int to, int capacity, double cost) {
        out_[static_cast<std::size_t>(from)].push_back(static_cast<int>(arcs_.size()));
        arcs_.push_back({to, capacity, cost});
        out_[static_cast<std::size_t>(to)].push_back(static_cast<int>(arcs_.size()));
        arcs_.push_back({from, 0, -cost});
    }

    struct Arc {
        int to;
        int capacity;
        double cost;
    };
    std::vector<Arc>& arcs() { return arcs_; }
    const std::vector<int>& Out(int node) const { return out_[static_cast<std::size_t>(node)]; }
    int size() const { return static_cast<int>(out_.size()); }

  private:
    std::vector<Arc> arcs_;
    std::vector<std::vector<int>> out_;
};

// Successive shortest paths from `source` to `sink`, one unit at a time, while a path lowers the total cost.
// `potential` must make every residual arc's reduced cost non-negative on entry.
void MinCostFlow(FlowNetwork& network, int source, int sink, std::vector<double> potential) {
    const auto nodes = static_cast<std::size_t>(network.size());
    std::vector<double> distance(nodes);
    std::vector<int> via_arc(nodes);
    using Entry = std::pair<double, int>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    auto& arcs = network.arcs();
    while (true) {
        std::fill(distance.begin(), distance.end(), kInfinity);
        std::fill(via_arc.begin(), via_arc.end(), -1);
        distance[static_cast<std::size_t>(source)] = 0;
        queue.push({0, source});
        while (!queue.empty()) {
            auto [d, node] = queue.top();
            queue.pop();
            if (d > distance[static_cast<std::size_t>(node)]) continue;
            for (int arc_index : network.Out(node)) {
                const auto& arc = arcs[static_cast<std::size_t>(arc_index)];
                if (arc.capacity <= 0) continue;
                // Rounding can make a reduced cost a hair negative; Dijkstra needs it non-negative.
                const double reduced = std::max(0.0, arc.cost + potential[static_cast<std::size_t>(node)] -
                                                         potential[static_cast<std::size_t>(arc.to)]);
                if (d + reduced < distance[static_cast<std::size_t>(arc.to)]) {
                    distance[static_cast<std::size_t>(arc.to)] = d + reduced;
                    via_arc[static_cast<std::size_t>(arc.to)] = arc_index;
                    queue.push({d + reduced, arc.to});
                }
            }
        }
        const auto sink_at = static_cast<std::size_t>(sink);
        if (distance[sink_at] == kInfinity) return;
        const double path_cost = distance[sink_at] + potential[sink_at] - potential[static_cast<std::size_t>(source)];
        if (path_cost >= -kImprovementEpsilon) return;  // no path lowers the cost: optimal
        for (std::size_t node = 0; node < nodes; ++node) {
            if (distance[node] < kInfinity) potential[node] += distance[node];
        }
        for (int node = sink; node != source;) {
            const int arc_index = via_arc[static_cast<std::size_t>(node)];
            arcs[static_cast<std::size_t>(arc_index)].capacity -= 1;
            arcs[static_cast<std::size_t>(arc_index ^ 1)].capacity += 1;
            node = arcs[static_cast<std::size_t>(arc_index ^ 1)].to;
        }
    }
}

Status CheckInput(int left_count, std::span<const int> right_capacity, std::span<const MatchEdge> edges) {
    if (left_count < 0) return Status::InvalidArgument("the number of left vertices cannot be negative");
    const int right_count = static_cast<int>(right_capacity.size());
    for (int right = 0; right < right_count; ++right) {
        if (right_capacity[static_cast<std::size_t>(right)] < 0) {
            return Status::InvalidArgument("right vertex " + std::to_string(right) + " has a negative capacity");
        }
    }
    std::set<std::pair<int, int>> seen;
    for (const auto& edge : edges) {
        const std::string name = "edge (" + std::to_string(edge.left) + ", " + std::to_string(edge.right) + ")";
        if (edge.left < 0 || edge.left >= left_count || edge.right < 0 || edge.right >= right_count) {
            return Status::InvalidArgument(name + " names a vertex that does not exist");
        }
        if (!(edge.weight > 0) || !std::isfinite(edge.weight)) {
            return Status::InvalidArgument(name + " must have a positive weight");
        }
        if (!seen.insert({edge.left, edge.right}).second) return Status::InvalidArgument(name + " is given twice");
    }
    return Status::Ok();
}

}  // namespace

Result<std::vector<int>> MaxWeightBMatching(int left_count, std::span<const int> right_capacity,
                                            std::span<const MatchEdge> edges) {
    CV_RETURN_IF_ERROR(CheckInput(left_count, right_capacity, edges));
    const int right_count = static_cast<int>(right_capacity.size());
    // Nodes: source, left vertices, right vertices, sink.
    const int source = 0;
    const int first_left = 1;
    const int first_right = first_left + left_count;
    const int sink = first_right + right_count;
    FlowNetwork network(sink + 1);
    for (int left = 0; left < left_count; ++left) network.AddArc(source, first_left + left, 1, 0);
    std::vector<int> edge_arc;
    edge_arc.reserve(edges.size());
    for (const auto& edge : edges) {
        edge_arc.push_back(static_cast<int>(network.arcs().size()));
        network.AddArc(first_left + edge.left, first_right + edge.right, 1, -edge.weight);
    }
    for (int right = 0; right < right_count; ++right) {
        network.AddArc(first_right + right, sink, right_capacity[static_cast<std::size_t>(right)], 0);
    }

    // Initial potentials: shortest distances from the source in the acyclic starting network, so that every
    // arc with capacity has a non-negative reduced cost.
    std::vector<double> potential(static_cast<std::size_t>(sink + 1), 0.0);
    for (const auto& edge : edges) {
        double& at = potential[static_cast<std::size_t>(first_right + edge.right)];
        at = std::min(at, -edge.weight);
    }
    for (int right = 0; right < right_count; ++right) {
        double& at_sink = potential[static_cast<std::size_t>(sink)];
        at_sink = std::min(at_sink, potential[static_cast<std::size_t>(first_right + right)]);
    }
    MinCostFlow(network, source, sink, std::move(potential));

    std::vector<int> matched(static_cast<std::size_t>(left_count), -1);
    for (std::size_t index = 0; index < edges.size(); ++index) {
        if (network.arcs()[static_cast<std::size_t>(edge_arc[index])].capacity == 0) {
            matched[static_cast<std::size_t>(edges[index].left)] = edges[index].right;
        }
    }
    return matched;
}

}  // namespace carevoice::experience
