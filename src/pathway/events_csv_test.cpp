// Reading the events layout: a good file, and each way a line can be wrong, named by line and field.
#include "pathway/events_csv.hpp"

#include <gtest/gtest.h>

namespace carevoice::pathway {
namespace {

const std::string kHeader =
    "pathway_id,event_id,date,type,provider,route,modality,admitted,outcome,until,to_provider,supersedes\n";

std::vector<FieldProblem> ProblemsOf(const std::string& body) {
    auto read = ReadEventsCsv(kHeader + body);
    EXPECT_FALSE(read.ok());
    return read.ok() ? std::vector<FieldProblem>{} : read.status().details();
}

TEST(EventsCsvTest, ReadsEveryFieldOfTheLayout) {
    auto read = ReadEventsCsv(kHeader +
                              "P1,e1,2025-01-06,referral_received,RJE,urgent_suspected_cancer,,,,,,\n"
                              "P1,e2,2025-01-13,appointment_missed,RJE,,,,,2025-01-15,,\n"
                              "P1,e3,2025-03-17,offer_declined,RJE,,surgery,yes,,2025-03-31,,\n"
                              "P1,e4,2025-02-10,diagnosis_communicated,RJE,,,,ruled_out,,,\n"
                              "P1,e5,2025-02-11,transfer_sent,RJE,,,,,,RL4,\n"
                              "P1,e6,2025-02-12,diagnosis_communicated,RJE,,,,cancer,,,e4\n");
    ASSERT_TRUE(read.ok()) << read.status().message();
    ASSERT_EQ(read->size(), 6u);
    const auto& e = *read;
    EXPECT_EQ(e[0].route, Route::kUrgentSuspectedCancer);
    EXPECT_EQ(e[0].line, 2u);
    EXPECT_EQ(e[1].until->ToString(), "2025-01-15");
    EXPECT_EQ(e[2].admitted, true);
    EXPECT_EQ(e[2].modality, Modality::kSurgery);
    EXPECT_EQ(e[3].outcome, DiagnosisOutcome::kRuledOut);
    EXPECT_EQ(e[4].to_provider, "RL4");
    EXPECT_EQ(e[5].supersedes, "e4");
    EXPECT_EQ(EventCsvFields(e[2])[7], "yes");
}

TEST(EventsCsvTest, AnUnknownTypeIsNamedByLineAndField) {
    auto problems =
        ProblemsOf("P1,e1,2025-01-06,referral_received,RJE,other,,,,,,\nP1,e2,2025-01-07,seen_by_gp,RJE,,,,,,,\n");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].field, "line 3, type");
    EXPECT_NE(problems[0].problem.find("seen_by_gp"), std::string::npos);
}

TEST(EventsCsvTest, AnImpossibleDateIsRefused) {
    auto problems = ProblemsOf("P1,e1,2025-02-29,referral_received,RJE,other,,,,,,\n");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].field, "line 2, date");
}

TEST(EventsCsvTest, EachTypeNeedsItsFields) {
    auto problems = ProblemsOf(
        "P1,e1,2025-01-06,referral_received,RJE,,,,,,,\n"                // no route
        "P1,e2,2025-01-13,appointment_missed,RJE,,,,,,,\n"               // no rebook date
        "P1,e3,2025-03-17,offer_declined,RJE,,surgery,,,2025-03-31,,\n"  // admitted?
        "P1,e4,2025-04-01,treatment_started,RJE,,,,,,,\n"                // no modality
        "P1,e5,2025-02-11,transfer_sent,RJE,,,,,,,\n");                  // to whom?
    ASSERT_EQ(problems.size(), 5u);
    EXPECT_EQ(problems[0].field, "line 2, route");
    EXPECT_EQ(problems[1].field, "line 3, until");
    EXPECT_EQ(problems[2].field, "line 4, admitted");
    EXPECT_EQ(problems[3].field, "line 5, modality");
    EXPECT_EQ(problems[4].field, "line 6, to_provider");
}

TEST(EventsCsvTest, WordsOutsideTheLayoutAreRefused) {
    auto problems = ProblemsOf("P1,e1,2025-01-06,treatment_started,RJE,,laser,maybe,,,,\n");
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].field, "line 2, modality");
    EXPECT_EQ(problems[1].field, "line 2, admitted");
}

TEST(EventsCsvTest, ASupersedesThatNamesNothingIsRefused) {
    auto problems =
        ProblemsOf("P1,e1,2025-01-06,referral_received,RJE,other,,,,,,\nP2,e2,2025-01-07,first_seen,RJE,,,,,,,e1\n");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].field, "line 3, supersedes");  // e1 belongs to another pathway
}

TEST(EventsCsvTest, APathwaysEventsSplitAcrossTheFileAreCheckedTogether) {
    // P1's events come in two runs with P2's between: a repeated id and a correction across the runs are
    // found, the same event id in another pathway is not a repeat, and problems come in line order.
    auto problems = ProblemsOf(
        "P1,e1,2025-01-06,referral_received,RJE,other,,,,,,\n"
        "P2,e1,2025-01-06,referral_received,RJE,other,,,,,,\n"
        "P2,e2,2025-01-08,first_seen,RJE,,,,,,,e9\n"
        "P1,e2,2025-01-09,first_seen,RJE,,,,,,,e1\n"
        "P1,e1,2025-01-10,first_seen,RJE,,,,,,,\n");
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].field, "line 4, supersedes");  // e9 is no event of P2
    EXPECT_EQ(problems[1].field, "line 6, event_id");    // P1's e1 again, first on line 2
    EXPECT_NE(problems[1].problem.find("line 2"), std::string::npos);
    auto fine = ReadEventsCsv(kHeader +
                              "P1,e1,2025-01-06,referral_received,RJE,other,,,,,,\n"
                              "P2,e1,2025-01-06,referral_received,RJE,other,,,,,,\n"
                              "P1,e2,2025-01-09,first_seen,RJE,,,,,,,e1\n");
    ASSERT_TRUE(fine.ok()) << fine.status().ToString();
    EXPECT_EQ(fine->size(), 3u);
}

TEST(EventsCsvTest, AnEventIdUsedTwiceInOnePathwayIsRefused) {
    auto problems =
        ProblemsOf("P1,e1,2025-01-06,referral_received,RJE,other,,,,,,\nP1,e1,2025-01-07,first_seen,RJE,,,,,,,\n");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].field, "line 3, event_id");
    EXPECT_NE(problems[0].problem.find("line 2"), std::string::npos);
}

TEST(EventsCsvTest, AWrongNumberOfFieldsAndAnUnterminatedQuoteAreNamed) {
    auto problems = ProblemsOf("P1,e1,2025-01-06\nP1,\"e2,2025-01-07,first_seen\n");
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].field, "line 2, row");
    EXPECT_EQ(problems[1].field.rfind("line 3", 0), 0u);
}

TEST(EventsCsvTest, HostileValuesAreBoundedAndNotEchoedWhole) {
    const std::string long_id(10000, 'x');
    auto problems = ProblemsOf("P1," + long_id +
                               ",2025-01-06,referral_received,RJE,other,,,,,,\n"
                               "P1,e2,2025-01-06,referral_received,<script>,other,,,,,,\n");
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].field, "line 2, event_id");
    EXPECT_LT(problems[0].problem.size(), 200u);
    EXPECT_EQ(problems[1].field, "line 3, provider");
}

TEST(EventsCsvTest, StopsCountingAfterTheLimitAndSaysSo) {
    std::string body;
    for (int i = 0; i < 100; ++i) body += "P1,e" + std::to_string(i) + ",not-a-date,first_seen,RJE,,,,,,,\n";
    auto read = ReadEventsCsv(kHeader + body);
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.status().details().size(), 20u);
    EXPECT_NE(read.status().message().find("or more problems"), std::string::npos);
}

TEST(EventsCsvTest, AMissingColumnIsNamed) {
    auto read = ReadEventsCsv("pathway_id,event_id,date\nP1,e1,2025-01-06\n");
    ASSERT_FALSE(read.ok());
    ASSERT_EQ(read.status().details().size(), 1u);
    EXPECT_EQ(read.status().details()[0].field, "line 1, column type");
}

}  // namespace
}  // namespace carevoice::pathway
