#include "store/settings_repository.hpp"

namespace carevoice::store {

Result<std::optional<std::string>> SettingsRepository::Get(const std::string& name) {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT value FROM settings WHERE name = ?", {name}));
    if (rows.empty()) return std::optional<std::string>();
    return std::optional<std::string>(rows.front().Text(0));
}

Status SettingsRepository::Set(const std::string& name, const std::string& value) {
    return conn_
        .Execute(
            "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            {name, value})
        .status();
}

Result<std::string> SettingsRepository::GetOrInsert(const std::string& name, const std::string& value) {
    CV_RETURN_IF_ERROR(
        conn_.Execute("INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", {name, value})
            .status());
    CV_ASSIGN_OR_RETURN(auto row, conn_.QueryOne("SELECT value FROM settings WHERE name = ?", {name}));
    return row.Text(0);
}

}  // namespace carevoice::store
