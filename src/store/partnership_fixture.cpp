#include "store/partnership_fixture.hpp"

#include "store/groups_repository.hpp"
#include "store/migrations.hpp"
#include "store/people_repository.hpp"
#include "store/test_database.hpp"

namespace carevoice::store::testing {

void PartnershipStoreTest::SetUp() {
    auto conn = OpenFreshConnection();
    ASSERT_TRUE(conn.ok()) << conn.status().ToString();
    conn_ = std::move(*conn);
    auto migrated = Migrate(*conn_);
    ASSERT_TRUE(migrated.ok()) << migrated.status().ToString();
}

CivilDate PartnershipStoreTest::D(std::string_view iso) {
    auto date = CivilDate::Parse(iso);
    EXPECT_TRUE(date.ok()) << iso;
    return date.ok() ? *date : CivilDate();
}

std::int64_t PartnershipStoreTest::MakeGroup(const std::string& name) {
    partnership::Group group;
    group.name = name;
    group.area_kind = partnership::AreaKind::kLocality;
    group.area_name = "Testshire";
    group.model = partnership::GroupModel::kE;
    auto created = GroupsRepository(*conn_).Create(group, kNow);
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return created.ok() ? created->id : 0;
}

std::int64_t PartnershipStoreTest::MakePerson(std::int64_t group_id, const std::string& name,
                                              partnership::MemberType type) {
    partnership::Person person;
    person.group_id = group_id;
    person.name = name;
    person.email = "someone@example.org";
    person.member_type = type;
    if (type == partnership::MemberType::kProfessional) person.discipline = "Lead cancer nurse";
    if (type == partnership::MemberType::kVoluntarySector) person.organisation = "A charity";
    person.joined_on = D("2023-01-01");
    auto created = PeopleRepository(*conn_).Create(person, kNow);
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return created.ok() ? created->id : 0;
}

std::int64_t PartnershipStoreTest::Count(const std::string& table) {
    auto row = conn_->QueryOne("SELECT COUNT(*) FROM " + table);
    EXPECT_TRUE(row.ok()) << row.status().ToString();
    return row.ok() ? row->Int(0) : -1;
}

::testing::AssertionResult NamesField(const Status& status, std::string_view field) {
    if (status.code() != StatusCode::kInvalidArgument) {
        return ::testing::AssertionFailure() << "expected invalid_argument, got " << status.ToString();
    }
    for (const FieldProblem& problem : status.details()) {
        if (problem.field == field) return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "no problem with '" << field << "' in: " << status.ToString();
}

}  // namespace carevoice::store::testing
