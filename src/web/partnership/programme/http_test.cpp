// HTTP behaviour of the work programme page (issue 4, item 4: evidence, candidate priorities, work items and
// the annual review) on the real server over the demo group modelled on Milton Keynes, whose "today" is the
// test clock's 2026-09-22: every route's happy path, 403 for the wrong role, 422 naming the field with
// nothing written, CSRF refused, and the audit entries. The ballot, the diversity view and the annual report
// have test files of their own (ballot_http_test.cpp, report_http_test.cpp).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "web/partnership/programme/programme_http_fixture.hpp"

namespace carevoice::web::testing {
namespace {

// ---- The programme page ----

TEST_F(ProgrammeHttpTest, MemberSeesTheYearsProgrammeWithVotesAndWorkItemsButNoManagingForms) {
    auto b = SignedIn("member");
    auto r = b->Get(Programme());
    ASSERT_EQ(r->status, 200);
    for (const char* text :
         {"Work programme 2026", "Evidence of patients", "Candidate priorities", "Members' vote", "CNS contact cards",
          "Support after treatment ends", "Users and carers: points (rank)", "Professionals: points (rank)",
          "Rank the priorities", "The environmental audit found no drinking water"}) {
        EXPECT_TRUE(Contains(r->body, text)) << text;
    }
    // The measures of the work items link to their XmR charts.
    const auto cpes = MeasureOf(improvement::MeasureSource::kCpes);
    EXPECT_TRUE(Contains(r->body, "href=\"" + MeasurePath(cpes) + "\""));
    EXPECT_FALSE(Contains(r->body, "Add a work item"));
    EXPECT_FALSE(Contains(r->body, "Record other evidence"));
    EXPECT_FALSE(Contains(r->body, " style="));
}

TEST_F(ProgrammeHttpTest, TallyKeepsUsersAndProfessionalsApartAsTheDomainCountsThem) {
    std::vector<partnership::Ballot> ballots;
    {
        auto conn = server_->app().database().Acquire();
        ballots = *store::PrioritiesRepository(*conn).ListBallots(group_id_, kYear);
    }
    const auto candidates = Candidates();
    auto tally = partnership::TallyVotes(candidates, ballots, people_, partnership::VotingMethod::kRanked);
    ASSERT_TRUE(tally.ok());
    auto b = SignedIn("analyst");
    auto r = b->Get(Programme());
    ASSERT_EQ(r->status, 200);
    const auto& top = tally->priorities.front();
    EXPECT_TRUE(HasTableRow(r->body, "The tally",
                            {"1", "*", std::to_string(top.lay_points) + " (" + std::to_string(top.lay_rank) + ")"}));
    EXPECT_TRUE(Contains(r->body, "Ballots: " + std::to_string(tally->lay_ballots) + " from users and carers, " +
                                      std::to_string(tally->professional_ballots) + " from professionals"));

    auto csv = b->Get(GroupPath("/programme/tally.csv?year=2026"));
    ASSERT_EQ(csv->status, 200);
    EXPECT_EQ(csv->body.rfind("overall_rank,priority,total_points,lay_points,lay_rank,professional_points", 0), 0u);
    EXPECT_EQ(std::count(csv->body.begin(), csv->body.end(), '\n'), static_cast<long>(candidates.size() + 1));
}

TEST_F(ProgrammeHttpTest, OutsiderCannotSeeTheProgrammeOrItsDownloads) {
    auto b = SignedIn("outsider");
    EXPECT_TRUE(IsErrorPage(b->Get(Programme()), 403, kOnlyReaders));
    EXPECT_TRUE(IsErrorPage(b->Get(GroupPath("/programme/tally.csv")), 403, kOnlyReaders));
    EXPECT_TRUE(IsErrorPage(b->Get(GroupPath("/programme/work-items.csv")), 403, kOnlyReaders));
    EXPECT_TRUE(IsSentToSignIn(Browser(server_->port()).Get(Programme())));
}

TEST_F(ProgrammeHttpTest, AYearThatIsNotAYearShowsThisYearsProgrammeSayingWhy) {
    auto b = SignedIn("member");
    auto r = b->Get(GroupPath("/programme?year=soon"));
    EXPECT_EQ(r->status, 200);
    EXPECT_TRUE(Contains(r->body, "nhsuk-error-summary"));
    EXPECT_TRUE(Contains(r->body, "The address&apos;s year was not used: &apos;soon&apos; is not a year")) << r->body;
    EXPECT_TRUE(Contains(r->body, "Work programme " + std::to_string(kYear)));
    // A form sent with a wrong year is still refused.
    auto post = b->PostForm(GroupPath("/programme/ballot"),
                            {{"csrf_token", b->CsrfFrom("/account")}, {"programme_year", "soon"}});
    EXPECT_EQ(post->status, 422);
}

TEST_F(ProgrammeHttpTest, WithoutImportedResultsThePageSaysWhyThereIsNoSurveyEvidence) {
    auto b = SignedIn("facilitator");
    auto r = b->Get(Programme());
    ASSERT_EQ(r->status, 200);
    EXPECT_TRUE(Contains(r->body, "No published survey results up to 2026"));
}

TEST_F(ProgrammeHttpTest, SurveyItemsBelowExpectedComeFromThePublishedResultsAndLinkToTheirPages) {
    ImportRd8();
    auto b = SignedIn("facilitator");
    auto r = b->Get(Programme());
    ASSERT_EQ(r->status, 200);
    EXPECT_TRUE(Contains(r->body, "Milton Keynes University Hospital"));
    EXPECT_TRUE(Contains(r->body, "href=\"/experience/questions/Q17?year=2018\""));
    EXPECT_TRUE(Contains(r->body, "href=\"/experience/organisations/RD8?year=2018\""));
    EXPECT_TRUE(Contains(r->body, "Survey item below expected"));
    // The demo recorded Q17 as this year's evidence already.
    EXPECT_TRUE(Contains(r->body, "Recorded"));
}

TEST_F(ProgrammeHttpTest, FacilitatorRecordsASurveyItemAsEvidenceOnceWithItsFiguresFromTheResults) {
    ImportRd8();
    auto b = SignedIn("facilitator");
    const std::string page = Programme(2027);
    ASSERT_TRUE(Contains(b->Get(page)->body, "Record as evidence"));
    const std::int64_t before = Count("SELECT COUNT(*) FROM evidence_items");
    auto post = [&](const std::string& question) {
        return b->PostForm(GroupPath("/programme/evidence"),
                           {{"csrf_token", b->CsrfFrom(page)},
                            {"programme_year", "2027"},
                            {"evidence_kind", "survey_below_expected"},
                            {"question", question},
                            {"evidence_summary", "ignored: figures come from the survey"}});
    };
    auto r = post("Q17");
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(r->get_header_value("Location"), GroupPath("/programme?year=2027#evidence"));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM evidence_items"), before + 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM evidence_items WHERE programme_year = 2027 AND cpes_org_code = 'RD8' AND "
                    "cpes_year = 2018 AND cpes_question = 'Q17' AND summary LIKE '%below the expected range%'"),
              1);
    EXPECT_EQ(CountAudit("evidence.create"), 1);

    // Twice, or a question that is not below expected: refused, nothing written.
    auto again = post("Q17");
    EXPECT_EQ(again->status, 422);
    EXPECT_TRUE(Contains(again->body, "already recorded"));
    auto within = post("Q1");
    EXPECT_EQ(within->status, 422);
    EXPECT_TRUE(HasFieldError(within, "survey-evidence"));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM evidence_items"), before + 1);
}

TEST_F(ProgrammeHttpTest, OtherEvidenceNeedsWhatItSays) {
    auto b = SignedIn("facilitator");
    const std::int64_t before = Count("SELECT COUNT(*) FROM evidence_items");
    httplib::Params form = {{"csrf_token", b->CsrfFrom(Programme())},
                            {"programme_year", "2026"},
                            {"evidence_kind", "comment_theme"},
                            {"evidence_summary", "  "},
                            {"evidence_reference", "Comments box, spring"}};
    auto r = b->PostForm(GroupPath("/programme/evidence"), form);
    EXPECT_EQ(r->status, 422);
    EXPECT_TRUE(HasFieldError(r, "evidence_summary"));
    EXPECT_TRUE(Contains(r->body, "Comments box, spring"));  // what was typed is kept
    EXPECT_EQ(Count("SELECT COUNT(*) FROM evidence_items"), before);

    form.erase("evidence_summary");
    form.emplace("evidence_summary", "Patients say the car park is too far from the day unit");
    EXPECT_EQ(b->PostForm(GroupPath("/programme/evidence"), form)->status, 303);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM evidence_items WHERE kind = 'comment_theme'"), 1);
}

TEST_F(ProgrammeHttpTest, AnalystAndMemberCannotChangeTheProgramme) {
    for (const char* who : {"analyst", "member"}) {
        auto b = SignedIn(who);
        const std::string token = b->CsrfFrom("/account");
        EXPECT_TRUE(IsErrorPage(
            b->PostForm(GroupPath("/programme/evidence"),
                        {{"csrf_token", token}, {"evidence_kind", "comment_theme"}, {"evidence_summary", "x"}}),
            403, kOnlyManagers))
            << who;
        EXPECT_TRUE(IsErrorPage(
            b->PostForm(GroupPath("/programme/priorities"), {{"csrf_token", token}, {"priority_title", "x"}}), 403,
            kOnlyManagers));
        EXPECT_TRUE(
            IsErrorPage(b->PostForm(GroupPath("/programme/review"), {{"csrf_token", token}, {"review_findings", "x"}}),
                        403, kOnlyManagers));
        EXPECT_TRUE(
            IsErrorPage(b->PostForm(GroupPath("/programme/seed"), {{"csrf_token", token}}), 403, kOnlyManagers));
        EXPECT_TRUE(IsErrorPage(
            b->PostForm(GroupPath("/programme/survey-organisation"), {{"csrf_token", token}, {"org_code", "RD8"}}), 403,
            kOnlyManagers));
        EXPECT_TRUE(IsErrorPage(b->Get(GroupPath("/programme/work-items/new")), 403, kOnlyManagers));
    }
    EXPECT_EQ(Count("SELECT COUNT(*) FROM candidate_priorities WHERE title = 'x'"), 0);
}

TEST_F(ProgrammeHttpTest, FacilitatorAddsACandidatePriorityCitingEvidence) {
    auto b = SignedIn("facilitator");
    std::int64_t evidence_id = 0;
    {
        auto conn = server_->app().database().Acquire();
        evidence_id = store::PrioritiesRepository(*conn).ListEvidence(group_id_, kYear)->front().id;
    }
    const auto before = Candidates().size();
    auto empty = b->PostForm(GroupPath("/programme/priorities"), {{"csrf_token", b->CsrfFrom(Programme())},
                                                                  {"programme_year", "2026"},
                                                                  {"priority_title", ""},
                                                                  {"priority_description", "Kept when refused"}});
    EXPECT_EQ(empty->status, 422);
    EXPECT_TRUE(HasFieldError(empty, "priority_title"));
    EXPECT_TRUE(Contains(empty->body, "Kept when refused"));
    EXPECT_EQ(Candidates().size(), before);

    auto r = b->PostForm(GroupPath("/programme/priorities"),
                         {{"csrf_token", b->CsrfFrom(Programme())},
                          {"programme_year", "2026"},
                          {"priority_title", "Parking near the day unit"},
                          {"priority_description", "Patients walk too far when they are weakest"},
                          {"evidence-" + std::to_string(evidence_id), "yes"}});
    EXPECT_EQ(r->status, 303);
    const auto after = Candidates();
    ASSERT_EQ(after.size(), before + 1);
    EXPECT_EQ(after.back().title, "Parking near the day unit");
    EXPECT_EQ(after.back().evidence_ids, std::vector<std::int64_t>{evidence_id});
    EXPECT_EQ(CountAudit("priority.create"), 1);
}

TEST_F(ProgrammeHttpTest, EveryFormIsRefusedWithoutItsCsrfToken) {
    auto b = SignedIn("facilitator");
    const auto measure = MeasureOf(improvement::MeasureSource::kManual);
    const std::int64_t audit_before = Count("SELECT COUNT(*) FROM audit_log");
    for (const std::string& path : std::vector<std::string>{
             GroupPath("/programme/evidence"), GroupPath("/programme/priorities"), GroupPath("/programme/review"),
             GroupPath("/programme/seed"), GroupPath("/programme/survey-organisation"), GroupPath("/programme/ballot"),
             GroupPath("/programme/accounts"), GroupPath("/programme/work-items"),
             GroupPath("/programme/work-items/" + std::to_string(WorkItems().front().id)),
             MeasurePath(measure, "/values"), MeasurePath(measure, "/import"), GroupPath("/diversity/profile")}) {
        auto r = b->PostForm(path, {{"programme_year", "2026"},
                                    {"evidence_kind", "comment_theme"},
                                    {"evidence_summary", "No token"},
                                    {"priority_title", "No token"}});
        EXPECT_TRUE(IsErrorPage(r, 403, kCsrfRefused)) << path;
    }
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log"), audit_before);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM candidate_priorities WHERE title = 'No token'"), 0);
}

// ---- Work items ----

TEST_F(ProgrammeHttpTest, FacilitatorAddsAWorkItemWithMilestonesAndAnAuditEntry) {
    auto b = SignedIn("facilitator");
    auto page = b->Get(GroupPath("/programme/work-items/new?year=2026"));
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(Contains(page->body, "nhsuk-date-input"));
    EXPECT_TRUE(Contains(page->body, "id=\"deadline-day\""));
    const auto before = WorkItems().size();
    auto r = b->PostForm(GroupPath("/programme/work-items"), WorkItemForm(*b, "Support list"));
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(r->get_header_value("Location"), GroupPath("/programme?year=2026#work-items"));
    const auto items = WorkItems();
    ASSERT_EQ(items.size(), before + 1);
    const partnership::WorkItem* added = nullptr;
    for (const auto& w : items) {
        if (w.title == "Support list") added = &w;
    }
    ASSERT_NE(added, nullptr);
    EXPECT_EQ(added->deadline.ToString(), "2026-12-15");
    EXPECT_EQ(added->owner_person_id.value_or(0), Person("Cora Chair"));
    ASSERT_EQ(added->milestones.size(), 1u);
    EXPECT_EQ(added->milestones[0].due_on.ToString(), "2026-10-30");
    EXPECT_EQ(CountAudit("work_item.create"), 1);
    EXPECT_TRUE(Contains(b->Get(Programme())->body, "Support list"));
}

TEST_F(ProgrammeHttpTest, WorkItemWithoutTitleAimOrRealDeadlineIs422NamingEachAndWritesNothing) {
    auto b = SignedIn("facilitator");
    auto form = WorkItemForm(*b, "");
    form.erase("smart_aim");
    form.erase("deadline-day");
    form.emplace("deadline-day", "31");
    form.erase("deadline-month");
    form.emplace("deadline-month", "2");
    const auto before = WorkItems().size();
    auto r = b->PostForm(GroupPath("/programme/work-items"), form);
    EXPECT_EQ(r->status, 422);
    EXPECT_TRUE(Contains(r->body, "There is a problem"));
    EXPECT_TRUE(HasFieldError(r, "title"));
    EXPECT_TRUE(HasFieldError(r, "smart_aim"));
    EXPECT_TRUE(HasFieldError(r, "deadline-day"));
    EXPECT_TRUE(Contains(r->body, "Draft the list"));  // the milestone typed is kept
    EXPECT_EQ(WorkItems().size(), before);
    EXPECT_EQ(CountAudit("work_item.create"), 0);
}

TEST_F(ProgrammeHttpTest, MilestoneDueAfterTheDeadlineIsNamedByItsRow) {
    auto b = SignedIn("facilitator");
    auto form = WorkItemForm(*b, "Late milestone");
    form.erase("milestone-0-due-year");
    form.emplace("milestone-0-due-year", "2027");
    auto r = b->PostForm(GroupPath("/programme/work-items"), form);
    EXPECT_EQ(r->status, 422);
    EXPECT_TRUE(HasFieldError(r, "milestone-0-due-day"));
    EXPECT_TRUE(Contains(r->body, "Milestone 1"));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM work_items WHERE title = 'Late milestone'"), 0);
}

TEST_F(ProgrammeHttpTest, FacilitatorChangesAWorkItemAndMarksItDone) {
    auto b = SignedIn("facilitator");
    const auto item = WorkItems().front();
    const std::string path = GroupPath("/programme/work-items/" + std::to_string(item.id));
    auto page = b->Get(path);
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(Contains(page->body, item.title));
    auto form = WorkItemForm(*b, item.title + " (revised)");
    form.erase("status");
    form.emplace("status", "done");
    auto r = b->PostForm(path, form);
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM work_items WHERE id = " + std::to_string(item.id) +
                    " AND status = 'done' AND title LIKE '%(revised)'"),
              1);
    EXPECT_EQ(CountAudit("work_item.update"), 1);

    auto blank = WorkItemForm(*b, "");
    EXPECT_TRUE(HasFieldError(b->PostForm(path, blank), "title", "Enter the work item's title"));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM work_items WHERE title = ''"), 0);
    EXPECT_TRUE(
        IsErrorPage(b->Get(GroupPath("/programme/work-items/999999")), 404, "this group has no such work item"));
}

TEST_F(ProgrammeHttpTest, MemberCannotAddOrChangeWorkItems) {
    auto b = SignedIn("member");
    const auto item = WorkItems().front();
    EXPECT_TRUE(IsErrorPage(b->PostForm(GroupPath("/programme/work-items"), WorkItemForm(*b, "By a member")), 403,
                            kOnlyManagers));
    EXPECT_TRUE(IsErrorPage(b->Get(GroupPath("/programme/work-items/" + std::to_string(item.id))), 403, kOnlyManagers));
    EXPECT_TRUE(IsErrorPage(
        b->PostForm(GroupPath("/programme/work-items/" + std::to_string(item.id)), WorkItemForm(*b, "By a member")),
        403, kOnlyManagers));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM work_items WHERE title = 'By a member'"), 0);
}

TEST_F(ProgrammeHttpTest, WorkItemsDownloadAsCsv) {
    auto b = SignedIn("analyst");
    auto r = b->Get(GroupPath("/programme/work-items.csv?year=2026"));
    ASSERT_EQ(r->status, 200);
    EXPECT_EQ(r->body.rfind("programme_year,title,smart_aim,owner,priority", 0), 0u);
    EXPECT_TRUE(Contains(r->body, "CNS contact cards"));
    EXPECT_EQ(std::count(r->body.begin(), r->body.end(), '\n'), static_cast<long>(WorkItems().size() + 1));
}

// ---- The annual review ----

TEST_F(ProgrammeHttpTest, ReviewFindingsSeedNextYearsCandidatesOnce) {
    auto b = SignedIn("facilitator");
    auto empty = b->PostForm(GroupPath("/programme/review"), {{"csrf_token", b->CsrfFrom("/account")},
                                                              {"programme_year", "2026"},
                                                              {"review_findings", " \n "},
                                                              {"reviewed_on-day", "20"},
                                                              {"reviewed_on-month", "1"},
                                                              {"reviewed_on-year", "2027"}});
    EXPECT_EQ(empty->status, 422);
    EXPECT_TRUE(HasFieldError(empty, "review_findings"));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM annual_reviews WHERE programme_year = 2026"), 0);

    auto r = b->PostForm(GroupPath("/programme/review"),
                         {{"csrf_token", b->CsrfFrom("/account")},
                          {"programme_year", "2026"},
                          {"review_findings", "Members want more evening meetings\nThe survey's Q17 is still low"},
                          {"reviewed_on-day", "20"},
                          {"reviewed_on-month", "1"},
                          {"reviewed_on-year", "2027"}});
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(CountAudit("annual_review.save"), 1);
    EXPECT_TRUE(Contains(b->Get(Programme())->body, "Members want more evening meetings"));

    ASSERT_TRUE(Candidates(2027).empty());
    auto seed = b->PostForm(GroupPath("/programme/seed"),
                            {{"csrf_token", b->CsrfFrom("/account")}, {"programme_year", "2026"}});
    EXPECT_EQ(seed->status, 303);
    EXPECT_EQ(seed->get_header_value("Location"), GroupPath("/programme?year=2027#priorities"));
    std::size_t unfinished = 0;
    for (const auto& w : WorkItems()) unfinished += partnership::IsFinished(w.status) ? 0 : 1;
    const auto seeded = Candidates(2027);
    EXPECT_EQ(seeded.size(), unfinished + 2);
    bool finding = false;
    for (const auto& c : seeded)
        finding = finding || (c.title == "Members want more evening meetings" &&
                              c.origin == partnership::PriorityOrigin::kReviewFinding);
    EXPECT_TRUE(finding);
    EXPECT_TRUE(Contains(b->Get(Programme(2027))->body, "From last year&apos;s review"));
    // Seeding again adds nothing.
    EXPECT_EQ(
        b->PostForm(GroupPath("/programme/seed"), {{"csrf_token", b->CsrfFrom("/account")}, {"programme_year", "2026"}})
            ->status,
        303);
    EXPECT_EQ(Candidates(2027).size(), seeded.size());
}

TEST_F(ProgrammeHttpTest, SeedingAYearWithoutAReviewIs422) {
    auto b = SignedIn("facilitator");
    auto r = b->PostForm(GroupPath("/programme/seed"),
                         {{"csrf_token", b->CsrfFrom("/account")}, {"programme_year", "2030"}});
    EXPECT_TRUE(IsErrorPage(r, 422, "review_findings: the year has no review yet"));
    EXPECT_TRUE(Candidates(2031).empty());
}

TEST_F(ProgrammeHttpTest, SurveyOrganisationMustBeKnown) {
    ImportRd8();
    auto b = SignedIn("facilitator");
    auto bad = b->PostForm(GroupPath("/programme/survey-organisation"),
                           {{"csrf_token", b->CsrfFrom("/account")}, {"programme_year", "2026"}, {"org_code", "ZZZ9"}});
    EXPECT_EQ(bad->status, 422);
    EXPECT_TRUE(HasFieldError(bad, "org_code"));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM programme_settings"), 0);
    auto good = b->PostForm(GroupPath("/programme/survey-organisation"),
                            {{"csrf_token", b->CsrfFrom("/account")}, {"programme_year", "2026"}, {"org_code", "rd8"}});
    EXPECT_EQ(good->status, 303);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM programme_settings WHERE cpes_org_code = 'RD8'"), 1);
    EXPECT_EQ(CountAudit("programme.survey_organisation"), 1);
}

}  // namespace
}  // namespace carevoice::web::testing
