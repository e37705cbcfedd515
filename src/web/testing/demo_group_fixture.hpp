// Test fixture the partnership HTTP tests share: a real server (TestServer) holding the demo group
// (demo::FillPartnershipDemo, modelled on Milton Keynes), one account for each standing a user can have
// towards the group, and the helpers those tests read it with. Compiled into test programs only.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "improvement/measure.hpp"
#include "partnership/person.hpp"
#include "web/testing/responses.hpp"
#include "web/testing/test_server.hpp"

namespace carevoice::web::testing {

class DemoGroupHttpTest : public ::testing::Test {
  protected:
    // The password of every account below.
    static constexpr const char* kPassword = "demo-group-password-1";

    // What a group page's 403 says of who may use it (partnership_pages::Require), by the rule of the page:
    // those who run the group; those who read its working pages; those who record in it.
    static constexpr const char* kOnlyManagers =
        "Only the group's facilitators and chairs, and administrators, can use this page";
    static constexpr const char* kOnlyReaders =
        "Only members of the group, analysts and administrators can use this page";
    static constexpr const char* kOnlyRecorders =
        "Only members of the group, its facilitators and chairs, and administrators, can use this page";

    // The accounts, by username:
    //   facilitator, member  linked to the demo group by FillPartnershipDemo (as facilitator, as member);
    //   outsider             a member, of no group;
    //   lonefacilitator      a facilitator, of no group;
    //   analyst, admin       those roles, which read (analyst) or do (admin) across groups.
    void SetUp() override { StartServer({}); }

    // Starts a new server (its configuration changed by `adjust` first), adds the accounts and fills the
    // demo group. SetUp calls it; a test that needs another configuration calls it again.
    void StartServer(const std::function<void(ServerConfig&)>& adjust);

    // "/groups/<the demo group's id>" followed by `rest`.
    std::string GroupPath(const std::string& rest = "") const;
    // A browser signed in as one of the accounts above.
    std::unique_ptr<Browser> SignedIn(const std::string& username);
    // The integer a COUNT query gives, and the number of audit entries of one action.
    std::int64_t Count(const std::string& sql);
    std::int64_t CountAudit(const std::string& action);
    // The id of the demo group's person called `name`: a full name ("Cora Chair") or a first name ("Cora"),
    // which the demo keeps unique; 0, with a test failure, if there is none.
    std::int64_t Person(const std::string& name) const;
    // The demo group's first measure of a source, and the address of one of its pages ("" for the chart).
    improvement::Measure MeasureOf(improvement::MeasureSource source);
    std::string MeasurePath(const improvement::Measure& m, const std::string& rest = "") const;

    std::unique_ptr<TestServer> server_;
    std::int64_t group_id_ = 0;
    // Everyone the demo group has recorded, members or not, in the repository's order.
    std::vector<partnership::Person> people_;
};

}  // namespace carevoice::web::testing
