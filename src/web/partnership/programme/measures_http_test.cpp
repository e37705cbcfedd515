// HTTP behaviour of a group's measures (issues 4, 9 and 10): adding a measure — typed in, from the published
// survey, or fed from the pathway — and its values by hand or CSV, on the real server over the demo group
// (test clock 2026-09-22). A measure fed from the pathway is checked against counts worked by hand from
// pathways written for the test: 05W has 9 of 10 diagnoses within 28 days in June 2026 (90%) and 8 of 8 in
// July (100%); 05G 5 of 5 in June (too few to show); every area 14 of 15 in June (93.33%).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pathway/events.hpp"
#include "pathway/patient.hpp"
#include "pathway/record.hpp"
#include "store/measures_repository.hpp"
#include "store/pathway_events_repository.hpp"
#include "store/pathway_repository.hpp"
#include "web/http/app.hpp"
#include "web/testing/demo_group_fixture.hpp"
#include "web/testing/payloads.hpp"

namespace carevoice::web::testing {
namespace {

CivilDate D(const char* iso) { return CivilDate::Parse(iso).value(); }

class MeasuresHttpTest : public DemoGroupHttpTest {
  protected:
    // One urgent suspected cancer pathway of a patient in `area`, referred on `referral` and told of the
    // diagnosis on `told` (its FDS clock stops that day: met within 28 days, breached after).
    void AddPathway(int n, const char* area, const char* referral, const char* told) {
        auto conn = server_->app().database().Acquire();
        store::PathwayRepository repo(*conn);
        const std::int64_t now = server_->clock().NowSeconds();
        char nine[10];
        std::snprintf(nine, sizeof nine, "4%08d", n * 7);
        auto check = pathway::NhsCheckDigit(nine);
        if (!check) return AddPathway(n + 1000, area, referral, told);
        pathway::Patient p;
        p.nhs_number = std::string(nine) + std::to_string(*check);
        p.given_name = "Test";
        p.family_name = "Patient" + std::to_string(n);
        p.date_of_birth = D("1950-03-14");
        p.area_code = area;
        auto patient = repo.CreatePatient(p, now, server_->clock().Today());
        ASSERT_TRUE(patient.ok()) << patient.status().ToString();
        pathway::PathwayRecord r;
        r.ref = "M" + std::to_string(n);
        r.patient_id = patient->id;
        r.route = pathway::Route::kUrgentSuspectedCancer;
        r.referral_received_on = D(referral);
        r.tumour_group = "lung";
        r.prime_provider = "RD8";
        ASSERT_TRUE(repo.CreatePathway(r, now).ok());
        pathway::Event referred;
        referred.pathway_id = r.ref;
        referred.event_id = "ref";
        referred.date = D(referral);
        referred.type = pathway::EventType::kReferralReceived;
        referred.provider = "RD8";
        referred.route = pathway::Route::kUrgentSuspectedCancer;
        pathway::Event dx = referred;
        dx.event_id = "dx";
        dx.date = D(told);
        dx.type = pathway::EventType::kDiagnosisCommunicated;
        dx.route.reset();
        dx.outcome = pathway::DiagnosisOutcome::kRuledOut;
        auto imported = store::PathwayEventsRepository(*conn).Import({referred, dx}, now, "test");
        ASSERT_TRUE(imported.ok()) << imported.status().ToString();
    }

    void AddJunePathways() {
        int n = 1;
        for (int i = 0; i < 9; ++i) AddPathway(n++, "05W", "2026-06-01", "2026-06-20");  // 19 days: met
        AddPathway(n++, "05W", "2026-05-10", "2026-06-15");                              // 36 days: breached
        for (int i = 0; i < 5; ++i) AddPathway(n++, "05G", "2026-06-02", "2026-06-22");  // met, but only 5
        for (int i = 0; i < 8; ++i) AddPathway(n++, "05W", "2026-07-01", "2026-07-10");  // met
    }

    httplib::Params PathwayMeasureForm(Browser& b, const std::string& area) {
        return {{"csrf_token", b.CsrfFrom("/account")},
                {"name", "Told within 28 days in " + (area.empty() ? std::string("every area") : area)},
                {"unit", "%"},
                {"better", "higher"},
                {"target", "80"},
                {"work_item_id", ""},
                {"source", "pathway"},
                {"pathway_measure", "fds"},
                {"pathway_area", area}};
    }

    // Creates the measure through the form and returns its chart's path.
    std::string Create(Browser& b, const httplib::Params& form) {
        auto r = b.PostForm(GroupPath("/measures"), form);
        EXPECT_TRUE(r && r->status == 303) << (r ? r->body.substr(0, 800) : "no response");
        return r ? r->get_header_value("Location") : "";
    }
};

// ---- Adding a measure ----

TEST_F(MeasuresHttpTest, FacilitatorAddsAMeasureFedFromThePathwayAndItsChartShowsTheMonthWorkedByHand) {
    AddJunePathways();
    auto b = SignedIn("facilitator");
    auto form = b->Get(GroupPath("/measures/new"));
    ASSERT_EQ(form->status, 200);
    EXPECT_TRUE(Contains(form->body, "A waiting-time standard of the pathway"));
    EXPECT_TRUE(Contains(form->body, "<option value=\"05W\""));  // the areas patients live in
    const std::string chart = Create(*b, PathwayMeasureForm(*b, "05W"));
    EXPECT_EQ(CountAudit("measure.create"), 1);
    auto page = b->Get(chart);
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(Contains(page->body, "The pathway: Faster Diagnosis Standard"));
    // June 2026: 9 met of 10 counted; July 8 of 8.
    EXPECT_TRUE(HasTableRow(page->body, "The observations", {"1 June 2026", "90.00"}));
    EXPECT_TRUE(HasTableRow(page->body, "The observations", {"1 July 2026", "100.00"}));
    EXPECT_EQ(Occurrences(page->body, "cv-observation"), 2u);  // no other month has enough to show
    EXPECT_FALSE(Contains(page->body, "Patient1"));
    // The members of the group read it too, and the values page takes no values by hand.
    EXPECT_EQ(SignedIn("member")->Get(chart)->status, 200);
    auto typed = b->PostForm(chart + "/values", {{"csrf_token", b->CsrfFrom("/account")},
                                                 {"date-day", "1"},
                                                 {"date-month", "7"},
                                                 {"date-year", "2026"},
                                                 {"value", "100"}});
    EXPECT_TRUE(IsErrorPage(typed, 422, "This measure is fed from the pathway"));
}

TEST_F(MeasuresHttpTest, APathwayMonthWithTooFewPatientsIsLeftOutAndEveryAreaAddsThemUp) {
    AddJunePathways();
    auto b = SignedIn("facilitator");
    auto few = b->Get(Create(*b, PathwayMeasureForm(*b, "05G")));
    EXPECT_TRUE(Contains(few->body, "There are no values to chart yet")) << few->body;
    EXPECT_EQ(Occurrences(few->body, "cv-observation") + Occurrences(few->body, "cv-value"), 0u);
    auto all = b->Get(Create(*b, PathwayMeasureForm(*b, "")));
    // June, 14 met of 15: 93.33%.
    EXPECT_TRUE(HasTableRow(all->body, "The observations", {"1 June 2026", "93.33"}));
}

TEST_F(MeasuresHttpTest, AMeasureTypedInStartsEmptyAndSaysHowToAddValues) {
    auto b = SignedIn("facilitator");
    const std::string chart = Create(*b, {{"csrf_token", b->CsrfFrom("/account")},
                                          {"name", "Calls answered within a day"},
                                          {"unit", "calls"},
                                          {"better", "higher"},
                                          {"target", ""},
                                          {"source", "manual"}});
    auto page = b->Get(chart);
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(Contains(page->body, "There are no values to chart yet"));
    EXPECT_TRUE(Contains(page->body, "href=\"" + chart + "/values\""));
}

TEST_F(MeasuresHttpTest, OneValueIsListedWithWhyThereIsNoChartYet) {
    auto b = SignedIn("facilitator");
    const std::string chart = Create(*b, {{"csrf_token", b->CsrfFrom("/account")},
                                          {"name", "Calls answered within a day"},
                                          {"unit", "calls"},
                                          {"better", "higher"},
                                          {"source", "manual"}});
    ASSERT_EQ(b->PostForm(chart + "/values", {{"csrf_token", b->CsrfFrom("/account")},
                                              {"date-day", "1"},
                                              {"date-month", "9"},
                                              {"date-year", "2026"},
                                              {"value", "12"}})
                  ->status,
              303);
    auto page = b->Get(chart);
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(Contains(page->body, "The chart cannot be drawn yet"));
    EXPECT_EQ(Occurrences(page->body, "cv-value"), 1u);
}

TEST_F(MeasuresHttpTest, AFormWithProblemsNamesEachFieldInPageOrderAndWritesNothing) {
    auto b = SignedIn("facilitator");
    const std::int64_t before = Count("SELECT COUNT(*) FROM measures");
    auto r = b->PostForm(GroupPath("/measures"), {{"csrf_token", b->CsrfFrom("/account")},
                                                  {"name", ""},
                                                  {"unit", "%"},
                                                  {"better", "sideways"},
                                                  {"target", "150"},
                                                  {"source", "pathway"},
                                                  {"pathway_measure", "key_worker"}});
    EXPECT_TRUE(HasFieldError(r, "name", "Enter the measure's name"));
    EXPECT_TRUE(HasFieldError(r, "target", "from 0 to 100"));
    EXPECT_EQ(ErrorSummaryLinks(r->body),
              (std::vector<std::string>{"name", "better-higher", "target", "pathway_measure"}));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM measures"), before);
    EXPECT_EQ(CountAudit("measure.create"), 0);
    // What was typed is kept.
    EXPECT_TRUE(Contains(r->body, "value=\"150\""));
}

TEST_F(MeasuresHttpTest, ASurveyMeasureNeedsAnOrganisationCarevoiceKnows) {
    auto b = SignedIn("facilitator");
    auto r = b->PostForm(GroupPath("/measures"), {{"csrf_token", b->CsrfFrom("/account")},
                                                  {"name", "Named CNS"},
                                                  {"unit", "%"},
                                                  {"better", "higher"},
                                                  {"source", "cpes"},
                                                  {"cpes_org_code", "zz9"},
                                                  {"cpes_question", "Q17"}});
    EXPECT_TRUE(HasFieldError(r, "cpes_org_code", "no organisation with the code ZZ9"));
    EXPECT_EQ(CountAudit("measure.create"), 0);
}

TEST_F(MeasuresHttpTest, OnlyThoseWhoRunTheGroupAddMeasures) {
    for (const char* who : {"member", "analyst", "outsider"}) {
        auto b = SignedIn(who);
        EXPECT_EQ(b->Get(GroupPath("/measures/new"))->status, 403) << who;
        EXPECT_EQ(b->PostForm(GroupPath("/measures"), PathwayMeasureForm(*b, "05W"))->status, 403) << who;
    }
    auto b = SignedIn("facilitator");
    auto no_token = PathwayMeasureForm(*b, "05W");
    no_token.erase("csrf_token");
    EXPECT_TRUE(IsErrorPage(b->PostForm(GroupPath("/measures"), no_token), 403, kCsrfRefused));
    EXPECT_EQ(CountAudit("measure.create"), 0);
}

// ---- Values ----

TEST_F(MeasuresHttpTest, FacilitatorAddsAValueByHandAndItReachesTheChart) {
    const auto measure = MeasureOf(improvement::MeasureSource::kManual);
    auto b = SignedIn("facilitator");
    auto page = b->Get(MeasurePath(measure, "/values"));
    ASSERT_EQ(page->status, 200);
    EXPECT_TRUE(Contains(page->body, "Import values from a CSV file"));
    const std::string observations =
        "SELECT COUNT(*) FROM measure_observations WHERE measure_id = " + std::to_string(measure.id);
    const std::int64_t before = Count(observations);
    auto bad = b->PostForm(MeasurePath(measure, "/values"), {{"csrf_token", b->CsrfFrom("/account")},
                                                             {"date-day", "1"},
                                                             {"date-month", "9"},
                                                             {"date-year", "2026"},
                                                             {"value", "ninety"}});
    EXPECT_EQ(bad->status, 422);
    EXPECT_TRUE(HasFieldError(bad, "value"));
    EXPECT_EQ(Count(observations), before);

    auto r = b->PostForm(MeasurePath(measure, "/values"), {{"csrf_token", b->CsrfFrom("/account")},
                                                           {"date-day", "1"},
                                                           {"date-month", "9"},
                                                           {"date-year", "2026"},
                                                           {"value", "91.5"}});
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(r->get_header_value("Location"), MeasurePath(measure));
    EXPECT_EQ(Count(observations), before + 1);
    EXPECT_EQ(CountAudit("measure.value_set"), 1);
    EXPECT_TRUE(Contains(b->Get(MeasurePath(measure))->body, "2026-09-01"));
}

TEST_F(MeasuresHttpTest, CsvImportNamesTheLineOfEachProblemAndWritesNothing) {
    const auto measure = MeasureOf(improvement::MeasureSource::kManual);
    auto b = SignedIn("facilitator");
    const std::string observations =
        "SELECT COUNT(*) FROM measure_observations WHERE measure_id = " + std::to_string(measure.id);
    const std::int64_t before = Count(observations);
    auto r = b->PostForm(MeasurePath(measure, "/import"),
                         {{"csrf_token", b->CsrfFrom("/account")},
                          {"csv", "date,value\n2026-09-01,90\n2026-09-08,lots\n2026-09-15,92\n"}});
    EXPECT_EQ(r->status, 422);
    EXPECT_TRUE(Contains(r->body, "line 3, column value")) << r->body;
    EXPECT_TRUE(HasFieldError(r, "csv"));
    EXPECT_EQ(Count(observations), before);
    EXPECT_EQ(CountAudit("measure.import"), 0);
}

TEST_F(MeasuresHttpTest, CsvFileUploadAddsEveryRow) {
    const auto measure = MeasureOf(improvement::MeasureSource::kManual);
    auto b = SignedIn("facilitator");
    const std::string observations =
        "SELECT COUNT(*) FROM measure_observations WHERE measure_id = " + std::to_string(measure.id);
    const std::int64_t before = Count(observations);
    const std::string boundary = "cvProgrammeBoundary42";
    auto r = b->Send("POST", MeasurePath(measure, "/import"),
                     Multipart(boundary, {{"csrf_token", b->CsrfFrom("/account")}, {"csv", ""}}, "file", "values.csv",
                               "Date,Value\r\n2026-09-01,90\r\n2026-09-15,93\r\n"),
                     "multipart/form-data; boundary=" + boundary);
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(Count(observations), before + 2);
    EXPECT_EQ(CountAudit("measure.import"), 1);
}

TEST_F(MeasuresHttpTest, SurveyFedMeasureTakesNoValuesByHand) {
    const auto measure = MeasureOf(improvement::MeasureSource::kCpes);
    auto b = SignedIn("facilitator");
    EXPECT_TRUE(Contains(b->Get(MeasurePath(measure, "/values"))->body, "fed from the published survey"));
    auto r = b->PostForm(MeasurePath(measure, "/values"), {{"csrf_token", b->CsrfFrom("/account")},
                                                           {"date-day", "1"},
                                                           {"date-month", "1"},
                                                           {"date-year", "2019"},
                                                           {"value", "90"}});
    EXPECT_TRUE(IsErrorPage(r, 422, "This measure is fed from the published survey results"));
    EXPECT_EQ(CountAudit("measure.value_set"), 0);
}

TEST_F(MeasuresHttpTest, MemberAndAnalystCannotAddMeasureValues) {
    const auto measure = MeasureOf(improvement::MeasureSource::kManual);
    for (const char* who : {"member", "analyst"}) {
        auto b = SignedIn(who);
        EXPECT_TRUE(IsErrorPage(b->Get(MeasurePath(measure, "/values")), 403, kOnlyManagers)) << who;
        EXPECT_TRUE(IsErrorPage(b->PostForm(MeasurePath(measure, "/values"), {{"csrf_token", b->CsrfFrom("/account")},
                                                                              {"date-day", "1"},
                                                                              {"date-month", "10"},
                                                                              {"date-year", "2026"},
                                                                              {"value", "1"}}),
                                403, kOnlyManagers));
        EXPECT_TRUE(IsErrorPage(b->PostForm(MeasurePath(measure, "/import"), {{"csrf_token", b->CsrfFrom("/account")},
                                                                              {"csv", "date,value\n2026-10-01,1\n"}}),
                                403, kOnlyManagers));
    }
    EXPECT_EQ(CountAudit("measure.value_set") + CountAudit("measure.import"), 0);
}

// ---- Values that fit the measure, corrections and rebasing (issue 10, item 3) ----

TEST_F(MeasuresHttpTest, AValueOf150PercentAFutureDateOrATakenDateIsRefusedNamingTheField) {
    const auto measure = MeasureOf(improvement::MeasureSource::kManual);  // in %
    auto b = SignedIn("facilitator");
    auto add = [&](const char* day, const char* month, const char* value) {
        return b->PostForm(MeasurePath(measure, "/values"), {{"csrf_token", b->CsrfFrom("/account")},
                                                             {"date-day", day},
                                                             {"date-month", month},
                                                             {"date-year", "2026"},
                                                             {"value", value}});
    };
    EXPECT_TRUE(HasFieldError(add("1", "9", "150"), "value", "a percentage: a number from 0 to 100"));
    EXPECT_TRUE(HasFieldError(add("1", "10", "50"), "date-day", "today or earlier"));
    EXPECT_TRUE(HasFieldError(add("1", "8", "50"), "date-day", "There is already a value on 1 August 2026"));
    auto csv = b->PostForm(MeasurePath(measure, "/import"),
                           {{"csrf_token", b->CsrfFrom("/account")}, {"csv", "date,value\n2026-09-01,101\n"}});
    EXPECT_TRUE(HasFieldError(csv, "csv", "line 2, column value: 101 is not a percentage"));
    EXPECT_EQ(CountAudit("measure.value_set") + CountAudit("measure.import"), 0);
}

TEST_F(MeasuresHttpTest, AValueIsCorrectedOrRemovedWithAReasonKeptBesideTheChart) {
    const auto measure = MeasureOf(improvement::MeasureSource::kManual);
    auto b = SignedIn("facilitator");
    const std::string value_on_1_august =
        "SELECT value FROM measure_observations WHERE observed_on = '2026-08-01' AND measure_id = " +
        std::to_string(measure.id);
    auto no_reason = b->PostForm(MeasurePath(measure, "/values/correct"), {{"csrf_token", b->CsrfFrom("/account")},
                                                                           {"correct_date", "2026-08-01"},
                                                                           {"correct_action", "change"},
                                                                           {"correct_value", "86"},
                                                                           {"correct_reason", ""}});
    EXPECT_TRUE(HasFieldError(no_reason, "correct_reason", "Enter the reason"));
    EXPECT_EQ(Count(value_on_1_august), 87);
    auto r = b->PostForm(MeasurePath(measure, "/values/correct"), {{"csrf_token", b->CsrfFrom("/account")},
                                                                   {"correct_date", "2026-08-01"},
                                                                   {"correct_action", "change"},
                                                                   {"correct_value", "86"},
                                                                   {"correct_reason", "Two cards counted twice"}});
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(Count(value_on_1_august), 86);
    EXPECT_EQ(CountAudit("measure.value_corrected"), 1);
    auto removed = b->PostForm(MeasurePath(measure, "/values/correct"), {{"csrf_token", b->CsrfFrom("/account")},
                                                                         {"correct_date", "2026-07-01"},
                                                                         {"correct_action", "remove"},
                                                                         {"correct_reason", "The clinic was shut"}});
    EXPECT_EQ(removed->status, 303);
    EXPECT_EQ(CountAudit("measure.value_removed"), 1);
    auto chart = b->Get(MeasurePath(measure));
    EXPECT_TRUE(Contains(chart->body, "Two cards counted twice"));
    EXPECT_TRUE(Contains(chart->body, "The clinic was shut"));
    // Gone from the chart's table; the corrected value is there.
    EXPECT_TRUE(HasTableRow(chart->body, "The observations", {"1 August 2026", "86.00"}));
    EXPECT_FALSE(HasTableRow(chart->body, "The observations", {"1 July 2026"}));
}

TEST_F(MeasuresHttpTest, TheLimitsAreRecalculatedFromAPointWithTheReasonShownAndCanBeUndone) {
    const auto measure = MeasureOf(improvement::MeasureSource::kManual);  // cards arrive half way
    auto b = SignedIn("facilitator");
    const std::string first = b->Get(MeasurePath(measure))->body;
    EXPECT_TRUE(Contains(first, "Recalculate the limits from a point"));
    auto no_reason =
        b->PostForm(MeasurePath(measure, "/rebases"),
                    {{"csrf_token", b->CsrfFrom("/account")}, {"rebase_date", "2026-01-01"}, {"rebase_reason", ""}});
    EXPECT_TRUE(HasFieldError(no_reason, "rebase_reason", "Enter why the process changed"));
    auto not_a_point = b->PostForm(
        MeasurePath(measure, "/rebases"),
        {{"csrf_token", b->CsrfFrom("/account")}, {"rebase_date", "2026-01-15"}, {"rebase_reason", "Cards"}});
    EXPECT_TRUE(HasFieldError(not_a_point, "rebase_date", "Choose the point"));
    auto last = b->PostForm(
        MeasurePath(measure, "/rebases"),
        {{"csrf_token", b->CsrfFrom("/account")}, {"rebase_date", "2026-08-01"}, {"rebase_reason", "Cards"}});
    EXPECT_TRUE(HasFieldError(last, "rebase_date", "cannot be recalculated from 1 August 2026"));
    auto r =
        b->PostForm(MeasurePath(measure, "/rebases"), {{"csrf_token", b->CsrfFrom("/account")},
                                                       {"rebase_date", "2025-12-01"},
                                                       {"rebase_reason", "Contact cards handed out from December"}});
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(CountAudit("measure.rebase"), 1);
    auto chart = b->Get(MeasurePath(measure));
    EXPECT_TRUE(Contains(chart->body, "From 1 December 2025:</strong> Contact cards handed out from December"));
    EXPECT_TRUE(Contains(chart->body, "cv-spc__rebase"));
    EXPECT_TRUE(Contains(chart->body, "Limits recalculated"));
    // Members read it but cannot change it; the facilitator undoes it.
    auto member = SignedIn("member");
    EXPECT_TRUE(Contains(member->Get(MeasurePath(measure))->body, "Contact cards handed out"));
    EXPECT_EQ(member
                  ->PostForm(MeasurePath(measure, "/rebases/remove"),
                             {{"csrf_token", member->CsrfFrom("/account")}, {"rebase_date", "2025-12-01"}})
                  ->status,
              403);
    auto undo = b->PostForm(MeasurePath(measure, "/rebases/remove"),
                            {{"csrf_token", b->CsrfFrom("/account")}, {"rebase_date", "2025-12-01"}});
    EXPECT_EQ(undo->status, 303);
    EXPECT_FALSE(Contains(b->Get(MeasurePath(measure))->body, "Contact cards handed out"));
}

TEST_F(MeasuresHttpTest, TheChartAxisSaysTheUnitAndALongNameIsNotCutOff) {
    const auto measure = MeasureOf(improvement::MeasureSource::kManual);
    auto page = SignedIn("member")->Get(MeasurePath(measure));
    // The y axis reads "Per cent"; the measure's long name is the page's heading, not squeezed onto the axis.
    EXPECT_TRUE(Contains(page->body, ">Per cent</text>"));
    EXPECT_FALSE(Contains(page->body, "(%)</text>"));
}

}  // namespace
}  // namespace carevoice::web::testing
