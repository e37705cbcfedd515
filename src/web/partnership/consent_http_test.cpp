// Nobody named without consent (issue 8, item 4), on the real server over the demo group: publishing
// minutes, a public impact or the group's own details is refused (422, nothing written, the form kept
// with an error naming who or what and where, and the offending text marked) while the text names
// someone who has not agreed to be named publicly or gives an e-mail address or phone number. In the
// demo group Cora Chair, Vic Vicechair, Sid Secretary and Nina Nurse agreed; Polly Patient, Eddie
// Expatient, Fiona Family, Mia Manager and the rest did not.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "store/groups_repository.hpp"
#include "store/meetings_repository.hpp"
#include "store/people_repository.hpp"
#include "web/testing/partnership_forms.hpp"
#include "web/testing/test_server.hpp"

namespace carevoice::web::testing {
namespace {

constexpr const char* kPassword = "consent-password-1";

bool Has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

class ConsentHttpTest : public ::testing::Test {
  protected:
    void SetUp() override {
        server_ = std::make_unique<TestServer>();
        ASSERT_GT(server_->port(), 0);
        server_->AddUser("facilitator", "facilitator", kPassword);  // FillPartnershipDemo links it to the group
        server_->AddUser("member", "member", kPassword);
        group_id_ = FillDemoGroup(*server_);
        ASSERT_NE(group_id_, 0);
        auto conn = server_->app().database().Acquire();
        auto people = store::PeopleRepository(*conn).ListByGroup(group_id_);
        ASSERT_TRUE(people.ok());
        for (const auto& p : *people) {
            if (p.name == "Polly Patient" || p.name == "Cora Chair") {
                ASSERT_EQ(p.consent_to_be_named, p.name == "Cora Chair") << p.name;
            }
            first_names_[p.name.substr(0, p.name.find(' '))] = p.id;
        }
        facilitator_ = SignedInBrowser(*server_, "facilitator", kPassword);
    }

    std::string GroupPath(const std::string& rest = "") { return "/groups/" + std::to_string(group_id_) + rest; }
    std::int64_t Count(const std::string& sql) { return CountRows(*server_, sql); }
    std::int64_t Meetings() { return Count("SELECT COUNT(*) FROM meetings"); }
    std::int64_t Refusals(const std::string& action, const std::string& record_id) {
        return Count("SELECT COUNT(*) FROM audit_log WHERE action = '" + action + "' AND record_id = '" + record_id +
                     "' AND outcome = 'refused'");
    }

    // Minutes of a meeting a week ago that Cora, Polly and Nina came to.
    httplib::Params Minutes(const std::string& minutes, bool publish) {
        const std::map<std::int64_t, std::string> attendance = {{first_names_.at("Cora"), "attended"},
                                                                {first_names_.at("Polly"), "attended"},
                                                                {first_names_.at("Nina"), "attended"}};
        return MeetingForm(*facilitator_, group_id_, server_->clock().Today().AddDays(-7), attendance, minutes,
                           publish);
    }

    // A meeting of the demo whose minutes are still a draft.
    partnership::Meeting DraftMeeting() {
        auto conn = server_->app().database().Acquire();
        auto meetings = store::MeetingsRepository(*conn).ListByGroup(group_id_);
        EXPECT_TRUE(meetings.ok());
        for (const auto& m : *meetings) {
            if (!m.minutes_public && m.held_on <= server_->clock().Today()) return m;
        }
        ADD_FAILURE() << "the demo has no draft minutes";
        return {};
    }

    partnership::Meeting StoredMeeting(std::int64_t id) {
        auto conn = server_->app().database().Acquire();
        return *store::MeetingsRepository(*conn).Find(id);
    }

    partnership::Group StoredGroup() {
        auto conn = server_->app().database().Acquire();
        return *store::GroupsRepository(*conn).Find(group_id_);
    }

    std::string PublicMinutesPath(std::int64_t meeting_id) {
        return GroupPath("/minutes/" + std::to_string(meeting_id));
    }

    std::unique_ptr<TestServer> server_;
    std::int64_t group_id_ = 0;
    std::map<std::string, std::int64_t> first_names_;
    std::unique_ptr<Browser> facilitator_;
};

// ---- minutes ------------------------------------------------------------------------------------

// The facilitator's report: a member who had not consented, named with her e-mail address, went live.
TEST_F(ConsentHttpTest, PublishingMinutesNamingAMemberWhoHasNotAgreedIsRefusedNamingHerAndTheLine) {
    const partnership::Meeting draft = DraftMeeting();
    const std::string minutes = "## Parking\n\nMembers discussed the car park.\nPolly Patient said it costs too much.";
    auto form = Minutes(minutes, true);
    SetField(form, "csrf_token", facilitator_->CsrfFrom(GroupPath("/meetings/" + std::to_string(draft.id) + "/edit")));
    auto r = facilitator_->PostForm(GroupPath("/meetings/" + std::to_string(draft.id)), form);
    ASSERT_EQ(r->status, 422) << r->body;
    EXPECT_TRUE(Has(r->body, "Minutes, line 4: “Polly Patient” has not agreed to be named publicly")) << r->body;
    EXPECT_TRUE(Has(r->body, "<a href=\"#minutes\">Minutes, line 4:"));
    EXPECT_TRUE(Has(r->body, "<mark>Polly Patient</mark> said it costs too much."));
    EXPECT_TRUE(Has(r->body, "Line 4"));
    EXPECT_TRUE(Has(r->body, "Members discussed the car park.\nPolly Patient said it costs too much.</textarea>"));
    EXPECT_TRUE(Has(r->body,
                    "id=\"minutes_public\" name=\"minutes_public\" type=\"checkbox\" value=\"yes\""
                    " aria-describedby=\"minutes_public-hint\" checked"));
    // Nothing was published or changed; the refusal is in the audit log, without the name.
    EXPECT_EQ(Browser(server_->port()).Get(PublicMinutesPath(draft.id))->status, 404);
    EXPECT_EQ(StoredMeeting(draft.id).minutes, draft.minutes);
    EXPECT_FALSE(StoredMeeting(draft.id).minutes_public);
    EXPECT_EQ(Refusals("minutes.publish_refused", std::to_string(draft.id)), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE record_id LIKE '%Polly%'"), 0);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'meeting.update'"), 0);
}

TEST_F(ConsentHttpTest, ANewMeetingIsNotRecordedWhileItsPublishedMinutesNameSomeone) {
    const std::int64_t before = Meetings();
    auto r = facilitator_->PostForm(GroupPath("/meetings"), Minutes("Eddie thanked everyone.", true));
    ASSERT_EQ(r->status, 422);
    EXPECT_TRUE(Has(r->body, "Minutes: “Eddie” may name Eddie Expatient, who has not agreed to be named publicly"))
        << r->body;
    EXPECT_TRUE(Has(r->body, "<mark>Eddie</mark> thanked everyone."));
    EXPECT_EQ(Meetings(), before);
    EXPECT_EQ(Refusals("minutes.publish_refused", "new"), 1);
}

TEST_F(ConsentHttpTest, MinutesGivingAnEmailAddressOrPhoneNumberAreRefused) {
    const std::int64_t before = Meetings();
    auto r = facilitator_->PostForm(
        GroupPath("/meetings"),
        Minutes("Agreed the leaflet.\n\nQuestions to polly@example.org or ring (01632) 960 123.", true));
    ASSERT_EQ(r->status, 422);
    EXPECT_TRUE(Has(r->body, "Minutes, line 3: an e-mail address, polly@example.org, cannot be published")) << r->body;
    EXPECT_TRUE(Has(r->body, "Minutes, line 3: a phone number, (01632) 960 123, cannot be published"));
    EXPECT_TRUE(Has(r->body, "<mark>polly@example.org</mark> or ring <mark>(01632) 960 123</mark>."));
    EXPECT_EQ(Meetings(), before);
    for (const std::string phone : {"07700 900123", "+44 1632 960123"}) {
        auto again = facilitator_->PostForm(GroupPath("/meetings"), Minutes("Ring Sid on " + phone + ".", true));
        ASSERT_EQ(again->status, 422) << phone;
        EXPECT_TRUE(Has(again->body, "Minutes: a phone number, " + phone + ", cannot be published")) << phone;
    }
    EXPECT_EQ(Meetings(), before);
}

TEST_F(ConsentHttpTest, TheAgendaPlaceAndDecisionsAreCheckedToo) {
    auto form = Minutes("Agreed the leaflet.", true);
    SetField(form, "place", "Mia Manager's office");
    SetField(form, "decisions", "Adopt the leaflet\nAsk Dr Oncologist to review it");
    auto r = facilitator_->PostForm(GroupPath("/meetings"), form);
    ASSERT_EQ(r->status, 422);
    EXPECT_TRUE(Has(r->body, "<a href=\"#place\">Where it was held: “Mia Manager” has not agreed to be named publicly"))
        << r->body;
    EXPECT_TRUE(Has(r->body, "<a href=\"#decisions\">Decisions, line 2: “Dr Oncologist” may name Omar Oncologist"));
}

TEST_F(ConsentHttpTest, RemovingTheNameAndContactDetailsPublishesTheMinutes) {
    const partnership::Meeting draft = DraftMeeting();
    const std::string path = GroupPath("/meetings/" + std::to_string(draft.id));
    auto form = Minutes("Polly Patient (polly@example.org) asked about parking.", true);
    SetField(form, "csrf_token", facilitator_->CsrfFrom(path + "/edit"));
    ASSERT_EQ(facilitator_->PostForm(path, form)->status, 422);
    SetField(form, "minutes", "A member asked about parking. Cora Chair will write to the trust.");
    auto r = facilitator_->PostForm(path, form);
    ASSERT_EQ(r->status, 303) << r->body;
    auto published = Browser(server_->port()).Get(PublicMinutesPath(draft.id));
    ASSERT_EQ(published->status, 200);
    EXPECT_TRUE(Has(published->body, "A member asked about parking. Cora Chair will write to the trust."));
    EXPECT_FALSE(Has(published->body, "Polly"));
}

TEST_F(ConsentHttpTest, NamesOfMembersWhoAgreedAndTheGroupsOwnContactsMayBePublished) {
    const std::int64_t before = Meetings();
    auto r = facilitator_->PostForm(
        GroupPath("/meetings"), Minutes("Cora Chair welcomed everyone; Nina Nurse and Mrs Vicechair reported.\n\n"
                                        "To join, write to partnership@example.org or ring 01632 960500. "
                                        "Macmillan's support line is 0808 808 00 00. Next meeting 14 3 2027 at 10:30.",
                                        true));
    ASSERT_EQ(r->status, 303) << r->body;
    EXPECT_EQ(Meetings(), before + 1);
}

TEST_F(ConsentHttpTest, SavingMinutesThatAreNotPublicStillWorks) {
    const std::int64_t before = Meetings();
    auto r = facilitator_->PostForm(GroupPath("/meetings"),
                                    Minutes("Polly Patient (07700 900123) will bring the leaflets.", false));
    ASSERT_EQ(r->status, 303) << r->body;
    EXPECT_EQ(Meetings(), before + 1);
    const std::string location = r->get_header_value("Location");
    const std::int64_t id = std::stoll(location.substr(location.rfind('/') + 1));
    EXPECT_EQ(StoredMeeting(id).minutes, "Polly Patient (07700 900123) will bring the leaflets.");
    EXPECT_EQ(Browser(server_->port()).Get(PublicMinutesPath(id))->status, 404);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'minutes.publish_refused'"), 0);
}

// ---- impacts ------------------------------------------------------------------------------------

TEST_F(ConsentHttpTest, APublicImpactNamingSomeoneIsRefusedAndAPrivateOneIsRecorded) {
    const std::int64_t before = Count("SELECT COUNT(*) FROM impacts");
    auto form = ImpactForm(*facilitator_, group_id_, "Clearer leaflet", true);
    SetField(form, "you_said", "Fiona Family said the leaflet\nwas hard to follow; call her on 07700 900456.");
    auto r = facilitator_->PostForm(GroupPath("/impacts"), form);
    ASSERT_EQ(r->status, 422);
    EXPECT_TRUE(Has(r->body, "<a href=\"#you_said\">You said, line 1: “Fiona Family” has not agreed to be named"))
        << r->body;
    EXPECT_TRUE(Has(r->body, "You said, line 2: a phone number, 07700 900456, cannot be published"));
    EXPECT_TRUE(Has(r->body, "<mark>Fiona Family</mark> said the leaflet"));
    EXPECT_TRUE(
        Has(r->body, "Fiona Family said the leaflet\nwas hard to follow; call her on 07700 900456.</textarea>"));
    EXPECT_EQ(Count("SELECT COUNT(*) FROM impacts"), before);
    EXPECT_EQ(Refusals("impact.publish_refused", "new"), 1);
    EXPECT_FALSE(Has(Browser(server_->port()).Get(GroupPath())->body, "Fiona"));

    form.erase("is_public");
    SetField(form, "csrf_token", facilitator_->CsrfFrom(GroupPath("/impacts/new")));
    ASSERT_EQ(facilitator_->PostForm(GroupPath("/impacts"), form)->status, 303);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM impacts"), before + 1);
    EXPECT_FALSE(Has(Browser(server_->port()).Get(GroupPath())->body, "Fiona"));
}

TEST_F(ConsentHttpTest, EveryPublicFieldOfAnImpactIsChecked) {
    for (const std::string field : {"title", "organisation", "we_did", "difference_made"}) {
        auto form = ImpactForm(*facilitator_, group_id_, "Clearer leaflet", true);
        SetField(form, field, "Thanks to Eddie Expatient");
        auto r = facilitator_->PostForm(GroupPath("/impacts"), form);
        ASSERT_EQ(r->status, 422) << field;
        EXPECT_TRUE(Has(r->body, "<a href=\"#" + field + "\">")) << field;
        EXPECT_TRUE(Has(r->body, "“Eddie Expatient” has not agreed to be named publicly")) << field;
    }
}

// ---- the group's own details --------------------------------------------------------------------

TEST_F(ConsentHttpTest, TheGroupsDescriptionAndAddressMayNotNameSomeone) {
    const partnership::Group before = StoredGroup();
    auto form = GroupEditForm(*server_, *facilitator_, group_id_);
    SetField(form, "model", "none");
    SetField(form, "model_description", "A locality group.\nRun from Mia Manager's office, mia@example.org.");
    SetField(form, "contact_postal_address", "c/o Mrs Family\nMilton Keynes University Hospital");
    auto r = facilitator_->PostForm(GroupPath("/edit"), form);
    ASSERT_EQ(r->status, 422) << r->body;
    EXPECT_TRUE(
        Has(r->body, "<a href=\"#model_description\">How the group is organised, line 2: “Mia Manager” has not"))
        << r->body;
    EXPECT_TRUE(Has(r->body, "How the group is organised, line 2: an e-mail address, mia@example.org, cannot be"));
    EXPECT_TRUE(Has(r->body, "The postal address, line 1: “Mrs Family” may name Fiona Family, who has not agreed"));
    EXPECT_TRUE(Has(r->body, "c/o <mark>Mrs Family</mark>"));
    EXPECT_EQ(StoredGroup().model_description, before.model_description);
    EXPECT_EQ(StoredGroup().contact_postal_address, before.contact_postal_address);
    EXPECT_EQ(Refusals("group.publish_refused", std::to_string(group_id_)), 1);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'group.update'"), 0);
}

TEST_F(ConsentHttpTest, TheGroupsContactRoutesMayNotBeAMemberWhoHasNotAgreed) {
    auto form = GroupEditForm(*server_, *facilitator_, group_id_);
    SetField(form, "contact_email", "polly.patient@example.org");
    auto r = facilitator_->PostForm(GroupPath("/edit"), form);
    ASSERT_EQ(r->status, 422);
    EXPECT_TRUE(Has(r->body, "The e-mail address: “Polly Patient” has not agreed to be named publicly")) << r->body;
    // The group's own phone and e-mail address are its published contact routes, and pass.
    auto unchanged = GroupEditForm(*server_, *facilitator_, group_id_);
    ASSERT_EQ(facilitator_->PostForm(GroupPath("/edit"), unchanged)->status, 303);
}

}  // namespace
}  // namespace carevoice::web::testing
