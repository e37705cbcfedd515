#include "store/group_organisations.hpp"

#include <set>

#include "store/row_reader.hpp"

namespace carevoice::store {

Result<std::vector<std::int64_t>> GroupsAttachedToOrganisations(Connection& conn,
                                                                const std::vector<std::string>& org_codes) {
    std::vector<Value> codes;
    for (const std::string& code : org_codes) {
        if (!code.empty()) codes.push_back(code);
    }
    if (codes.empty()) return std::vector<std::int64_t>{};
    const std::string in = Placeholders(codes.size());
    std::vector<Value> params;
    for (int copy = 0; copy < 4; ++copy) params.insert(params.end(), codes.begin(), codes.end());
    CV_ASSIGN_OR_RETURN(auto rows,
                        conn.Query("SELECT group_id FROM programme_settings WHERE cpes_org_code IN " + in +
                                       " UNION SELECT group_id FROM environmental_audits WHERE "
                                       "organisation_code IN " +
                                       in + " UNION SELECT group_id FROM measures WHERE cpes_org_code IN " + in +
                                       " UNION SELECT group_id FROM evidence_items WHERE "
                                       "cpes_org_code IN " +
                                       in + " ORDER BY group_id",
                                   params));
    std::vector<std::int64_t> out;
    for (const Row& row : rows) out.push_back(row.Int(0));
    return out;
}

Result<std::vector<std::string>> OrganisationsOfGroup(Connection& conn, std::int64_t group_id) {
    CV_ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT cpes_org_code FROM programme_settings WHERE group_id = ? "
                                              "UNION SELECT organisation_code FROM environmental_audits WHERE "
                                              "group_id = ? "
                                              "UNION SELECT cpes_org_code FROM measures WHERE group_id = ? "
                                              "UNION SELECT cpes_org_code FROM evidence_items WHERE group_id = ? AND "
                                              "cpes_org_code IS NOT NULL",
                                              {group_id, group_id, group_id, group_id}));
    std::set<std::string> codes;
    for (const Row& row : rows) {
        if (!row.IsNull(0) && !row.Text(0).empty()) codes.insert(row.Text(0));
    }
    return std::vector<std::string>(codes.begin(), codes.end());
}

}  // namespace carevoice::store
