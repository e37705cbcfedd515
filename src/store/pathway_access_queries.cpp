#include "store/pathway_access_queries.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace carevoice::store {

Result<std::string> UserOrganisationCode(Connection& conn, std::int64_t user_id) {
    CV_ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT o.code FROM users u JOIN organisations o ON o.id = "
                                              "u.organisation_id WHERE u.id = ?",
                                              {user_id}));
    return rows.empty() ? std::string() : rows[0].Text(0);
}

Result<std::vector<std::string>> ProvidersInvolved(Connection& conn, std::int64_t pathway_id) {
    CV_ASSIGN_OR_RETURN(auto rows,
                        conn.Query("SELECT prime_provider FROM pathways WHERE id = ? "
                                   "UNION SELECT e.provider FROM pathway_events e JOIN pathways p ON p.ref = "
                                   "e.pathway_ref WHERE p.id = ? AND e.provider <> '' "
                                   "UNION SELECT e.to_provider FROM pathway_events e JOIN pathways p ON p.ref = "
                                   "e.pathway_ref WHERE p.id = ? AND e.to_provider <> ''",
                                   {pathway_id, pathway_id, pathway_id}));
    std::vector<std::string> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back(r.Text(0));
    return out;
}

Result<std::vector<std::int64_t>> OpenPathwaysOfOrganisation(Connection& conn, const std::string& org_code,
                                                             std::size_t limit) {
    CV_ASSIGN_OR_RETURN(auto rows,
                        conn.Query("SELECT p.id FROM pathways p WHERE p.status = 'active' AND (p.prime_provider = ? "
                                   "OR EXISTS (SELECT 1 FROM pathway_events e WHERE e.pathway_ref = p.ref AND "
                                   "(e.provider = ? OR e.to_provider = ?))) ORDER BY p.id DESC LIMIT ?",
                                   {org_code, org_code, org_code, static_cast<std::int64_t>(limit)}));
    std::vector<std::int64_t> out;
    for (const auto& r : rows) out.push_back(r.Int(0));
    return out;
}

Result<std::vector<std::int64_t>> SearchPatientsByName(Connection& conn, const std::string& name) {
    // LIKE's wildcards in the typed name are matched literally.
    std::string pattern = "%";
    for (char c : text::ToLower(name)) {
        if (c == '%' || c == '_' || c == '\\') pattern += '\\';
        pattern += c;
    }
    pattern += '%';
    CV_ASSIGN_OR_RETURN(auto rows,
                        conn.Query("SELECT id FROM patients WHERE LOWER(given_name) LIKE ? ESCAPE '\\' OR "
                                   "LOWER(family_name) LIKE ? ESCAPE '\\' OR LOWER(given_name || ' ' || "
                                   "family_name) LIKE ? ESCAPE '\\' ORDER BY family_name, given_name, id "
                                   "LIMIT ?",
                                   {pattern, pattern, pattern, static_cast<std::int64_t>(kMaxPatientSearchResults)}));
    std::vector<std::int64_t> out;
    for (const auto& r : rows) out.push_back(r.Int(0));
    return out;
}

}  // namespace carevoice::store
