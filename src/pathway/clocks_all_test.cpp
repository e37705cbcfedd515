// ComputeAllClocks over many pathways: the same clocks as computing each pathway alone, in pathway-id order,
// whether the file lists a pathway's events together or interleaved, and whether the work is split between
// threads (a set this large is) or not. And ClocksOfEventsFile (carevoice clocks) writes exactly what reading
// every event and computing every clock would, and refuses a file exactly as reading it does.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/csv.hpp"
#include "pathway/clocks.hpp"
#include "pathway/clocks_file.hpp"
#include "pathway/events_csv.hpp"

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

// The CSV carevoice clocks writes, made the ordinary way: every event read, then every clock computed.
std::string OrdinaryCsv(const std::vector<Event>& events, CivilDate as_of) {
    std::string out = csv::Row(ClockCsvColumns());
    for (const auto& p : ComputeAllClocks(events, as_of)) {
        for (const auto& c : p.clocks) out += csv::Row(ClockCsvFields(p.pathway_id, c));
    }
    return out;
}

std::string Joined(const ClocksOfFile& clocks) {
    std::string out;
    for (const auto& piece : clocks.csv) out += piece;
    return out;
}

std::string FileOf(const std::vector<Event>& events) {
    std::vector<std::string> header(std::begin(kEventColumns), std::end(kEventColumns));
    std::string text = csv::Row(header);
    for (const auto& e : events) text += csv::Row(EventCsvFields(e));
    return text;
}

TEST(ClocksOfEventsFile, WritesWhatReadingEveryEventWouldOnALargeInterleavedFile) {
    std::vector<Event> events;
    std::vector<std::vector<Event>> each;
    for (int n = 0; n < 50'000; ++n) each.push_back(PathwayEvents(n));
    for (std::size_t round = 0; round < 5; ++round) {
        for (auto it = each.rbegin(); it != each.rend(); ++it) {
            if (round < it->size()) events.push_back((*it)[round]);
        }
    }
    const std::string text = FileOf(events);
    auto read = ReadEventsCsv(text);
    ASSERT_TRUE(read.ok()) << read.status().ToString();
    const CivilDate as_of = Day(400);
    auto clocks = ClocksOfEventsFile(text, as_of);
    ASSERT_TRUE(clocks.ok()) << clocks.status().ToString();
    EXPECT_EQ(Joined(*clocks), OrdinaryCsv(*read, as_of));
}

TEST(ClocksOfEventsFile, ReadsQuotedFieldsBlankLinesAByteOrderMarkAndCorrections) {
    const std::string text =
        "\xEF\xBB\xBFpathway_id,event_id,date,type,provider,route,modality,admitted,outcome,until,to_provider,"
        "supersedes\r\n"
        "P2,e1,2025-02-03,referral_received,RBB,urgent_suspected_cancer,,,,,,\r\n"
        "\r\n"
        "\"P1\",e1,2025-01-06,referral_received,RAA,urgent_suspected_cancer,,,,,,\r\n"
        "P2,\"e2\",2025-02-20,diagnosis_communicated,RBB,,,,cancer,,,\r\n"
        "P1,e2,2025-01-20,diagnosis_communicated,RAA,,,,cancer,,,\r\n"
        "P1,e3,2025-01-21,diagnosis_communicated,RAA,,,,ruled_out,,,e2\r\n";
    auto read = ReadEventsCsv(text);
    ASSERT_TRUE(read.ok()) << read.status().ToString();
    auto clocks = ClocksOfEventsFile(text, Day(100));
    ASSERT_TRUE(clocks.ok()) << clocks.status().ToString();
    EXPECT_EQ(Joined(*clocks), OrdinaryCsv(*read, Day(100)));
    EXPECT_NE(Joined(*clocks).find("P1,fds"), std::string::npos);
}

TEST(ClocksOfEventsFile, RefusesAFileWithAProblemExactlyAsReadingItDoes) {
    std::string text = FileOf(PathwayEvents(1));
    text += "P100001,e9,2025-02-30,first_seen,RAA,,,,,,,\n";  // no 30 February
    text += "P100001,e1,2025-01-07,first_seen,RAA,,,,,,,\n";  // e1 again
    text += "P100002,e1,2025-01-07,first_seen,RAA,,,,,,,nothing\n";
    auto read = ReadEventsCsv(text);
    ASSERT_FALSE(read.ok());
    auto clocks = ClocksOfEventsFile(text, Day(100));
    ASSERT_FALSE(clocks.ok());
    EXPECT_EQ(clocks.status().message(), read.status().message());
    ASSERT_EQ(clocks.status().details().size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(clocks.status().details()[i].field, read.status().details()[i].field);
        EXPECT_EQ(clocks.status().details()[i].problem, read.status().details()[i].problem);
    }
    EXPECT_EQ(clocks.status().details()[0].field, "line " + std::to_string(PathwayEvents(1).size() + 2) + ", date");
}

}  // namespace
}  // namespace carevoice::pathway
