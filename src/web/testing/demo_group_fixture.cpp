#include "web/testing/demo_group_fixture.hpp"

#include "store/measures_repository.hpp"
#include "store/people_repository.hpp"

namespace carevoice::web::testing {

void DemoGroupHttpTest::StartServer(const std::function<void(ServerConfig&)>& adjust) {
    server_.reset();  // the previous server, if any, stops before the next binds
    server_ = std::make_unique<TestServer>(adjust);
    ASSERT_GT(server_->port(), 0);
    server_->AddUser("facilitator", "facilitator", kPassword);
    server_->AddUser("member", "member", kPassword);
    server_->AddUser("outsider", "member", kPassword);
    server_->AddUser("lonefacilitator", "facilitator", kPassword);
    server_->AddUser("analyst", "analyst", kPassword);
    server_->AddUser("admin", "admin", kPassword);
    group_id_ = FillDemoGroup(*server_);
    ASSERT_NE(group_id_, 0);
    auto conn = server_->app().database().Acquire();
    auto people = store::PeopleRepository(*conn).ListByGroup(group_id_);
    ASSERT_TRUE(people.ok()) << people.status().ToString();
    people_ = std::move(*people);
}

std::string DemoGroupHttpTest::GroupPath(const std::string& rest) const {
    return "/groups/" + std::to_string(group_id_) + rest;
}

std::unique_ptr<Browser> DemoGroupHttpTest::SignedIn(const std::string& username) {
    return SignedInBrowser(*server_, username, kPassword);
}

std::int64_t DemoGroupHttpTest::Count(const std::string& sql) { return CountRows(*server_, sql); }

std::int64_t DemoGroupHttpTest::CountAudit(const std::string& action) { return CountAuditEntries(*server_, action); }

std::int64_t DemoGroupHttpTest::Person(const std::string& name) const {
    for (const auto& p : people_) {
        if (p.name == name || p.name.substr(0, p.name.find(' ')) == name) return p.id;
    }
    ADD_FAILURE() << "the demo group has no person called " << name;
    return 0;
}

improvement::Measure DemoGroupHttpTest::MeasureOf(improvement::MeasureSource source) {
    auto conn = server_->app().database().Acquire();
    const auto measures = *store::MeasuresRepository(*conn).ListByGroup(group_id_);
    for (const auto& m : measures) {
        if (m.source == source) return m;
    }
    ADD_FAILURE() << "the demo group has no measure of that source";
    return {};
}

std::string DemoGroupHttpTest::MeasurePath(const improvement::Measure& m, const std::string& rest) const {
    return GroupPath("/measures/" + std::to_string(m.id) + rest);
}

}  // namespace carevoice::web::testing
