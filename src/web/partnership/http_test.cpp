// HTTP behaviour of the partnership pages (issue 4, first slice) on the real server, over the demo
// group modelled on Milton Keynes: the public page keeps members' details private, the members page
// is for those who run the group and is audited, impacts recorded by members reach the public page
// only when marked public, and a measure's XmR chart comes with its data.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "demo/partnership_demo.hpp"
#include "partnership/person.hpp"
#include "store/groups_repository.hpp"
#include "store/impact_repository.hpp"
#include "store/measures_repository.hpp"
#include "store/people_repository.hpp"
#include "web/http/app.hpp"
#include "web/testing/demo_group_fixture.hpp"
#include "web/testing/partnership_forms.hpp"

namespace carevoice::web::testing {
namespace {

class PartnershipHttpTest : public DemoGroupHttpTest {
  protected:
    httplib::Params ImpactForm(Browser& b, const std::string& title, bool is_public) {
        return testing::ImpactForm(b, group_id_, title, is_public);
    }
};

TEST_F(PartnershipHttpTest, LandingPageListsGroupsWithHowToJoin) {
    Browser b(server_->port());
    auto r = b.Get("/partnership");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("Milton Keynes Cancer Patient Partnership"), std::string::npos);
    EXPECT_NE(r->body.find(GroupPath("#join")), std::string::npos);
    EXPECT_EQ(r->body.find("Your groups"), std::string::npos);
}

TEST_F(PartnershipHttpTest, LandingPageShowsSignedInMemberTheirGroups) {
    auto b = SignedIn("member");
    auto r = b->Get("/partnership");
    EXPECT_NE(r->body.find("Your groups"), std::string::npos);
    EXPECT_NE(r->body.find(GroupPath("/impacts/new")), std::string::npos);
}

// The group's workspace (issue 10, item 1): the home page of someone in a group links straight to it, and
// it links every tool of the group, grouped by what they are for, each as the user's role allows.
TEST_F(PartnershipHttpTest, TheHomePageLinksTheWorkspaceWhichLinksEveryToolOfTheGroup) {
    auto b = SignedIn("facilitator");
    auto home = b->Get("/");
    EXPECT_TRUE(Contains(home->body, "Your partnership group"));
    EXPECT_TRUE(Contains(home->body, "href=\"" + GroupPath("/overview") + "\""));
    EXPECT_TRUE(Contains(home->body, "You are its facilitator"));
    auto workspace = b->Get(GroupPath("/overview"));
    ASSERT_EQ(workspace->status, 200);
    for (const char* tool : {"/meetings", "/actions", "/members", "/diversity", "/edit", "/programme",
                             "/programme/ballot", "/measures/new", "/report", "/impacts/new", "/impacts", "/influence",
                             "/involvement", "/impacts/by-kind", "/audits"}) {
        EXPECT_TRUE(Contains(workspace->body, "href=\"" + GroupPath(tool) + "\"")) << tool;
    }
    EXPECT_TRUE(Contains(workspace->body, "href=\"/buddy-plans\""));
    for (const char* heading :
         {"Meetings and people", "This year's work", "The difference the group makes", "Places and partners"}) {
        EXPECT_TRUE(Contains(workspace->body, heading)) << heading;
    }
    // A member sees the tools of a member: no members list, no measure to add.
    auto member = SignedIn("member")->Get(GroupPath("/overview"));
    ASSERT_EQ(member->status, 200);
    EXPECT_FALSE(Contains(member->body, "href=\"" + GroupPath("/members") + "\""));
    EXPECT_FALSE(Contains(member->body, "href=\"" + GroupPath("/measures/new") + "\""));
    EXPECT_TRUE(Contains(member->body, "href=\"" + GroupPath("/impacts/new") + "\""));
    // Someone in no group, and a visitor, get no such section.
    EXPECT_FALSE(Contains(SignedIn("analyst")->Get("/")->body, "Your partnership group"));
    EXPECT_FALSE(Contains(Browser(server_->port()).Get("/")->body, "Your partnership group"));
}

TEST_F(PartnershipHttpTest, PublicPageShowsYouSaidWeDidAndNoPersonalDetails) {
    {
        auto conn = server_->app().database().Acquire();  // released before the requests
        auto impacts = store::ImpactRepository(*conn).ListByGroup(group_id_, /*public_only=*/true);
        ASSERT_TRUE(impacts.ok());
        ASSERT_FALSE(impacts->empty());
    }
    ASSERT_FALSE(people_.empty());

    Browser b(server_->port());
    auto r = b.Get(GroupPath());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("You said, we did"), std::string::npos);
    EXPECT_NE(r->body.find("How to join"), std::string::npos);
    EXPECT_NE(r->body.find("The difference it made"), std::string::npos);
    for (const auto& p : people_) {
        if (!p.consent_to_be_named) {
            EXPECT_EQ(r->body.find(p.name), std::string::npos) << p.name;
        }
        if (!p.email.empty()) {
            EXPECT_EQ(r->body.find(p.email), std::string::npos) << p.email;
        }
        if (!p.phone.empty()) {
            EXPECT_EQ(r->body.find(p.phone), std::string::npos) << p.phone;
        }
        if (!p.postal_address.empty()) {
            EXPECT_EQ(r->body.find(p.postal_address), std::string::npos);
        }
    }
    EXPECT_EQ(r->body.find(GroupPath("/members")), std::string::npos);
}

TEST_F(PartnershipHttpTest, UnknownGroupIsNotFound) {
    Browser b(server_->port());
    EXPECT_TRUE(IsErrorPage(b.Get("/groups/999999"), 404, "no partnership group has the id 999999"));
}

TEST_F(PartnershipHttpTest, MemberOfTheGroupCannotSeeMembersPage) {
    auto b = SignedIn("member");
    auto r = b->Get(GroupPath("/members"));
    EXPECT_TRUE(IsErrorPage(r, 403, kOnlyManagers));
    EXPECT_EQ(r->body.find("@example.org"), std::string::npos);
    EXPECT_EQ(CountAudit("person.list"), 0);
}

TEST_F(PartnershipHttpTest, PublicVisitorIsSentToSignInForMembersPage) {
    Browser b(server_->port());
    auto r = b.Get(GroupPath("/members"));
    EXPECT_TRUE(IsSentToSignIn(r));
    EXPECT_EQ(r->body.find("@example.org"), std::string::npos);
}

TEST_F(PartnershipHttpTest, FacilitatorSeesMembersWithContactDetailsAndTheReadIsAudited) {
    auto b = SignedIn("facilitator");
    auto r = b->Get(GroupPath("/members"));
    EXPECT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("@example.org"), std::string::npos);
    EXPECT_NE(r->body.find("Add a member"), std::string::npos);
    EXPECT_EQ(CountAudit("person.list"), 1);
}

TEST_F(PartnershipHttpTest, AddingMemberWithoutNameIs422NamingTheFieldAndWritesNothing) {
    auto b = SignedIn("facilitator");
    const std::int64_t before = Count("SELECT COUNT(*) FROM people");
    auto r = b->PostForm(GroupPath("/members"), {{"csrf_token", b->CsrfFrom(GroupPath("/members"))},
                                                 {"name", "  "},
                                                 {"contact_method", "phone"},
                                                 {"phone", "01632 960999"},
                                                 {"member_type", "carer"}});
    EXPECT_TRUE(HasFieldError(r, "name", "Name is required"));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM people"), before);
    EXPECT_EQ(CountAudit("person.create"), 0);
}

// A member's whole record: the facilitator adds what the short add form leaves out.
class MemberRecordHttpTest : public PartnershipHttpTest {
  protected:
    void SetUp() override {
        PartnershipHttpTest::SetUp();
        for (const auto& p : people_) {
            if (p.member_type == partnership::MemberType::kCarer && !p.left_on && p.offices.empty()) person_ = p;
        }
        ASSERT_NE(person_.id, 0);
    }
    std::string PersonPath() { return GroupPath("/members/" + std::to_string(person_.id)); }
    // The record as it is, with `changes` on top: what a browser sends when a field is changed.
    httplib::Params Form(Browser& b, const std::vector<std::pair<std::string, std::string>>& changes) {
        httplib::Params form = {
            {"csrf_token", b.CsrfFrom(PersonPath())},
            {"name", person_.name},
            {"contact_method", std::string(NameOf(partnership::kContactMethods, person_.contact_method))},
            {"email", person_.email},
            {"postal_address", person_.postal_address},
            {"phone", person_.phone},
            {"member_type", "carer"}};
        for (const auto& [k, v] : changes) {
            form.erase(k);
            form.emplace(k, v);
        }
        return form;
    }
    partnership::Person Stored() {
        auto conn = server_->app().database().Acquire();
        return *store::PeopleRepository(*conn).Find(person_.id);
    }
    partnership::Person person_;
};

TEST_F(MemberRecordHttpTest, FacilitatorSeesTheRecordAndTheReadIsAudited) {
    auto b = SignedIn("facilitator");
    auto r = b->Get(PersonPath());
    ASSERT_EQ(r->status, 200) << r->body;
    EXPECT_NE(r->body.find(person_.name), std::string::npos);
    EXPECT_NE(r->body.find("Experience of which cancers?"), std::string::npos);
    EXPECT_GE(CountAudit("person.view"), 1);
}

TEST_F(MemberRecordHttpTest, FacilitatorRecordsExperienceDiversityAndLeavingWithAnAuditEntry) {
    auto b = SignedIn("facilitator");
    auto r = b->PostForm(PersonPath(), Form(*b, {{"tumour-1", "yes"},  // Breast
                                                 {"treatment_stage", "bereaved_carer"},
                                                 {"diversity_consent", "yes"},
                                                 {"diversity-ethnic_group", "asian"},
                                                 {"diversity-age_band", "65_74"},
                                                 {"training", "CancerVOICES\n"},
                                                 {"access_needs", "Large print"},
                                                 {"left_on-day", "31"},
                                                 {"left_on-month", "3"},
                                                 {"left_on-year", "2026"}}));
    ASSERT_EQ(r->status, 303) << r->body;
    const auto p = Stored();
    EXPECT_EQ(p.tumour_experience, std::vector<std::string>{"Breast"});
    ASSERT_TRUE(p.treatment_stage);
    EXPECT_EQ(*p.treatment_stage, partnership::TreatmentStage::kBereavedCarer);
    EXPECT_EQ(p.diversity.size(), 2u);
    ASSERT_EQ(p.training.size(), 1u);
    EXPECT_EQ(p.training[0].course, "CancerVOICES");
    EXPECT_EQ(p.access_needs, "Large print");
    ASSERT_TRUE(p.left_on);
    EXPECT_EQ(p.left_on->ToString(), "2026-03-31");
    EXPECT_EQ(CountAudit("person.update"), 1);
}

TEST_F(MemberRecordHttpTest, DiversityAnswersWithoutConsentAre422AndNothingIsSaved) {
    auto b = SignedIn("facilitator");
    auto r =
        b->PostForm(PersonPath(), Form(*b, {{"diversity-ethnic_group", "asian"}, {"access_needs", "Hearing loop"}}));
    EXPECT_TRUE(HasFieldError(r, "diversity_consent", "consent is not recorded"));
    EXPECT_EQ(Stored().access_needs, person_.access_needs);
    EXPECT_EQ(CountAudit("person.update"), 0);
}

TEST_F(MemberRecordHttpTest, ALeavingDateThatIsNotADateIs422) {
    auto b = SignedIn("facilitator");
    auto r =
        b->PostForm(PersonPath(), Form(*b, {{"left_on-day", "31"}, {"left_on-month", "2"}, {"left_on-year", "2026"}}));
    EXPECT_TRUE(HasFieldError(r, "left_on-day", "The date they left must be a real date"));
    EXPECT_FALSE(Stored().left_on);
}

TEST_F(MemberRecordHttpTest, MembersCannotSeeOrChangeAnotherMembersRecord) {
    auto b = SignedIn("member");
    auto r = b->Get(PersonPath());
    EXPECT_TRUE(IsErrorPage(r, 403, kOnlyManagers));
    EXPECT_EQ(r->body.find(person_.name), std::string::npos);
    auto csrf = b->CsrfFrom(GroupPath("/impacts/new"));
    EXPECT_TRUE(
        IsErrorPage(b->PostForm(PersonPath(), {{"csrf_token", csrf}, {"name", "Changed"}}), 403, kOnlyManagers));
    EXPECT_EQ(Stored().name, person_.name);
    EXPECT_EQ(CountAudit("person.view"), 0);
}

TEST_F(MemberRecordHttpTest, WithoutTheCsrfTokenNothingChanges) {
    auto b = SignedIn("facilitator");
    auto form = Form(*b, {{"access_needs", "Hearing loop"}});
    form.erase("csrf_token");
    EXPECT_TRUE(IsErrorPage(b->PostForm(PersonPath(), form), 403, kCsrfRefused));
    EXPECT_EQ(Stored().access_needs, person_.access_needs);
}

TEST_F(MemberRecordHttpTest, APersonOfAnotherGroupIsNotFound) {
    auto b = SignedIn("facilitator");
    EXPECT_TRUE(IsErrorPage(b->Get(GroupPath("/members/999999")), 404,
                            "There is no such member of Milton Keynes Cancer Patient Partnership"));
}

TEST_F(PartnershipHttpTest, FacilitatorAddsMemberWithAuditEntry) {
    auto b = SignedIn("facilitator");
    const std::int64_t before = Count("SELECT COUNT(*) FROM people");
    auto r = b->PostForm(GroupPath("/members"), {{"csrf_token", b->CsrfFrom(GroupPath("/members"))},
                                                 {"name", "Ada Newcomer"},
                                                 {"contact_method", "post"},
                                                 {"postal_address", "1 Station Road, Milton Keynes"},
                                                 {"member_type", "carer"}});
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(r->get_header_value("Location"), GroupPath("/members"));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM people"), before + 1);
    EXPECT_EQ(CountAudit("person.create"), 1);
    EXPECT_NE(b->Get(GroupPath("/members"))->body.find("Ada Newcomer"), std::string::npos);
    // Not consented to be named: the public page does not name her.
    EXPECT_EQ(Browser(server_->port()).Get(GroupPath())->body.find("Ada Newcomer"), std::string::npos);
}

TEST_F(PartnershipHttpTest, MemberRecordsPublicImpactWhichAppearsOnPublicPage) {
    auto b = SignedIn("member");
    auto r = b->PostForm(GroupPath("/impacts"), ImpactForm(*b, "Clearer chemotherapy leaflet", true));
    EXPECT_EQ(r->status, 303);
    EXPECT_EQ(r->get_header_value("Location"), GroupPath("/impacts"));
    auto list = b->Get(GroupPath("/impacts"));
    EXPECT_NE(list->body.find("Clearer chemotherapy leaflet"), std::string::npos);
    EXPECT_NE(list->body.find("nhsuk-notification-banner"), std::string::npos);
    EXPECT_NE(Browser(server_->port()).Get(GroupPath())->body.find("Clearer chemotherapy leaflet"), std::string::npos);
    EXPECT_EQ(CountAudit("impact.create"), 1);
}

TEST_F(PartnershipHttpTest, ImpactNotMarkedPublicStaysOffThePublicPage) {
    auto b = SignedIn("member");
    auto r = b->PostForm(GroupPath("/impacts"), ImpactForm(*b, "Quieter waiting room", false));
    EXPECT_EQ(r->status, 303);
    EXPECT_NE(b->Get(GroupPath("/impacts"))->body.find("Quieter waiting room"), std::string::npos);
    EXPECT_EQ(Browser(server_->port()).Get(GroupPath())->body.find("Quieter waiting room"), std::string::npos);
}

TEST_F(PartnershipHttpTest, ImpactWithoutTitleIs422NamingTheField) {
    auto b = SignedIn("member");
    const std::int64_t before = Count("SELECT COUNT(*) FROM impacts");
    auto r = b->PostForm(GroupPath("/impacts"), ImpactForm(*b, "", true));
    EXPECT_TRUE(HasFieldError(r, "title", "Enter what changed"));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM impacts"), before);
}

// Forms that forgive (issue 10, item 2): every problem names its field, in the order of the page, and only
// five fields must be filled in; the rest take the defaults the form states.
TEST_F(PartnershipHttpTest, AnEmptyImpactFormNamesEachOfItsFiveFieldsInPageOrder) {
    auto b = SignedIn("member");
    auto form = b->Get(GroupPath("/impacts/new"));
    EXPECT_EQ(Occurrences(form->body, "aria-required=\"true\""), 5u);
    EXPECT_TRUE(Contains(form->body, "<option value=\"another\""));
    auto r = b->PostForm(GroupPath("/impacts"), {{"csrf_token", b->CsrfFrom("/account")}});
    EXPECT_EQ(ErrorSummaryLinks(r->body),
              (std::vector<std::string>{"title", "kind", "organisation_choice", "you_said", "we_did"}));
    EXPECT_TRUE(HasFieldError(r, "organisation_choice", "Choose the organisation the group influenced"));
    EXPECT_FALSE(Contains(r->body, "is required"));
    // Five fields and nothing else: recorded today, with the stated defaults.
    auto quick = b->PostForm(GroupPath("/impacts"), {{"csrf_token", b->CsrfFrom("/account")},
                                                     {"title", "Parking permits for day-unit patients"},
                                                     {"kind", "access"},
                                                     {"organisation_choice", "another"},
                                                     {"organisation", "Milton Keynes Council"},
                                                     {"you_said", "Parking costs a fortune during chemotherapy"},
                                                     {"we_did", "The council gives day-unit patients free permits"}});
    EXPECT_EQ(quick->status, 303) << quick->body.substr(0, 600);
    auto conn = server_->app().database().Acquire();
    auto row = conn->QueryOne(
        "SELECT occurred_on, influence, decision_domain, involvement, organisation, is_public FROM impacts WHERE "
        "title = 'Parking permits for day-unit patients'");
    ASSERT_TRUE(row.ok()) << row.status().ToString();
    EXPECT_EQ(row->Text(0), server_->clock().Today().ToString());
    EXPECT_EQ(row->Text(1), "some");
    EXPECT_EQ(row->Text(2), "service_delivery_and_resources");
    EXPECT_EQ(row->Text(3), "consultation");
    EXPECT_EQ(row->Text(4), "Milton Keynes Council");
    EXPECT_EQ(row->Int(5), 0);
}

TEST_F(PartnershipHttpTest, UserOutsideTheGroupCannotRecordImpacts) {
    auto b = SignedIn("outsider");
    EXPECT_TRUE(IsErrorPage(b->Get(GroupPath("/impacts/new")), 403, kOnlyRecorders));
}

class PartnershipMeasureTest : public PartnershipHttpTest {
  protected:
    void SetUp() override {
        PartnershipHttpTest::SetUp();
        auto conn = server_->app().database().Acquire();
        store::MeasuresRepository measures(*conn);
        auto list = measures.ListByGroup(group_id_);
        ASSERT_TRUE(list.ok());
        ASSERT_FALSE(list->empty());
        measure_id_ = list->front().id;
        observations_ = measures.Observations(measure_id_)->size();
        ASSERT_GT(observations_, 0u);
    }
    std::string MeasurePath(const std::string& rest = "") {
        return GroupPath("/measures/" + std::to_string(measure_id_) + rest);
    }
    std::int64_t measure_id_ = 0;
    std::size_t observations_ = 0;
};

TEST_F(PartnershipMeasureTest, ChartPageHasAccessibleSvgAndOneTableRowPerObservation) {
    auto b = SignedIn("member");
    auto r = b->Get(MeasurePath());
    ASSERT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("<svg"), std::string::npos);
    EXPECT_NE(r->body.find("<title"), std::string::npos);
    EXPECT_NE(r->body.find("<desc"), std::string::npos);
    EXPECT_NE(r->body.find("Variation:"), std::string::npos);
    EXPECT_EQ(Occurrences(r->body, "cv-observation"), observations_);
    EXPECT_EQ(r->body.find(" style="), std::string::npos);
}

TEST_F(PartnershipMeasureTest, CsvDownloadHasHeaderAndOneLinePerObservation) {
    auto b = SignedIn("analyst");
    auto r = b->Get(MeasurePath("/data.csv"));
    ASSERT_EQ(r->status, 200);
    EXPECT_NE(r->get_header_value("Content-Type").find("text/csv"), std::string::npos);
    EXPECT_EQ(r->body.rfind("date,value,moving_range,mean,lower_limit,upper_limit,point_type", 0), 0u);
    EXPECT_EQ(Occurrences(r->body, "\n"), observations_ + 1);
}

TEST_F(PartnershipMeasureTest, UserOutsideTheGroupCannotSeeTheChart) {
    auto b = SignedIn("outsider");
    EXPECT_TRUE(IsErrorPage(b->Get(MeasurePath()), 403, kOnlyReaders));
}

}  // namespace
}  // namespace carevoice::web::testing
