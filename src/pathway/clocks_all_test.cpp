// ComputeAllClocks over many pathways: the same clocks as computing each pathway alone, in pathway-id order,
// whether the file lists a pathway's events together or interleaved, and whether the work is split between
// threads (a set this large is) or not.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "pathway/clocks.hpp"

namespace carevoice::pathway {
namespace {

CivilDate Day(int n) { return CivilDate::Parse("2025-01-06").value().AddDays(n); }

// Pathway n: a referral, then (varying with n) a missed appointment, a diagnosis, a transfer and a treatment;
// some open, some met, some breached.
std::vector<Event> PathwayEvents(int n) {
    std::vector<Event> out;
    auto add = [&](int day, EventType type, const char* provider = "RAA") -> Event& {
        Event e;
        e.pathway_id = "P" + std::to_string(100000 + n);
        e.event_id = "e" + std::to_string(out.size() + 1);
        e.date = Day(n % 300 + day);
        e.type = type;
        e.provider = provider;
        return out.emplace_back(std::move(e));
    };
    add(0, EventType::kReferralReceived).route = n % 5 == 0 ? Route::kOther : Route::kUrgentSuspectedCancer;
    if (n % 7 == 0) add(5, EventType::kAppointmentMissed).until = Day(n % 300 + 9);
    if (n % 3 != 0) add(10 + n % 40, EventType::kDiagnosisCommunicated).outcome = DiagnosisOutcome::kCancer;
    if (n % 11 == 0) add(20, EventType::kTransferSent).to_provider = "RBB";
    if (n % 4 == 1)
        add(30 + n % 60, EventType::kTreatmentStarted, n % 11 == 0 ? "RBB" : "RAA").modality = Modality::kSurgery;
    return out;
}

TEST(ComputeAllClocks, GivesEachPathwaysOwnClocksInIdOrderHoweverTheEventsAreListed) {
    constexpr int kPathways = 60'000;  // enough for ComputeAllClocks to use more than one thread
    std::vector<Event> together, interleaved;
    std::vector<std::vector<Event>> each;
    for (int n = kPathways - 1; n >= 0; --n) {  // listed in descending id: the result must still ascend
        each.push_back(PathwayEvents(n));
        together.insert(together.end(), each.back().begin(), each.back().end());
    }
    for (std::size_t round = 0; round < 5; ++round) {
        for (const auto& list : each) {
            if (round < list.size()) interleaved.push_back(list[round]);
        }
    }
    const CivilDate as_of = Day(400);
    for (auto* events : {&together, &interleaved}) {
        const auto all = ComputeAllClocks(*events, as_of);
        ASSERT_EQ(all.size(), static_cast<std::size_t>(kPathways));
        for (std::size_t k = 0; k < all.size(); ++k) {
            const auto& alone = each[each.size() - 1 - k];
            const auto expected = ComputeClocks(alone, as_of);
            ASSERT_EQ(all[k].pathway_id, alone.front().pathway_id) << "pathway " << k;
            ASSERT_EQ(all[k].clocks.size(), expected.clocks.size()) << all[k].pathway_id;
            for (std::size_t c = 0; c < expected.clocks.size(); ++c) {
                EXPECT_EQ(ClockCsvFields(all[k].pathway_id, all[k].clocks[c]),
                          ClockCsvFields(expected.pathway_id, expected.clocks[c]))
                    << all[k].pathway_id;
            }
        }
    }
}

}  // namespace
}  // namespace carevoice::pathway
