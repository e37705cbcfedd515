#include "store/people_repository.hpp"

#include <map>

#include "store/group_membership_check.hpp"
#include "store/row_reader.hpp"

namespace carevoice::store {
namespace {

using partnership::Person;

constexpr const char* kColumns =
    "id, group_id, name, contact_method, email, postal_address, phone, access_needs, member_type, discipline, "
    "organisation, treatment_stage, diversity_consent, joined_on, left_on, consent_to_be_named";

Result<Person> PersonFrom(const Row& row) {
    RowReader r(row, "people");
    Person p;
    p.id = r.Int(0);
    p.group_id = r.Int(1);
    p.name = r.Text(2);
    p.contact_method = r.Enum(3, partnership::kContactMethods);
    p.email = r.Text(4);
    p.postal_address = r.Text(5);
    p.phone = r.Text(6);
    p.access_needs = r.Text(7);
    p.member_type = r.Enum(8, partnership::kMemberTypes);
    p.discipline = r.Text(9);
    p.organisation = r.Text(10);
    p.treatment_stage = r.OptEnum(11, partnership::kTreatmentStages);
    p.diversity_consent = r.Flag(12);
    p.joined_on = r.Date(13);
    p.left_on = r.OptDate(14);
    p.consent_to_be_named = r.Flag(15);
    if (!r.status().ok()) return r.status();
    return p;
}

std::vector<Value> Params(const Person& p) {
    return {p.name,
            EnumValue(partnership::kContactMethods, p.contact_method),
            p.email,
            p.postal_address,
            p.phone,
            p.access_needs,
            EnumValue(partnership::kMemberTypes, p.member_type),
            p.discipline,
            p.organisation,
            OptEnumValue(partnership::kTreatmentStages, p.treatment_stage),
            FlagValue(p.diversity_consent),
            DateValue(p.joined_on),
            OptDateValue(p.left_on),
            FlagValue(p.consent_to_be_named)};
}

}  // namespace

Result<Person> PeopleRepository::Create(const Person& person, std::int64_t now) {
    CV_RETURN_IF_ERROR(partnership::ValidatePerson(person));
    CV_RETURN_IF_ERROR(RequireGroup(conn_, person.group_id));
    std::vector<Value> params = {person.group_id};
    for (Value& v : Params(person)) params.push_back(std::move(v));
    params.push_back(now);
    params.push_back(now);
    CV_ASSIGN_OR_RETURN(auto row, conn_.QueryOne("INSERT INTO people (group_id, name, contact_method, email, "
                                                 "postal_address, phone, access_needs, member_type, discipline, "
                                                 "organisation, treatment_stage, diversity_consent, joined_on, "
                                                 "left_on, consent_to_be_named, created_at, updated_at) VALUES "
                                                 "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                                 params));
    Person created = person;
    created.id = row.Int(0);
    CV_RETURN_IF_ERROR(WriteLists(created));
    return created;
}

Result<Person> PeopleRepository::Find(std::int64_t id) {
    CV_ASSIGN_OR_RETURN(auto people, Load("id = ?", {id}));
    if (people.empty()) return Status::NotFound("no person has the id " + std::to_string(id));
    return std::move(people.front());
}

Result<std::vector<Person>> PeopleRepository::ListByGroup(std::int64_t group_id) {
    return Load("group_id = ?", {group_id});
}

Status PeopleRepository::Update(const Person& person, std::int64_t now) {
    CV_RETURN_IF_ERROR(partnership::ValidatePerson(person));
    std::vector<Value> params = Params(person);
    params.push_back(now);
    params.push_back(person.id);
    params.push_back(person.group_id);
    CV_RETURN_IF_ERROR(
        RequireChanged(conn_.Execute("UPDATE people SET name = ?, contact_method = ?, email = ?, "
                                     "postal_address = ?, phone = ?, access_needs = ?, member_type = ?, "
                                     "discipline = ?, organisation = ?, treatment_stage = ?, "
                                     "diversity_consent = ?, joined_on = ?, left_on = ?, "
                                     "consent_to_be_named = ?, updated_at = ? WHERE id = ? AND group_id = ?",
                                     params),
                       "person of this group", person.id));
    for (const char* table : {"person_tumour_experience", "person_diversity", "person_training", "person_offices"}) {
        CV_RETURN_IF_ERROR(
            conn_.Execute(std::string("DELETE FROM ") + table + " WHERE person_id = ?", {person.id}).status());
    }
    return WriteLists(person);
}

Status PeopleRepository::Delete(std::int64_t id) {
    return RequireChanged(conn_.Execute("DELETE FROM people WHERE id = ?", {id}), "person", id);
}

Status PeopleRepository::WriteLists(const Person& p) {
    for (const std::string& tumour : p.tumour_experience) {
        CV_RETURN_IF_ERROR(
            conn_
                .Execute("INSERT INTO person_tumour_experience (person_id, tumour_group) VALUES (?, ?)", {p.id, tumour})
                .status());
    }
    // Answers are written only with consent: withdrawing consent deletes them on the next update.
    if (p.diversity_consent) {
        for (const auto& answer : p.diversity) {
            CV_RETURN_IF_ERROR(
                conn_
                    .Execute("INSERT INTO person_diversity (person_id, dimension, category) VALUES (?, ?, ?)",
                             {p.id, EnumValue(partnership::kDiversityDimensions, answer.dimension), answer.category})
                    .status());
        }
    }
    for (std::size_t at = 0; at < p.training.size(); ++at) {
        CV_RETURN_IF_ERROR(conn_
                               .Execute("INSERT INTO person_training (person_id, position, course, completed_on) "
                                        "VALUES (?, ?, ?, ?)",
                                        {p.id, static_cast<std::int64_t>(at), p.training[at].course,
                                         OptDateValue(p.training[at].completed_on)})
                               .status());
    }
    for (const auto& office : p.offices) {
        CV_RETURN_IF_ERROR(conn_
                               .Execute("INSERT INTO person_offices (person_id, office, started_on, ended_on) "
                                        "VALUES (?, ?, ?, ?)",
                                        {p.id, EnumValue(partnership::kOffices, office.office),
                                         DateValue(office.started_on), OptDateValue(office.ended_on)})
                               .status());
    }
    return Status::Ok();
}

Result<std::vector<Person>> PeopleRepository::Load(const std::string& where, const std::vector<Value>& params) {
    CV_ASSIGN_OR_RETURN(
        auto rows,
        conn_.Query(std::string("SELECT ") + kColumns + " FROM people WHERE " + where + " ORDER BY name, id", params));
    std::vector<Person> people;
    std::map<std::int64_t, std::size_t> index;
    for (const Row& row : rows) {
        CV_ASSIGN_OR_RETURN(Person person, PersonFrom(row));
        index[person.id] = people.size();
        people.push_back(std::move(person));
    }
    if (people.empty()) return people;
    // One query per list for all the people loaded, rather than one per person.
    const std::string of_these = " WHERE person_id IN (SELECT id FROM people WHERE " + where + ")";
    CV_ASSIGN_OR_RETURN(auto tumours, conn_.Query("SELECT person_id, tumour_group FROM person_tumour_experience" +
                                                      of_these + " ORDER BY person_id, tumour_group",
                                                  params));
    for (const Row& row : tumours) people[index[row.Int(0)]].tumour_experience.push_back(row.Text(1));
    CV_ASSIGN_OR_RETURN(auto answers, conn_.Query("SELECT person_id, dimension, category FROM person_diversity" +
                                                      of_these + " ORDER BY person_id, dimension",
                                                  params));
    for (const Row& row : answers) {
        RowReader r(row, "person_diversity");
        partnership::DiversityAnswer answer{r.Enum(1, partnership::kDiversityDimensions), r.Text(2)};
        if (!r.status().ok()) return r.status();
        people[index[row.Int(0)]].diversity.push_back(std::move(answer));
    }
    CV_ASSIGN_OR_RETURN(auto training, conn_.Query("SELECT person_id, course, completed_on FROM person_training" +
                                                       of_these + " ORDER BY person_id, position",
                                                   params));
    for (const Row& row : training) {
        RowReader r(row, "person_training");
        partnership::Training course{r.Text(1), r.OptDate(2)};
        if (!r.status().ok()) return r.status();
        people[index[row.Int(0)]].training.push_back(std::move(course));
    }
    CV_ASSIGN_OR_RETURN(auto offices, conn_.Query("SELECT person_id, office, started_on, ended_on FROM person_offices" +
                                                      of_these + " ORDER BY person_id, id",
                                                  params));
    for (const Row& row : offices) {
        RowReader r(row, "person_offices");
        partnership::OfficeHeld office{r.Enum(1, partnership::kOffices), r.Date(2), r.OptDate(3)};
        if (!r.status().ok()) return r.status();
        people[index[row.Int(0)]].offices.push_back(office);
    }
    return people;
}

}  // namespace carevoice::store
