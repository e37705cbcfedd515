#include "store/programme_settings_repository.hpp"

#include <array>

#include "store/group_membership_check.hpp"

namespace carevoice::store {

Result<std::optional<std::string>> ProgrammeSettingsRepository::SurveyOrganisation(std::int64_t group_id) {
    CV_ASSIGN_OR_RETURN(auto rows,
                        conn_.Query("SELECT cpes_org_code FROM programme_settings WHERE group_id = ?", {group_id}));
    if (rows.empty()) return std::optional<std::string>();
    return std::optional<std::string>(rows.front().Text(0));
}

Status ProgrammeSettingsRepository::SetSurveyOrganisation(std::int64_t group_id, const std::string& org_code,
                                                          std::int64_t now) {
    CV_RETURN_IF_ERROR(RequireGroup(conn_, group_id));
    return conn_
        .Execute(
            "INSERT INTO programme_settings (group_id, cpes_org_code, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (group_id) DO UPDATE SET cpes_org_code = excluded.cpes_org_code, "
            "updated_at = excluded.updated_at",
            {group_id, org_code, now})
        .status();
}

Result<std::optional<std::int64_t>> ProgrammeSettingsRepository::PersonOfUser(std::int64_t group_id,
                                                                              std::int64_t user_id) {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT person_id FROM person_accounts WHERE group_id = ? AND "
                                               "user_id = ?",
                                               {group_id, user_id}));
    if (rows.empty()) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(rows.front().Int(0));
}

Status ProgrammeSettingsRepository::LinkAccount(std::int64_t group_id, std::int64_t user_id, std::int64_t person_id,
                                                std::int64_t now) {
    CV_RETURN_IF_ERROR(RequireGroup(conn_, group_id));
    const std::array<std::int64_t, 1> person = {person_id};
    CV_RETURN_IF_ERROR(RequirePeopleOfGroup(conn_, group_id, person, "person_id"));
    CV_RETURN_IF_ERROR(conn_
                           .Execute("DELETE FROM person_accounts WHERE person_id = ? OR (group_id = ? AND user_id = ?)",
                                    {person_id, group_id, user_id})
                           .status());
    return conn_
        .Execute("INSERT INTO person_accounts (person_id, group_id, user_id, linked_at) VALUES (?, ?, ?, ?)",
                 {person_id, group_id, user_id, now})
        .status();
}

Result<std::vector<PersonAccount>> ProgrammeSettingsRepository::Accounts(std::int64_t group_id) {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT a.person_id, a.user_id, u.username FROM person_accounts a "
                                               "JOIN users u ON u.id = a.user_id WHERE a.group_id = ? "
                                               "ORDER BY u.username",
                                               {group_id}));
    std::vector<PersonAccount> out;
    for (const auto& r : rows) out.push_back({r.Int(0), r.Int(1), r.Text(2)});
    return out;
}

}  // namespace carevoice::store
