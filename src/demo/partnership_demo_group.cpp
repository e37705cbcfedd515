// The demo group and its people. Names are invented and say what each person is (as the demo accounts
// do: "Fran Facilitator"), so that nobody takes them for real members. Phone numbers are in Ofcom's
// range for drama (01632 960xxx); e-mail addresses are at example.org.
#include <optional>
#include <string>
#include <vector>

#include "demo/partnership_demo.hpp"
#include "demo/partnership_demo_parts.hpp"
#include "partnership/dates.hpp"
#include "partnership/terms_of_reference.hpp"
#include "store/accounts_repository.hpp"
#include "store/groups_repository.hpp"
#include "store/people_repository.hpp"
#include "store/programme_settings_repository.hpp"

namespace carevoice::demo {
namespace {

using partnership::ContactMethod;
using partnership::DiversityAnswer;
using partnership::DiversityDimension;
using partnership::MemberType;
using partnership::Office;
using partnership::Person;
using partnership::TreatmentStage;

struct DemoMember {
    const char* first;
    const char* surname;
    MemberType type;
    const char* discipline_or_organisation;
    std::vector<std::string> tumours;
    std::optional<TreatmentStage> stage;
    int joined_months_ago;
};

const std::vector<DemoMember>& Members() {
    static const std::vector<DemoMember> kMembers = {
        {"Cora", "Chair", MemberType::kExPatient, "", {"Breast"}, TreatmentStage::kLongerAfter, 70},
        {"Vic", "Vicechair", MemberType::kCarer, "", {"Lung"}, TreatmentStage::kLongerAfter, 40},
        {"Val", "Vicechair", MemberType::kPatient, "", {"Prostate"}, TreatmentStage::kWithinYearAfter, 30},
        {"Sid", "Secretary", MemberType::kExPatient, "", {"Colorectal"}, TreatmentStage::kLongerAfter, 60},
        {"Polly", "Patient", MemberType::kPatient, "", {"Haematological"}, TreatmentStage::kDuringTreatment, 10},
        {"Eddie", "Expatient", MemberType::kExPatient, "", {"Head and Neck"}, TreatmentStage::kLongerAfter, 36},
        {"Carla", "Carer", MemberType::kCarer, "", {"Upper Gastro"}, TreatmentStage::kBereavedCarer, 24},
        {"Fiona", "Family", MemberType::kFamilyMember, "", {"Gynaecological"}, TreatmentStage::kWithinYearAfter, 14},
        {"Lenny", "Lapsed", MemberType::kPatient, "", {"Skin"}, TreatmentStage::kLongerAfter, 13},
        {"Lara", "Leaver", MemberType::kExPatient, "", {"Breast"}, TreatmentStage::kLongerAfter, 48},
        {"Nina", "Nurse", MemberType::kProfessional, "Macmillan clinical nurse specialist", {}, std::nullopt, 50},
        {"Omar", "Oncologist", MemberType::kProfessional, "Consultant clinical oncologist", {}, std::nullopt, 30},
        {"Mia", "Manager", MemberType::kProfessional, "Cancer services manager", {}, std::nullopt, 45},
        {"Ivan", "Information", MemberType::kProfessional, "Macmillan information officer", {}, std::nullopt, 20},
        {"Paula",
         "Physio",
         MemberType::kProfessional,
         "Physiotherapist (allied health professional)",
         {},
         std::nullopt,
         16},
        {"Vera", "Voluntary", MemberType::kVoluntarySector, "Macmillan Cancer Support", {}, std::nullopt, 26},
        {"Sunil", "Support", MemberType::kVoluntarySector, "A local cancer self-help group", {}, std::nullopt, 12},
    };
    return kMembers;
}

Person MakePerson(const DemoContext& demo, const DemoMember& m, int index) {
    Person p;
    p.group_id = demo.group_id;
    p.name = std::string(m.first) + " " + m.surname;
    p.member_type = m.type;
    if (m.type == MemberType::kProfessional) {
        p.discipline = m.discipline_or_organisation;
        p.organisation = "Milton Keynes University Hospital";
    } else if (m.type == MemberType::kVoluntarySector) {
        p.organisation = m.discipline_or_organisation;
    }
    p.contact_method = ContactMethod::kEmail;
    p.email = std::string(m.first) + "." + m.surname + "@example.org";
    p.phone = "01632 960" + std::string(index < 10 ? "00" : "0") + std::to_string(index);
    p.tumour_experience = m.tumours;
    p.treatment_stage = m.stage;
    p.joined_on = partnership::AddMonths(demo.today, -m.joined_months_ago);
    return p;
}

// What makes some members different: how they are reached, what they need, what they hold.
void Personalise(const DemoContext& demo, const std::string& first, Person& p) {
    const auto months_ago = [&](int months) { return partnership::AddMonths(demo.today, -months); };
    const auto answers = [&](std::vector<DiversityAnswer> a) {
        p.diversity_consent = true;
        p.diversity = std::move(a);
    };
    if (first == "Cora") {
        p.offices = {{Office::kChair, months_ago(20), std::nullopt}};
        p.consent_to_be_named = true;
        p.training = {{"CancerVOICES", months_ago(66)}, {"Chairing meetings", months_ago(21)}};
        answers({{DiversityDimension::kEthnicGroup, "white"},
                 {DiversityDimension::kAgeBand, "65_74"},
                 {DiversityDimension::kSex, "female"},
                 {DiversityDimension::kRurality, "urban"}});
    } else if (first == "Vic") {
        p.offices = {{Office::kViceChair, months_ago(14), std::nullopt}};
        p.consent_to_be_named = true;
        answers({{DiversityDimension::kEthnicGroup, "white"}, {DiversityDimension::kAgeBand, "75_84"}});
    } else if (first == "Val") {
        p.offices = {{Office::kViceChair, months_ago(8), std::nullopt}};
        p.training = {{"CancerVOICES", months_ago(20)}};
        answers({{DiversityDimension::kEthnicGroup, "mixed"}, {DiversityDimension::kSex, "male"}});
    } else if (first == "Sid") {
        p.offices = {{Office::kSecretary, months_ago(30), std::nullopt}};
        p.contact_method = ContactMethod::kPost;  // no internet at home
        p.email = "";
        p.postal_address = "1 Demo Row, Milton Keynes (fictional address)";
        p.access_needs = "Large print papers, posted a week before each meeting";
        p.consent_to_be_named = true;
    } else if (first == "Polly") {
        p.contact_method = ContactMethod::kPhone;
        p.access_needs = "Mornings are difficult during chemotherapy; joins by phone";
        answers({{DiversityDimension::kAgeBand, "35_44"}, {DiversityDimension::kDisability, "yes"}});
    } else if (first == "Eddie") {
        p.training = {{"CancerVOICES", months_ago(30)}};
        answers({{DiversityDimension::kEthnicGroup, "asian"}, {DiversityDimension::kRurality, "rural"}});
    } else if (first == "Carla") {
        p.access_needs = "Step-free venue";
    } else if (first == "Lara") {
        p.left_on = partnership::AddMonths(demo.today, -5);
    } else if (first == "Nina") {
        p.consent_to_be_named = true;
    }
}

// Illustrative shares for the demo, not census figures: a group enters its own area's.
partnership::PopulationProfile DemoProfile() {
    return {{DiversityDimension::kEthnicGroup, "white", 0.74}, {DiversityDimension::kEthnicGroup, "asian", 0.11},
            {DiversityDimension::kEthnicGroup, "black", 0.10}, {DiversityDimension::kEthnicGroup, "mixed", 0.04},
            {DiversityDimension::kEthnicGroup, "other", 0.01}, {DiversityDimension::kRurality, "rural", 0.10},
            {DiversityDimension::kRurality, "urban", 0.90}};
}

// The demo accounts, if `carevoice demo` created them: staff of the group, and the member account linked to
// Polly Patient's member record, so that it can rank the priorities as her (she has not voted yet).
Status LinkDemoAccounts(const DemoContext& demo) {
    AccountsRepository accounts(demo.conn);
    GroupsRepository groups(demo.conn);
    const std::pair<const char*, partnership::GroupRole> links[] = {
        {"facilitator", partnership::GroupRole::kFacilitator}, {"member", partnership::GroupRole::kMember}};
    for (const auto& [username, role] : links) {
        auto user = accounts.FindUserByUsername(username);
        if (!user.ok()) {
            if (user.status().code() == StatusCode::kNotFound) continue;
            return user.status();
        }
        CV_RETURN_IF_ERROR(groups.SetStaffRole(demo.group_id, user->id, role));
        if (role == partnership::GroupRole::kMember) {
            CV_RETURN_IF_ERROR(ProgrammeSettingsRepository(demo.conn).LinkAccount(demo.group_id, user->id,
                                                                                  demo.Person("Polly"), demo.now));
        }
    }
    return Status::Ok();
}

}  // namespace

Status AddGroupAndPeople(DemoContext& demo) {
    GroupsRepository groups(demo.conn);
    partnership::Group group;
    group.name = kDemoGroupName;
    group.area_kind = partnership::AreaKind::kLocality;
    group.area_name = "Milton Keynes";
    // The article does not say how the group is represented on the network board; model B (a locality
    // group with its own representation) is the demo's assumption.
    group.model = partnership::GroupModel::kB;
    group.year_founded = 2003;  // "have been doing for 10 years" in an article of about 2013
    group.meeting_interval_weeks = 6;
    // The group's own contact routes for people who want to join, most of whom will write or ring:
    // a fictional office, a number in Ofcom's drama range and an example.org address.
    group.contact_postal_address =
        "The facilitator, Cancer Patient Partnership (demo)\nMacmillan Cancer Information Centre\n"
        "Milton Keynes University Hospital\nStanding Way, Milton Keynes (fictional address)";
    group.contact_phone = "01632 960500";
    group.contact_email = "partnership@example.org";
    CV_ASSIGN_OR_RETURN(group, groups.Create(group, demo.now));
    demo.group_id = group.id;

    PeopleRepository people(demo.conn);
    int index = 1;
    for (const DemoMember& member : Members()) {
        Person person = MakePerson(demo, member, index++);
        Personalise(demo, member.first, person);
        CV_ASSIGN_OR_RETURN(person, people.Create(person, demo.now));
        demo.people[member.first] = person.id;
    }

    // "The MKCPP liaises and works with similar groups in the south-east Midlands and Thames Valley";
    // members join the cancer nurses' meetings and supply user representatives for peer review.
    using partnership::LinkedBodyKind;
    group.links = {
        {0, LinkedBodyKind::kNetworkBoard, "Cancer network board", {demo.Person("Cora")}},
        {0, LinkedBodyKind::kTumourSiteGroup, "Breast tumour-site group", {demo.Person("Cora"), demo.Person("Nina")}},
        {0, LinkedBodyKind::kLocalityUserGroup, "Thames Valley user partnership group", {demo.Person("Vic")}},
        {0, LinkedBodyKind::kOther, "Macmillan cancer nurses' meeting", {demo.Person("Eddie")}},
        {0, LinkedBodyKind::kOther, "Internal validation and peer review", {demo.Person("Sid"), demo.Person("Val")}},
    };
    CV_RETURN_IF_ERROR(groups.Update(group, demo.now));

    // Adopted eleven months ago, so that the yearly review is coming up.
    partnership::TermsOfReference terms = partnership::SampleTermsOfReference(partnership::AddMonths(demo.today, -11));
    terms.document_url = "https://example.org/mkcpp-demo/terms-of-reference";
    CV_RETURN_IF_ERROR(groups.SetTermsOfReference(demo.group_id, terms, demo.now));
    CV_RETURN_IF_ERROR(groups.SetPopulationProfile(demo.group_id, DemoProfile()));
    return LinkDemoAccounts(demo);
}

}  // namespace carevoice::demo
