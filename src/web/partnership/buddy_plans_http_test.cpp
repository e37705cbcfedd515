// HTTP behaviour of buddy improvement plans (issue 4, item 9) over the demo group: who may read and change a
// plan, starting one, its actions and its evaluation without small numbers, 422 naming the field with nothing
// written, CSRF refused.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "web/partnership/audits_http_fixture.hpp"

namespace carevoice::web::testing {
namespace {

// ---------------------------------------------------------------- buddy improvement plans

TEST_F(PartnershipAuditsHttpTest, MemberOfAGroupWorkingWithTheMenteeReadsTheDemoPlanButCannotChangeIt) {
    auto b = SignedIn("member");
    auto list = b->Get("/buddy-plans");
    ASSERT_EQ(list->status, 200);
    EXPECT_EQ(Occurrences(list->body, "cv-plan-row"), 1u);
    EXPECT_TRUE(Contains(list->body, PlanPath()));
    EXPECT_FALSE(Contains(list->body, "/buddy-plans/new"));
    auto plan = b->Get(PlanPath());
    ASSERT_EQ(plan->status, 200);
    EXPECT_EQ(Occurrences(plan->body, "cv-plan-action"), 3u);
    EXPECT_EQ(Occurrences(plan->body, "cv-evaluation-row"), 4u);
    EXPECT_TRUE(Contains(plan->body, "1 February 2019 to 31 July 2019"));
    EXPECT_TRUE(Contains(plan->body, "No published results for either year"));
    EXPECT_FALSE(Contains(plan->body, "Add the action"));
    const std::int64_t before = Count("SELECT COUNT(*) FROM buddy_plan_actions");
    auto r = b->PostForm(
        PlanPath("/actions"),
        {{"csrf_token", b->CsrfFrom(PlanPath())}, {"description", "Visit the mentor"}, {"owner", "Lead nurse"}});
    EXPECT_TRUE(IsErrorPage(r, 403, kOnlyPlanManagers));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plan_actions"), before);
    EXPECT_TRUE(IsErrorPage(b->Get("/buddy-plans/new"), 403, kOnlyPlanManagers));
}

TEST_F(PartnershipAuditsHttpTest, UsersOutsideTheAttachedGroupsSeeNoPlan) {
    auto outsider = SignedIn("outsider");
    auto list = outsider->Get("/buddy-plans");
    ASSERT_EQ(list->status, 200);
    EXPECT_EQ(Occurrences(list->body, "cv-plan-row"), 0u);
    EXPECT_TRUE(IsErrorPage(outsider->Get(PlanPath()), 403, kOnlyPlanReaders));
    EXPECT_TRUE(IsErrorPage(outsider->Get(PlanPath("/evaluation.csv")), 403, kOnlyPlanReaders));
    EXPECT_TRUE(IsErrorPage(outsider->Get("/buddy-plans/new"), 403, kOnlyPlanManagers));
    Browser visitor(server_->port());
    EXPECT_TRUE(IsSentToSignIn(visitor.Get("/buddy-plans")));
    EXPECT_TRUE(IsSentToSignIn(visitor.Get(PlanPath())));
    auto analyst = SignedIn("analyst");
    EXPECT_TRUE(IsErrorPage(analyst->Get("/buddy-plans/999999"), 404, "no buddy plan has the id 999999"));
}

TEST_F(PartnershipAuditsHttpTest, FacilitatorAddsAnActionAndMarksItDone) {
    auto b = SignedIn("facilitator");
    const std::int64_t before = Count("SELECT COUNT(*) FROM buddy_plan_actions");
    httplib::Params form = {{"csrf_token", b->CsrfFrom(PlanPath())},
                            {"description", "Patients' panel reviews the new leaflet"},
                            {"owner", "Partnership group, RD8"}};
    AddDate(form, "due_on", *CivilDate::FromYmd(2019, 6, 30));
    auto r = b->PostForm(PlanPath("/actions"), form);
    ASSERT_EQ(r->status, 303);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plan_actions"), before + 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plan_actions WHERE due_on = '2019-06-30' AND status = 'open'"), 1);
    EXPECT_EQ(CountAudit("buddy_plan.action_add"), 1);

    const std::int64_t action = Count("SELECT id FROM buddy_plan_actions WHERE due_on = '2019-06-30'");
    auto done = b->PostForm(PlanPath("/actions/" + std::to_string(action)),
                            {{"csrf_token", b->CsrfFrom(PlanPath())}, {"status", "done"}});
    ASSERT_EQ(done->status, 303);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plan_actions WHERE description = 'Patients'' panel reviews the new "
                    "leaflet' AND status = 'done'"),
              1);
    EXPECT_EQ(CountAudit("buddy_plan.action_status"), 1);
    auto bad = b->PostForm(PlanPath("/actions/999999"), {{"csrf_token", b->CsrfFrom(PlanPath())}, {"status", "done"}});
    EXPECT_TRUE(IsErrorPage(bad, 404, "this plan has no such action"));
}

TEST_F(PartnershipAuditsHttpTest, AnActionWithoutDescriptionOrAnUnknownStatusIs422AndWritesNothing) {
    auto b = SignedIn("facilitator");
    const std::int64_t before = Count("SELECT COUNT(*) FROM buddy_plan_actions");
    httplib::Params form = {{"csrf_token", b->CsrfFrom(PlanPath())}, {"description", " "}, {"owner", ""}};
    form.emplace("due_on-day", "40");
    form.emplace("due_on-month", "1");
    form.emplace("due_on-year", "2019");
    auto r = b->PostForm(PlanPath("/actions"), form);
    EXPECT_EQ(r->status, 422);
    EXPECT_TRUE(HasFieldError(r, "description"));
    EXPECT_TRUE(HasFieldError(r, "owner"));
    EXPECT_TRUE(HasFieldError(r, "due_on-day"));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plan_actions"), before);
    const std::int64_t action = Count("SELECT MIN(id) FROM buddy_plan_actions");
    auto status = b->PostForm(PlanPath("/actions/" + std::to_string(action)),
                              {{"csrf_token", b->CsrfFrom(PlanPath())}, {"status", "finished"}});
    EXPECT_TRUE(
        HasFieldError(status, "status-" + std::to_string(action), "Choose open, done or dropped for the action"));
    EXPECT_EQ(CountAudit("buddy_plan.action_add") + CountAudit("buddy_plan.action_status"), 0);
}

TEST_F(PartnershipAuditsHttpTest, AnalystStartsAPlanAndItsEvaluationTestsTheChangeWithoutShowingSmallNumbers) {
    AddOrganisation("RD8", "Milton Keynes University Hospital NHS Foundation Trust");
    AddOrganisation("RR7", "Gateshead Health NHS Foundation Trust");
    AddResult("RD8", 2016, "Q17", 80.0, 300);
    AddResult("RD8", 2017, "Q17", 90.0, 320);
    AddResult("RD8", 2016, "Q14", 77.7, 15);  // too few respondents: never shown
    AddResult("RD8", 2017, "Q14", 66.6, 250);
    AddResult("RD8", 2016, "Q59", 8.81, 300);
    AddResult("RD8", 2017, "Q59", 8.93, 310);

    auto b = SignedIn("analyst");
    auto form = b->Get("/buddy-plans/new?year=2016&mentor=rr7&mentee=RD8");
    ASSERT_EQ(form->status, 200);
    EXPECT_TRUE(Contains(form->body, "value=\"RR7\""));
    EXPECT_TRUE(Contains(form->body, "id=\"starts_on-day\""));
    httplib::Params post = {{"csrf_token", b->CsrfFrom("/buddy-plans/new")},
                            {"mentor_code", "RR7"},
                            {"mentee_code", "rd8"},
                            {"pair_year", "2016"},
                            {"questions", "Q17, q14 Q59"},
                            {"summary", "Named nurse for everyone"}};
    const auto window = partnership::DefaultBuddyPlanWindow(2016);
    AddDate(post, "starts_on", window.starts_on);
    AddDate(post, "ends_on", window.ends_on);
    auto r = b->PostForm("/buddy-plans", post);
    ASSERT_EQ(r->status, 303);
    EXPECT_EQ(CountAudit("buddy_plan.create"), 1);
    const std::string location = r->get_header_value("Location");
    auto plan = b->Get(location);
    ASSERT_EQ(plan->status, 200);
    EXPECT_TRUE(Contains(plan->body, "Milton Keynes University Hospital NHS Foundation Trust"));
    EXPECT_EQ(Occurrences(plan->body, "cv-evaluation-row"), 3u);
    EXPECT_TRUE(Contains(plan->body, "<strong>Improved</strong>"));  // Q17: 80% of 300 to 90% of 320
    EXPECT_TRUE(Contains(plan->body, "fewer than 21 respondents"));
    EXPECT_FALSE(Contains(plan->body, "77.7"));  // Q14 in 2016: suppressed, so Q14 is not evaluated
    EXPECT_TRUE(Contains(plan->body, "66.6%"));  // its 2017 figure had enough respondents
    EXPECT_TRUE(Contains(plan->body, "not a percentage"));

    auto csv = b->Get(location + "/evaluation.csv");
    ASSERT_EQ(csv->status, 200);
    EXPECT_EQ(csv->body.rfind("mentee,mentor,question,before_year,before_score,before_n,after_year,", 0), 0u);
    EXPECT_EQ(Occurrences(csv->body, "\n"), 4u);
    EXPECT_NE(csv->body.find("RD8,RR7,Q17,2016,80.00,300,2017,90.00,320,improved,"), std::string::npos);
    EXPECT_EQ(csv->body.find("77.7"), std::string::npos);

    EXPECT_TRUE(
        IsErrorPage(b->Get(location + "?after=2015"), 422, "after: '2015' is not a published year after the pair's"));
    EXPECT_EQ(b->Get(location + "?after=2017")->status, 200);

    // The pair has its plan now.
    auto again = b->PostForm("/buddy-plans", post);
    EXPECT_TRUE(HasFieldError(again, "mentee_code", "This pair already has a plan for 2016", 409));
}

TEST_F(PartnershipAuditsHttpTest, StartingAPlanWithBadFieldsIs422NamingEachAndWritesNothing) {
    AddOrganisation("RR7", "Gateshead Health NHS Foundation Trust");
    auto b = SignedIn("analyst");
    const std::int64_t before = Count("SELECT COUNT(*) FROM buddy_plans");
    httplib::Params post = {{"csrf_token", b->CsrfFrom("/buddy-plans/new")},
                            {"mentor_code", "RR7"},
                            {"mentee_code", "ZZZ9"},
                            {"pair_year", "twenty"},
                            {"questions", "Q17, where"}};
    AddDate(post, "starts_on", *CivilDate::FromYmd(2019, 7, 31));
    AddDate(post, "ends_on", *CivilDate::FromYmd(2019, 2, 1));
    auto r = b->PostForm("/buddy-plans", post);
    EXPECT_EQ(r->status, 422);
    EXPECT_TRUE(HasFieldError(r, "mentee_code"));
    EXPECT_TRUE(HasFieldError(r, "pair_year"));
    EXPECT_TRUE(HasFieldError(r, "ends_on-day"));
    EXPECT_TRUE(HasFieldError(r, "questions"));
    EXPECT_TRUE(Contains(r->body, "WHERE"));  // the bad question is named
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plans"), before);
    EXPECT_EQ(CountAudit("buddy_plan.create"), 0);

    httplib::Params same = {{"csrf_token", b->CsrfFrom("/buddy-plans/new")},
                            {"mentor_code", "RR7"},
                            {"mentee_code", "RR7"},
                            {"pair_year", "2018"},
                            {"questions", ""}};
    auto r2 = b->PostForm("/buddy-plans", same);
    EXPECT_EQ(r2->status, 422);
    EXPECT_TRUE(Contains(r2->body, "cannot mentor itself"));
    EXPECT_TRUE(HasFieldError(r2, "starts_on-day"));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plans"), before);
}

TEST_F(PartnershipAuditsHttpTest, FacilitatorStartsPlansOnlyForOrganisationsTheirGroupWorksWith) {
    AddOrganisation("RD8", "Milton Keynes University Hospital NHS Foundation Trust");
    AddOrganisation("RR7", "Gateshead Health NHS Foundation Trust");
    AddOrganisation("RX1", "Nottingham University Hospitals NHS Trust");
    AddOrganisation("RTH", "Oxford University Hospitals NHS Foundation Trust");
    auto plan = [&](Browser& b, const std::string& mentor, const std::string& mentee) {
        httplib::Params post = {{"csrf_token", b.CsrfFrom("/buddy-plans")},
                                {"mentor_code", mentor},
                                {"mentee_code", mentee},
                                {"pair_year", "2017"},
                                {"questions", "Q17"}};
        const auto window = partnership::DefaultBuddyPlanWindow(2017);
        AddDate(post, "starts_on", window.starts_on);
        AddDate(post, "ends_on", window.ends_on);
        return b.PostForm("/buddy-plans", post);
    };
    const std::int64_t before = Count("SELECT COUNT(*) FROM buddy_plans");
    auto facilitator = SignedIn("facilitator");
    auto form = facilitator->Get("/buddy-plans/new");
    ASSERT_EQ(form->status, 200);
    EXPECT_TRUE(Contains(form->body, "RD8"));  // the organisations the demo group works with
    EXPECT_TRUE(IsErrorPage(plan(*facilitator, "RX1", "RTH"), 403, kOnlyPlanManagers));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plans"), before);
    EXPECT_EQ(plan(*facilitator, "RR7", "RD8")->status, 303);  // a new year for the demo pair
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plans"), before + 1);
    // A facilitator of no group cannot start any plan.
    auto lone = SignedIn("lonefacilitator");
    EXPECT_TRUE(IsErrorPage(lone->Get("/buddy-plans/new"), 403, kOnlyPlanManagers));
    EXPECT_TRUE(IsErrorPage(plan(*lone, "RR7", "RD8"), 403, kOnlyPlanManagers));
}

TEST_F(PartnershipAuditsHttpTest, BuddyPlanFormsRefuseAPostWithoutTheCsrfToken) {
    AddOrganisation("RD8", "Milton Keynes University Hospital NHS Foundation Trust");
    AddOrganisation("RR7", "Gateshead Health NHS Foundation Trust");
    auto b = SignedIn("admin");
    const std::int64_t plans = Count("SELECT COUNT(*) FROM buddy_plans");
    const std::int64_t actions = Count("SELECT COUNT(*) FROM buddy_plan_actions");
    httplib::Params post = {
        {"mentor_code", "RR7"}, {"mentee_code", "RD8"}, {"pair_year", "2016"}, {"questions", "Q17"}};
    const auto window = partnership::DefaultBuddyPlanWindow(2016);
    AddDate(post, "starts_on", window.starts_on);
    AddDate(post, "ends_on", window.ends_on);
    EXPECT_TRUE(IsErrorPage(b->PostForm("/buddy-plans", post), 403, kCsrfRefused));
    EXPECT_TRUE(IsErrorPage(b->PostForm(PlanPath("/actions"), {{"description", "Visit"}, {"owner", "Nurse"}}), 403,
                            kCsrfRefused));
    const std::int64_t action = Count("SELECT MIN(id) FROM buddy_plan_actions WHERE status = 'open'");
    EXPECT_TRUE(IsErrorPage(
        b->PostForm(PlanPath("/actions/" + std::to_string(action)), {{"csrf_token", "x"}, {"status", "done"}}), 403,
        kCsrfRefused));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plans"), plans);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plan_actions"), actions);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM buddy_plan_actions WHERE status = 'open' AND id = " + std::to_string(action)),
              1);
}

}  // namespace
}  // namespace carevoice::web::testing
