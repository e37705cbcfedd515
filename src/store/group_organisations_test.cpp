// Contract: which groups are attached to an organisation, on SQLite and PostgreSQL.
#include "store/group_organisations.hpp"

#include "partnership/checklist.hpp"
#include "store/environmental_audit_repository.hpp"
#include "store/measures_repository.hpp"
#include "store/partnership_fixture.hpp"
#include "store/programme_settings_repository.hpp"

namespace carevoice::store {
namespace {

class GroupOrganisationsTest : public testing::PartnershipStoreTest {
  protected:
    void Audit(std::int64_t group, const std::string& code) {
        partnership::EnvironmentalAudit a;
        a.group_id = group;
        a.site = "Outpatients";
        a.organisation_code = code;
        a.audited_on = D("2024-03-12");
        a.template_key = std::string(partnership::kPlaceOutpatientKey);
        a.team = {MakePerson(group, "Auditor " + code)};
        auto created = EnvironmentalAuditRepository(*conn_).Create(a, kNow);
        ASSERT_TRUE(created.ok()) << created.status().ToString();
    }
    void SurveyMeasure(std::int64_t group, const std::string& code) {
        improvement::Measure m;
        m.group_id = group;
        m.name = "Q17 at " + code;
        m.unit = "%";
        m.source = improvement::MeasureSource::kCpes;
        m.cpes_org_code = code;
        m.cpes_question = "Q17";
        auto created = MeasuresRepository(*conn_).Create(m, kNow);
        ASSERT_TRUE(created.ok()) << created.status().ToString();
    }
};

TEST_F(GroupOrganisationsTest, AGroupIsAttachedToTheOrganisationsItsAuditsAndMeasuresName) {
    const std::int64_t audits = MakeGroup("Audits RD8");
    const std::int64_t measures = MakeGroup("Measures RR7");
    const std::int64_t neither = MakeGroup("Elsewhere");
    Audit(audits, "RD8");
    Audit(audits, "RD8");
    SurveyMeasure(measures, "RR7");
    Audit(neither, "");
    SurveyMeasure(neither, "RXX");

    auto both = GroupsAttachedToOrganisations(*conn_, {"RR7", "RD8"});
    ASSERT_TRUE(both.ok()) << both.status().ToString();
    EXPECT_EQ(*both, (std::vector<std::int64_t>{audits, measures}));
    EXPECT_EQ(*GroupsAttachedToOrganisations(*conn_, {"RD8"}), (std::vector<std::int64_t>{audits}));
    EXPECT_TRUE(GroupsAttachedToOrganisations(*conn_, {"ZZZ"})->empty());
    EXPECT_TRUE(GroupsAttachedToOrganisations(*conn_, {""})->empty());
    EXPECT_TRUE(GroupsAttachedToOrganisations(*conn_, {})->empty());

    EXPECT_EQ(*OrganisationsOfGroup(*conn_, audits), (std::vector<std::string>{"RD8"}));
    EXPECT_EQ(*OrganisationsOfGroup(*conn_, neither), (std::vector<std::string>{"RXX"}));
}

TEST_F(GroupOrganisationsTest, AGroupIsAttachedToItsSurveyOrganisation) {
    const std::int64_t group = MakeGroup("Survey RTH");
    ASSERT_TRUE(ProgrammeSettingsRepository(*conn_).SetSurveyOrganisation(group, "RTH", kNow).ok());
    EXPECT_EQ(*GroupsAttachedToOrganisations(*conn_, {"RTH"}), (std::vector<std::int64_t>{group}));
    EXPECT_EQ(*OrganisationsOfGroup(*conn_, group), (std::vector<std::string>{"RTH"}));
}

}  // namespace
}  // namespace carevoice::store
