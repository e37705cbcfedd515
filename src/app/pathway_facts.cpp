#include "app/pathway_facts.hpp"

#include <map>

#include "store/pathway_events_repository.hpp"
#include "store/pathway_repository.hpp"

namespace carevoice::app {

Result<std::vector<pathway::PathwayFacts>> ReadPathwayFacts(store::Connection& conn, CivilDate as_of) {
    store::PathwayRepository repo(conn);
    CV_ASSIGN_OR_RETURN(auto records, repo.ListPathways());
    if (records.size() > kMaxPathwaysForFacts) {
        return Status::Unavailable("too many pathways (" + std::to_string(records.size()) + ") to summarise at once");
    }
    std::map<std::int64_t, pathway::Patient> patients;
    for (auto& record : records) {
        if (!patients.contains(record.patient_id)) {
            CV_ASSIGN_OR_RETURN(auto patient, repo.FindPatient(record.patient_id));
            patients.emplace(record.patient_id, std::move(patient));
        }
        // The light list has no preferences; the death measures need them.
        if (record.died_on) {
            CV_ASSIGN_OR_RETURN(record, repo.FindPathway(record.id));
        }
    }
    CV_ASSIGN_OR_RETURN(auto events, store::PathwayEventsRepository(conn).ListAll());
    std::vector<pathway::Patient> people;
    people.reserve(patients.size());
    for (auto& [id, p] : patients) people.push_back(std::move(p));
    return pathway::FactsOfAll(people, records, events, as_of);
}

}  // namespace carevoice::app
