#include "store/pathway_tracking_repository.hpp"

namespace carevoice::store {

Result<std::map<std::int64_t, PathwayPatientLabel>> PathwayTrackingRepository::ListPatientLabels(
    const std::string& organisation) {
    CV_ASSIGN_OR_RETURN(
        auto rows,
        conn_.Query("SELECT p.id, t.given_name, t.family_name, t.area_code FROM pathways p JOIN patients t ON t.id = "
                    "p.patient_id WHERE p.status = 'active' AND (? = '' OR p.prime_provider = ? OR p.ref IN (SELECT "
                    "pathway_ref FROM pathway_events WHERE provider = ? OR to_provider = ?))",
                    {organisation, organisation, organisation, organisation}));
    std::map<std::int64_t, PathwayPatientLabel> out;
    for (const auto& r : rows) out.emplace(r.Int(0), PathwayPatientLabel{r.Text(1) + " " + r.Text(2), r.Text(3)});
    return out;
}

Result<PathwayDataVersions> PathwayTrackingRepository::CurrentDataVersions() {
    CV_ASSIGN_OR_RETURN(auto row,
                        conn_.QueryOne("SELECT version, events_version FROM pathway_data_version WHERE id = 1"));
    return PathwayDataVersions{row.Int(0), row.Int(1)};
}

Status BumpPathwayDataVersion(Connection& conn) {
    return conn.Execute("UPDATE pathway_data_version SET version = version + 1 WHERE id = 1").status();
}

Result<std::int64_t> BumpPathwayEventsVersion(Connection& conn) {
    CV_ASSIGN_OR_RETURN(auto row, conn.QueryOne("UPDATE pathway_data_version SET version = version + 1, "
                                                "events_version = events_version + 1 WHERE id = 1 "
                                                "RETURNING events_version"));
    return row.Int(0);
}

Result<std::optional<std::string>> PathwayTrackingRepository::OrganisationCodeOfUser(std::int64_t user_id) {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT o.code FROM users u JOIN organisations o ON o.id = "
                                               "u.organisation_id WHERE u.id = ?",
                                               {user_id}));
    if (rows.empty()) return std::optional<std::string>();
    return std::optional<std::string>(rows.front().Text(0));
}

}  // namespace carevoice::store
