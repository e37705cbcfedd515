// The fixture of the HTTP tests of running a partnership group (issue 4): the demo group modelled on
// Milton Keynes, a second group to reach across, and the forms as the pages send them. Used by
// group_http_test.cpp (the public page, the overview, editing the group and its terms) and
// meetings_http_test.cpp (meetings, actions and public minutes).
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "demo/partnership_demo.hpp"
#include "store/actions_repository.hpp"
#include "store/groups_repository.hpp"
#include "store/meetings_repository.hpp"
#include "store/people_repository.hpp"
#include "web/http/app.hpp"
#include "web/testing/demo_group_fixture.hpp"
#include "web/testing/partnership_forms.hpp"

namespace carevoice::web::testing {

class PartnershipMeetingsHttpTest : public DemoGroupHttpTest {
  protected:
    void SetUp() override {
        DemoGroupHttpTest::SetUp();
        today_ = server_->clock().Today();
    }

    std::int64_t Meetings() { return Count("SELECT COUNT(*) FROM meetings"); }
    std::int64_t Actions() { return Count("SELECT COUNT(*) FROM actions"); }

    partnership::Group Group() {
        auto conn = server_->app().database().Acquire();
        return *store::GroupsRepository(*conn).Find(group_id_);
    }
    partnership::TermsOfReference Terms() {
        auto conn = server_->app().database().Acquire();
        return **store::GroupsRepository(*conn).FindTermsOfReference(group_id_);
    }
    std::vector<partnership::Meeting> GroupMeetings() {
        auto conn = server_->app().database().Acquire();
        return *store::MeetingsRepository(*conn).ListByGroup(group_id_);
    }
    std::vector<partnership::Action> GroupActions() {
        auto conn = server_->app().database().Acquire();
        return *store::ActionsRepository(*conn).ListByGroup(group_id_);
    }
    partnership::Action ActionCalled(const std::string& start) {
        for (const auto& a : GroupActions()) {
            if (a.description.rfind(start, 0) == 0) return a;
        }
        ADD_FAILURE() << "no action starts with " << start;
        return {};
    }

    // A second group with one person and one meeting, to try pointing at another group's records.
    struct Other {
        std::int64_t group_id = 0, person_id = 0, meeting_id = 0, action_id = 0;
    };
    Other MakeOtherGroup() {
        auto conn = server_->app().database().Acquire();
        partnership::Group g;
        g.name = "Another group";
        g.area_name = "Elsewhere";
        g.model = partnership::GroupModel::kA;
        auto created = store::GroupsRepository(*conn).Create(g, 1);
        EXPECT_TRUE(created.ok());
        partnership::Person p;
        p.group_id = created->id;
        p.name = "Olive Othergroup";
        p.email = "olive@example.org";
        p.joined_on = today_.AddDays(-100);
        auto person = store::PeopleRepository(*conn).Create(p, 1);
        EXPECT_TRUE(person.ok()) << person.status().ToString();
        partnership::Meeting m;
        m.group_id = created->id;
        m.held_on = today_.AddDays(-10);
        m.place = "Elsewhere";
        m.minutes = "Other group's minutes";
        m.minutes_public = true;
        auto meeting = store::MeetingsRepository(*conn).Create(m, 1);
        EXPECT_TRUE(meeting.ok());
        partnership::Action a;
        a.group_id = created->id;
        a.description = "Other group's action";
        auto action = store::ActionsRepository(*conn).Create(a, 1);
        EXPECT_TRUE(action.ok());
        return {created->id, person->id, meeting->id, action->id};
    }

    // The edit form as the page would send it back unchanged, from the stored group and terms.
    httplib::Params EditForm(Browser& b) { return GroupEditForm(*server_, b, group_id_); }

    static void Set(httplib::Params& form, const std::string& key, const std::string& value) {
        SetField(form, key, value);
    }

    // A meeting form: held a week ago, in person, with the given people present and Omar's apologies.
    httplib::Params MeetingForm(Browser& b, const std::vector<std::string>& present, const std::string& minutes,
                                bool is_public) {
        std::map<std::int64_t, std::string> attendance;
        for (const auto& first : present) attendance[Person(first)] = "attended";
        attendance[Person("Omar")] = "apologies";
        return testing::MeetingForm(b, group_id_, today_.AddDays(-7), attendance, minutes, is_public);
    }

    const std::vector<std::string> kQuorate = {"Cora", "Vic", "Val", "Sid", "Polly", "Nina", "Mia"};

    CivilDate today_;
};

}  // namespace carevoice::web::testing
