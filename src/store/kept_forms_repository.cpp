#include "store/kept_forms_repository.hpp"

namespace carevoice::store {

Status KeptFormsRepository::Keep(const std::string& token_hash, const std::string& return_path,
                                 const std::string& fields_json, std::int64_t now) {
    CV_RETURN_IF_ERROR(conn_.Execute("DELETE FROM kept_forms WHERE created_at < ?", {now - kKeptFormSeconds}).status());
    CV_ASSIGN_OR_RETURN(auto count, conn_.QueryOne("SELECT COUNT(*) FROM kept_forms"));
    if (count.Int(0) >= kMaxKeptForms) {
        CV_RETURN_IF_ERROR(conn_
                               .Execute("DELETE FROM kept_forms WHERE token_hash IN (SELECT token_hash FROM "
                                        "kept_forms ORDER BY created_at LIMIT ?)",
                                        {count.Int(0) - kMaxKeptForms + 1})
                               .status());
    }
    return conn_
        .Execute(
            "INSERT INTO kept_forms (token_hash, return_path, fields, created_at) VALUES (?, ?, ?, ?) ON "
            "CONFLICT (token_hash) DO UPDATE SET return_path = excluded.return_path, fields = excluded.fields, "
            "created_at = excluded.created_at",
            {token_hash, return_path, fields_json, now})
        .status();
}

Result<std::optional<std::string>> KeptFormsRepository::Take(const std::string& token_hash,
                                                             const std::string& return_path, std::int64_t now) {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT return_path, fields, created_at FROM kept_forms WHERE "
                                               "token_hash = ?",
                                               {token_hash}));
    if (rows.empty()) return std::optional<std::string>();
    CV_RETURN_IF_ERROR(conn_.Execute("DELETE FROM kept_forms WHERE token_hash = ?", {token_hash}).status());
    const Row& row = rows.front();
    if (row.Text(0) != return_path || row.Int(2) < now - kKeptFormSeconds) return std::optional<std::string>();
    return std::optional<std::string>(row.Text(1));
}

}  // namespace carevoice::store
