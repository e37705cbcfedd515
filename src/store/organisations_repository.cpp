#include "store/organisations_repository.hpp"

namespace carevoice::store {
namespace {

constexpr const char* kColumns = "id, code, name, level, parent_id";

Organisation FromRow(const Row& r) { return {r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.OptInt(4)}; }

Result<std::vector<Organisation>> All(Result<std::vector<Row>> rows) {
    if (!rows.ok()) return rows.status();
    std::vector<Organisation> out;
    out.reserve(rows->size());
    for (const auto& r : *rows) out.push_back(FromRow(r));
    return out;
}

}  // namespace

Result<Organisation> OrganisationsRepository::Upsert(const Organisation& org, std::int64_t now) {
    CV_ASSIGN_OR_RETURN(
        auto row,
        conn_.QueryOne(std::string("INSERT INTO organisations (code, name, level, parent_id, created_at) "
                                   "VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
                                   "level = excluded.level, parent_id = excluded.parent_id RETURNING ") +
                           kColumns,
                       {org.code, org.name, org.level, OrNull(org.parent_id), now}));
    return FromRow(row);
}

Result<Organisation> OrganisationsRepository::FindByCode(const std::string& code) {
    auto row = conn_.QueryOne(std::string("SELECT ") + kColumns + " FROM organisations WHERE code = ?", {code});
    if (!row.ok()) {
        return row.status().code() == StatusCode::kNotFound
                   ? Status::NotFound("no organisation has the code '" + code + "'")
                   : row.status();
    }
    return FromRow(*row);
}

Result<Organisation> OrganisationsRepository::FindById(std::int64_t id) {
    auto row = conn_.QueryOne(std::string("SELECT ") + kColumns + " FROM organisations WHERE id = ?", {id});
    if (!row.ok()) return row.status();
    return FromRow(*row);
}

Result<std::vector<Organisation>> OrganisationsRepository::List(const std::optional<std::string>& level) {
    if (level) {
        return All(conn_.Query(std::string("SELECT ") + kColumns + " FROM organisations WHERE level = ? ORDER BY name",
                               {*level}));
    }
    return All(conn_.Query(std::string("SELECT ") + kColumns + " FROM organisations ORDER BY name"));
}

Result<std::vector<Organisation>> OrganisationsRepository::Search(const std::string& query, int limit) {
    std::string escaped;
    for (char c : query) {
        // LIKE wildcards typed by a user are matched literally.
        if (c == '%' || c == '_' || c == '\\') escaped += '\\';
        escaped += c;
    }
    const std::string pattern = "%" + escaped + "%";
    return All(conn_.Query(std::string("SELECT ") + kColumns +
                               " FROM organisations WHERE lower(name) LIKE lower(?) ESCAPE '\\' OR lower(code) LIKE "
                               "lower(?) ESCAPE '\\' ORDER BY CASE WHEN lower(code) = lower(?) THEN 0 WHEN lower(name) "
                               "LIKE lower(?) ESCAPE '\\' THEN 1 ELSE 2 END, name LIMIT ?",
                           {pattern, pattern, query, escaped + "%", static_cast<std::int64_t>(limit)}));
}

}  // namespace carevoice::store
