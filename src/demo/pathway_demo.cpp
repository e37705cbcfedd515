#include "demo/pathway_demo.hpp"

#include <map>

#include "demo/pathway_demo_parts.hpp"
#include "store/accounts_repository.hpp"
#include "store/organisations_repository.hpp"
#include "store/pathway_events_repository.hpp"
#include "store/pathway_repository.hpp"

namespace carevoice::demo {
namespace {

using store::Connection;

constexpr const char* kDemoActor = "(carevoice demo)";

Result<std::map<std::string, std::int64_t>> AddOrganisations(Connection& conn, std::int64_t now) {
    store::OrganisationsRepository orgs(conn);
    std::map<std::string, std::int64_t> ids;
    for (const auto& area : kDemoAreas) {
        CV_ASSIGN_OR_RETURN(auto org, orgs.Upsert({0, area.code, area.name, area.level, std::nullopt}, now));
        ids[area.code] = org.id;
    }
    for (const auto& provider : kDemoProviders) {  // each prime provider comes before its providers
        std::optional<std::int64_t> parent;
        if (*provider.parent) parent = ids.at(provider.parent);
        CV_ASSIGN_OR_RETURN(auto org, orgs.Upsert({0, provider.code, provider.name, provider.level, parent}, now));
        ids[provider.code] = org.id;
    }
    return ids;
}

// The demo coordinators belong to their prime provider, when `carevoice demo` created them.
Status LinkCoordinators(Connection& conn, const std::map<std::string, std::int64_t>& orgs) {
    store::AccountsRepository accounts(conn);
    const std::pair<const char*, const char*> links[] = {{kCancerCoordinator, kCancerPrime},
                                                         {kEndOfLifeCoordinator, kEndOfLifePrime}};
    for (const auto& [username, org] : links) {
        auto user = accounts.FindUserByUsername(username);
        if (!user.ok()) continue;  // not created: nothing to link
        CV_RETURN_IF_ERROR(accounts.SetOrganisation(user->id, orgs.at(org)));
    }
    return Status::Ok();
}

Status AddActionsAndAlerts(store::PathwayRepository& repo, const store::PathwayAction& action, bool lost,
                           std::int64_t pathway_id, std::int64_t now, CivilDate today, int n) {
    store::PathwayAction a = action;
    a.pathway_id = pathway_id;
    a.created_at = now;
    a.created_by = kDemoActor;
    a.owner = kCancerCoordinator;
    if (lost) {  // overdue: part of why the pathway shows as lost
        a.description = "Chase the missing test result (synthetic demo)";
        a.due_on = today.AddDays(-10);
        CV_RETURN_IF_ERROR(repo.AddAction(a).status());
        if (n % 2 == 0) {  // half of them acknowledged, with a note
            return repo.Acknowledge({pathway_id, "no_recent_event",
                                     "Patient asked to pause while on holiday; call booked (synthetic demo).",
                                     kCancerCoordinator, now});
        }
        return Status::Ok();
    }
    if (n % 3 == 0) {
        a.description = n % 2 ? "Book the next key worker call (synthetic demo)"
                              : "Send the told-once summary to the hospice (synthetic demo)";
        a.due_on = today.AddDays(n % 7);
        CV_RETURN_IF_ERROR(repo.AddAction(a).status());
    }
    return Status::Ok();
}

}  // namespace

Status FillPathwayDemo(Connection& conn, const Clock& clock) {
    const CivilDate today = clock.Today();
    const std::int64_t now = clock.NowSeconds();
    std::vector<DemoPathway> demo = GeneratePathwayDemo(today);
    store::PathwayRepository repo(conn);
    CV_ASSIGN_OR_RETURN(auto existing, repo.FindPathwayByRef(demo.front().record.ref));
    if (existing) return Status::Ok();
    CV_ASSIGN_OR_RETURN(store::Transaction tx, store::Transaction::Begin(conn));
    CV_ASSIGN_OR_RETURN(auto orgs, AddOrganisations(conn, now));
    CV_RETURN_IF_ERROR(LinkCoordinators(conn, orgs));
    std::vector<pathway::Event> events;
    int n = 0;
    for (auto& p : demo) {
        ++n;
        CV_ASSIGN_OR_RETURN(auto patient, repo.CreatePatient(p.patient, now, today));
        p.record.patient_id = patient.id;
        if (p.record.key_worker) {
            p.record.key_worker->assigned_at = now;
            p.record.key_worker_history = {*p.record.key_worker};
        }
        CV_ASSIGN_OR_RETURN(auto record, repo.CreatePathway(p.record, now));
        for (auto preference : p.record.preferences) {
            preference.recorded_at = now;
            CV_RETURN_IF_ERROR(repo.RecordPreference(record.id, preference));
        }
        if (p.record.status == pathway::PathwayStatus::kActive) {
            CV_RETURN_IF_ERROR(AddActionsAndAlerts(repo, {}, p.unacknowledged_alert, record.id, now, today, n));
        }
        events.insert(events.end(), p.events.begin(), p.events.end());
    }
    CV_RETURN_IF_ERROR(store::PathwayEventsRepository(conn).Import(events, now, kDemoActor).status());
    return tx.Commit();
}

}  // namespace carevoice::demo
