// The demo group's yearly cycle (report Figure 4): last year's work items and review, whose findings and
// unfinished work seed this year's candidates; this year's evidence from the local trust's real survey
// results; members' ballots; and this year's work items.
#include <optional>
#include <string>
#include <vector>

#include "demo/partnership_demo_parts.hpp"
#include "partnership/annual_review.hpp"
#include "partnership/work_programme.hpp"
#include "store/priorities_repository.hpp"
#include "store/work_items_repository.hpp"

namespace carevoice::demo {
namespace {

using partnership::CandidatePriority;
using partnership::CpesReference;
using partnership::EvidenceItem;
using partnership::EvidenceKind;
using partnership::Milestone;
using partnership::WorkItem;
using partnership::WorkItemStatus;

constexpr const char* kTrust = "RD8";  // Milton Keynes University Hospital NHS Foundation Trust
constexpr int kSurveyYear = 2018;

// Milton Keynes University Hospital's items rated below the expected range in the published 2018 results
// (cpes_2015_2018_results.csv.gz, kind adjusted: score, expected range), and one slow slide year on year.
struct SurveyEvidence {
    EvidenceKind kind;
    const char* question;
    const char* summary;
};
constexpr SurveyEvidence kSurveyEvidence[] = {
    {EvidenceKind::kSurveyBelowExpected, "Q17",
     "Given the name of a clinical nurse specialist: 82%, below the expected range of 87.7% to 95.0%"},
    {EvidenceKind::kSurveyBelowExpected, "Q13",
     "Side effects explained in a way patients could understand: 64%, below the expected 68.2% to 78.0%"},
    {EvidenceKind::kSurveyBelowExpected, "Q41",
     "Found someone to talk to about worries and fears as an outpatient: 63%, below the expected 65.0% to 76.8%"},
    {EvidenceKind::kSurveyBelowExpected, "Q51",
     "Enough care and support from health or social services once treatment finished: 32%, below the expected "
     "33.6% to 55.8%"},
    {EvidenceKind::kWorseningTrend, "Q17",
     "Named clinical nurse specialist, year on year: 85% (2015), 83%, 84%, 81% (2018); the publisher found no "
     "significant change, but the slide is worth watching"},
};

CivilDate Ymd(int year, int month, int day) { return *CivilDate::FromYmd(year, month, day); }

Milestone Step(const DemoContext& demo, const char* description, CivilDate due) {
    return {description, due, due < demo.today ? std::optional<CivilDate>(due) : std::nullopt};
}

WorkItem Item(const DemoContext& demo, int year, const char* title, const char* aim, const char* owner,
              WorkItemStatus status) {
    WorkItem w;
    w.group_id = demo.group_id;
    w.programme_year = year;
    w.title = title;
    w.smart_aim = aim;
    w.owner_person_id = demo.Person(owner);
    w.deadline = Ymd(year, 12, 31);
    w.status = status;
    return w;
}

// Last year: one item finished, one not; the review that closed the year.
Result<std::vector<CandidatePriority>> LastYear(DemoContext& demo, int year) {
    WorkItemsRepository items(demo.conn);
    WorkItem water = Item(demo, year, "Water and waiting times in the outpatient clinic",
                          "By December, drinking water and up-to-date waiting times in the clinic waiting area", "Mia",
                          WorkItemStatus::kDone);
    water.people_needed = "Clinic manager, estates";
    water.funding_needed = "Water cooler lease (estates budget)";
    CV_RETURN_IF_ERROR(items.Create(water, demo.now).status());

    WorkItem results = Item(demo, year, "Test results explained in plain English",
                            "By December, every patient receiving test results is given a leaflet explaining them",
                            "Nina", WorkItemStatus::kInProgress);
    results.people_needed = "CNS team, two lay readers";
    results.systems_needed = "Trust leaflet approval process";
    results.milestones = {{"Draft the leaflet with the CNS team", Ymd(year, 4, 30), Ymd(year, 4, 22)},
                          {"Members read and improve the draft", Ymd(year, 7, 31), Ymd(year, 7, 18)},
                          {"Leaflet approved and in every clinic", Ymd(year, 11, 30), std::nullopt}};
    CV_ASSIGN_OR_RETURN(results, items.Create(results, demo.now));

    partnership::AnnualReview review;
    review.group_id = demo.group_id;
    review.programme_year = year;
    review.reviewed_on = Ymd(year + 1, 1, 20);
    review.findings = {
        "Support once treatment ends is what members talk about most, and the survey agrees (Q51 below expected).",
        "Few members are in treatment now: the group hears little from people having chemotherapy or radiotherapy.",
    };
    CV_ASSIGN_OR_RETURN(review, items.SaveReview(review, demo.now));
    const std::vector<WorkItem> last_year = {water, results};
    return partnership::SeedNextYear(review, last_year);
}

}  // namespace

Status AddWorkProgramme(DemoContext& demo) {
    const int year = demo.today.year();
    CV_ASSIGN_OR_RETURN(auto seeded, LastYear(demo, year - 1));

    PrioritiesRepository priorities(demo.conn);
    std::vector<std::int64_t> evidence_ids;
    for (const SurveyEvidence& e : kSurveyEvidence) {
        EvidenceItem item;
        item.group_id = demo.group_id;
        item.programme_year = year;
        item.kind = e.kind;
        item.summary = e.summary;
        item.reference = "National Cancer Patient Experience Survey 2018, published results";
        item.cpes = CpesReference{kTrust, kSurveyYear, e.question};
        item.recorded_on = demo.today.AddDays(-280);
        CV_ASSIGN_OR_RETURN(item, priorities.CreateEvidence(item, demo.now));
        evidence_ids.push_back(item.id);
    }
    EvidenceItem audit;
    audit.group_id = demo.group_id;
    audit.programme_year = year;
    audit.kind = EvidenceKind::kAuditFinding;
    audit.summary = "The environmental audit found no drinking water and no waiting times in the clinic";
    audit.recorded_on = demo.today.AddDays(-320);
    CV_RETURN_IF_ERROR(priorities.CreateEvidence(audit, demo.now).status());

    // This year's candidates: what last year left (seeded), plus one new from the survey.
    std::vector<CandidatePriority> candidates;
    for (CandidatePriority draft : seeded) {
        if (draft.title.find("Support once treatment ends") == 0) draft.evidence_ids = {evidence_ids[3]};
        CV_ASSIGN_OR_RETURN(draft, priorities.CreatePriority(draft, demo.now));
        candidates.push_back(std::move(draft));
    }
    CandidatePriority cards;
    cards.group_id = demo.group_id;
    cards.programme_year = year;
    cards.title = "Every new patient knows their clinical nurse specialist";
    cards.description = "Contact cards given at diagnosis, with the CNS's name and how to reach them";
    cards.evidence_ids = {evidence_ids[0], evidence_ids[4]};
    CV_ASSIGN_OR_RETURN(cards, priorities.CreatePriority(cards, demo.now));
    candidates.push_back(cards);

    // Ballots: candidates in creation order are [results leaflet, support after treatment, in treatment, cards].
    const auto id = [&](std::size_t at) { return candidates.at(at).id; };
    const std::vector<std::pair<const char*, std::vector<std::int64_t>>> ballots = {
        {"Cora", {id(1), id(3), id(0), id(2)}},
        {"Vic", {id(1), id(0), id(3)}},
        {"Val", {id(3), id(1), id(2)}},
        {"Sid", {id(0), id(1), id(3), id(2)}},
        {"Eddie", {id(1), id(3)}},
        {"Carla", {id(1), id(2), id(3)}},
        {"Nina", {id(3), id(0), id(1), id(2)}},
        {"Omar", {id(3), id(0)}},
        {"Mia", {id(0), id(3), id(1)}},
        {"Vera", {id(1), id(2)}},
    };
    for (const auto& [voter, choices] : ballots) {
        partnership::Ballot ballot{0, demo.group_id, year, demo.Person(voter), choices};
        CV_RETURN_IF_ERROR(priorities.CastBallot(ballot, demo.now).status());
    }

    WorkItemsRepository items(demo.conn);
    WorkItem card_item =
        Item(demo, year, "CNS contact cards",
             "By the end of the year, 95% of new patients leave their diagnosis appointment with their "
             "clinical nurse specialist's contact card",
             "Nina", WorkItemStatus::kInProgress);
    card_item.priority_id = cards.id;
    card_item.people_needed = "CNS team, clinic receptionists, two lay members to design the card";
    card_item.systems_needed = "A monthly count from the CNS team's records";
    card_item.funding_needed = "Printing, about £300 (Macmillan grant)";
    card_item.milestones = {Step(demo, "Design the card with members", Ymd(year, 3, 31)),
                            Step(demo, "Cards in every diagnosis clinic", Ymd(year, 6, 30)),
                            Step(demo, "Count cards given each month and chart them", Ymd(year, 12, 15))};
    CV_ASSIGN_OR_RETURN(card_item, items.Create(card_item, demo.now));
    demo.work_items["cards"] = card_item.id;

    WorkItem support = Item(demo, year, "Support after treatment ends",
                            "By October, hold a survivorship information day and give every patient finishing "
                            "treatment a list of local support",
                            "Cora", WorkItemStatus::kPlanned);
    support.priority_id = candidates.at(1).id;
    support.people_needed = "Lay members, Macmillan information officer, voluntary-sector partners";
    support.funding_needed = "Venue and refreshments";
    support.milestones = {Step(demo, "Book the venue", Ymd(year, 6, 30)),
                          Step(demo, "Survivorship information day", Ymd(year, 10, 15))};
    CV_ASSIGN_OR_RETURN(support, items.Create(support, demo.now));
    demo.work_items["support"] = support.id;
    return Status::Ok();
}

}  // namespace carevoice::demo
