#include "store/groups_repository.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "store/group_membership_check.hpp"
#include "store/row_reader.hpp"

namespace carevoice::store {
namespace {

using partnership::Group;
using partnership::GroupLink;
using partnership::TermsOfReference;

constexpr const char* kGroupColumns =
    "id, name, area_kind, area_name, model, model_description, year_founded, meeting_interval_weeks, "
    "contact_postal_address, contact_phone, contact_email";

Result<Group> GroupFrom(const Row& row) {
    RowReader r(row, "partnership_groups");
    Group g;
    g.id = r.Int(0);
    g.name = r.Text(1);
    g.area_kind = r.Enum(2, partnership::kAreaKinds);
    g.area_name = r.Text(3);
    g.model = r.OptEnum(4, partnership::kGroupModels);
    g.model_description = r.Text(5);
    g.year_founded = r.OptSmallInt(6);
    g.meeting_interval_weeks = r.OptSmallInt(7);
    g.contact_postal_address = r.Text(8);
    g.contact_phone = r.Text(9);
    g.contact_email = r.Text(10);
    if (!r.status().ok()) return r.status();
    return g;
}

std::vector<Value> GroupParams(const Group& g) {
    return {g.name,
            EnumValue(partnership::kAreaKinds, g.area_kind),
            g.area_name,
            OptEnumValue(partnership::kGroupModels, g.model),
            g.model_description,
            OrNull(g.year_founded),
            OrNull(g.meeting_interval_weeks),
            g.contact_postal_address,
            g.contact_phone,
            g.contact_email};
}

Result<GroupStaff> StaffFrom(const Row& row) {
    RowReader r(row, "group_staff");
    GroupStaff s{r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Enum(4, partnership::kGroupRoles)};
    if (!r.status().ok()) return r.status();
    return s;
}

Result<std::vector<GroupStaff>> StaffFromRows(Result<std::vector<Row>> rows) {
    if (!rows.ok()) return rows.status();
    std::vector<GroupStaff> out;
    for (const Row& row : *rows) {
        CV_ASSIGN_OR_RETURN(auto staff, StaffFrom(row));
        out.push_back(std::move(staff));
    }
    return out;
}

}  // namespace

Result<Group> GroupsRepository::Create(const Group& group, std::int64_t now) {
    CV_RETURN_IF_ERROR(partnership::ValidateGroup(group));
    // A new group has no people yet, so any representative named here is someone else's.
    Group unsaved = group;
    unsaved.id = 0;
    CV_RETURN_IF_ERROR(CheckLinks(unsaved));
    std::vector<Value> params = GroupParams(group);
    params.push_back(now);
    params.push_back(now);
    CV_ASSIGN_OR_RETURN(auto row, conn_.QueryOne("INSERT INTO partnership_groups (name, area_kind, area_name, model, "
                                                 "model_description, year_founded, meeting_interval_weeks, "
                                                 "contact_postal_address, contact_phone, contact_email, "
                                                 "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                                 "RETURNING id",
                                                 params));
    Group created = group;
    created.id = row.Int(0);
    CV_RETURN_IF_ERROR(ReplaceLinks(created));
    return Find(created.id);
}

Result<Group> GroupsRepository::Find(std::int64_t id) {
    auto row = conn_.QueryOne(std::string("SELECT ") + kGroupColumns + " FROM partnership_groups WHERE id = ?", {id});
    if (!row.ok()) {
        if (row.status().code() == StatusCode::kNotFound) {
            return Status::NotFound("no partnership group has the id " + std::to_string(id));
        }
        return row.status();
    }
    CV_ASSIGN_OR_RETURN(Group group, GroupFrom(*row));
    CV_ASSIGN_OR_RETURN(group.links, Links(id));
    return group;
}

Result<std::vector<Group>> GroupsRepository::List() {
    CV_ASSIGN_OR_RETURN(
        auto rows, conn_.Query(std::string("SELECT ") + kGroupColumns + " FROM partnership_groups ORDER BY name, id"));
    std::vector<Group> out;
    for (const Row& row : rows) {
        CV_ASSIGN_OR_RETURN(Group group, GroupFrom(row));
        CV_ASSIGN_OR_RETURN(group.links, Links(group.id));
        out.push_back(std::move(group));
    }
    return out;
}

Status GroupsRepository::Update(const Group& group, std::int64_t now) {
    CV_RETURN_IF_ERROR(partnership::ValidateGroup(group));
    CV_RETURN_IF_ERROR(CheckLinks(group));
    std::vector<Value> params = GroupParams(group);
    params.push_back(now);
    params.push_back(group.id);
    CV_RETURN_IF_ERROR(
        RequireChanged(conn_.Execute("UPDATE partnership_groups SET name = ?, area_kind = ?, area_name = ?, "
                                     "model = ?, model_description = ?, year_founded = ?, "
                                     "meeting_interval_weeks = ?, contact_postal_address = ?, "
                                     "contact_phone = ?, contact_email = ?, updated_at = ? WHERE id = ?",
                                     params),
                       "partnership group", group.id));
    return ReplaceLinks(group);
}

Status GroupsRepository::Delete(std::int64_t id) {
    return RequireChanged(conn_.Execute("DELETE FROM partnership_groups WHERE id = ?", {id}), "partnership group", id);
}

Status GroupsRepository::CheckLinks(const Group& group) {
    for (std::size_t at = 0; at < group.links.size(); ++at) {
        CV_RETURN_IF_ERROR(RequirePeopleOfGroup(conn_, group.id, group.links[at].representative_ids,
                                                "links[" + std::to_string(at + 1) + "].representative_ids"));
    }
    return Status::Ok();
}

Status GroupsRepository::ReplaceLinks(const Group& group) {
    CV_RETURN_IF_ERROR(conn_.Execute("DELETE FROM group_links WHERE group_id = ?", {group.id}).status());
    for (std::size_t at = 0; at < group.links.size(); ++at) {
        const GroupLink& link = group.links[at];
        CV_ASSIGN_OR_RETURN(auto row,
                            conn_.QueryOne("INSERT INTO group_links (group_id, position, body_kind, body_name) VALUES "
                                           "(?, ?, ?, ?) RETURNING id",
                                           {group.id, static_cast<std::int64_t>(at),
                                            EnumValue(partnership::kLinkedBodyKinds, link.kind), link.body_name}));
        for (std::int64_t person : link.representative_ids) {
            CV_RETURN_IF_ERROR(conn_
                                   .Execute("INSERT INTO group_link_representatives (link_id, person_id) VALUES (?, ?)",
                                            {row.Int(0), person})
                                   .status());
        }
    }
    return Status::Ok();
}

Result<std::vector<GroupLink>> GroupsRepository::Links(std::int64_t group_id) {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT id, body_kind, body_name FROM group_links WHERE group_id = ? "
                                               "ORDER BY position",
                                               {group_id}));
    CV_ASSIGN_OR_RETURN(auto reps, conn_.Query("SELECT r.link_id, r.person_id FROM group_link_representatives r "
                                               "JOIN group_links l ON l.id = r.link_id WHERE l.group_id = ? "
                                               "ORDER BY r.link_id, r.person_id",
                                               {group_id}));
    std::map<std::int64_t, std::vector<std::int64_t>> by_link;
    for (const Row& rep : reps) by_link[rep.Int(0)].push_back(rep.Int(1));
    std::vector<GroupLink> links;
    for (const Row& row : rows) {
        RowReader r(row, "group_links");
        GroupLink link{r.Int(0), r.Enum(1, partnership::kLinkedBodyKinds), r.Text(2), by_link[row.Int(0)]};
        if (!r.status().ok()) return r.status();
        links.push_back(std::move(link));
    }
    return links;
}

Status GroupsRepository::SetTermsOfReference(std::int64_t group_id, const TermsOfReference& t, std::int64_t now) {
    CV_RETURN_IF_ERROR(partnership::ValidateTermsOfReference(t));
    CV_RETURN_IF_ERROR(RequireGroup(conn_, group_id));
    return conn_
        .Execute(
            "INSERT INTO terms_of_reference (group_id, document_text, document_url, chair_eligibility, "
            "chair_term_min_months, chair_term_max_months, re_election_gap_months, vice_chairs, quorum, "
            "quorum_lay, review_date, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (group_id) DO UPDATE SET document_text = excluded.document_text, "
            "document_url = excluded.document_url, chair_eligibility = excluded.chair_eligibility, "
            "chair_term_min_months = excluded.chair_term_min_months, "
            "chair_term_max_months = excluded.chair_term_max_months, "
            "re_election_gap_months = excluded.re_election_gap_months, vice_chairs = excluded.vice_chairs, "
            "quorum = excluded.quorum, quorum_lay = excluded.quorum_lay, review_date = excluded.review_date, "
            "updated_at = excluded.updated_at",
            {group_id, t.document_text, t.document_url,
             EnumValue(partnership::kChairEligibilities, t.chair_eligibility), IntValue(t.chair_term_min_months),
             IntValue(t.chair_term_max_months), IntValue(t.re_election_gap_months), IntValue(t.vice_chairs),
             IntValue(t.quorum), IntValue(t.quorum_lay), DateValue(t.review_date), now})
        .status();
}

Result<std::optional<TermsOfReference>> GroupsRepository::FindTermsOfReference(std::int64_t group_id) {
    CV_ASSIGN_OR_RETURN(auto rows,
                        conn_.Query("SELECT document_text, document_url, chair_eligibility, chair_term_min_months, "
                                    "chair_term_max_months, re_election_gap_months, vice_chairs, quorum, quorum_lay, "
                                    "review_date FROM terms_of_reference WHERE group_id = ?",
                                    {group_id}));
    if (rows.empty()) return std::optional<TermsOfReference>();
    RowReader r(rows[0], "terms_of_reference");
    TermsOfReference t;
    t.document_text = r.Text(0);
    t.document_url = r.Text(1);
    t.chair_eligibility = r.Enum(2, partnership::kChairEligibilities);
    t.chair_term_min_months = static_cast<int>(r.Int(3));
    t.chair_term_max_months = static_cast<int>(r.Int(4));
    t.re_election_gap_months = static_cast<int>(r.Int(5));
    t.vice_chairs = static_cast<int>(r.Int(6));
    t.quorum = static_cast<int>(r.Int(7));
    t.quorum_lay = static_cast<int>(r.Int(8));
    t.review_date = r.Date(9);
    if (!r.status().ok()) return r.status();
    return std::optional<TermsOfReference>(std::move(t));
}

Status GroupsRepository::SetPopulationProfile(std::int64_t group_id, const partnership::PopulationProfile& profile) {
    CV_RETURN_IF_ERROR(partnership::ValidatePopulationProfile(profile));
    CV_RETURN_IF_ERROR(RequireGroup(conn_, group_id));
    CV_RETURN_IF_ERROR(conn_.Execute("DELETE FROM group_population_profile WHERE group_id = ?", {group_id}).status());
    for (const partnership::ProfileEntry& entry : profile) {
        CV_RETURN_IF_ERROR(conn_
                               .Execute("INSERT INTO group_population_profile (group_id, dimension, category, "
                                        "expected_share) VALUES (?, ?, ?, ?)",
                                        {group_id, EnumValue(partnership::kDiversityDimensions, entry.dimension),
                                         entry.category, entry.expected_share})
                               .status());
    }
    return Status::Ok();
}

Result<partnership::PopulationProfile> GroupsRepository::FindPopulationProfile(std::int64_t group_id) {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT dimension, category, expected_share FROM "
                                               "group_population_profile WHERE group_id = ?",
                                               {group_id}));
    partnership::PopulationProfile profile;
    for (const Row& row : rows) {
        RowReader r(row, "group_population_profile");
        partnership::ProfileEntry entry{r.Enum(0, partnership::kDiversityDimensions), r.Text(1), r.Double(2)};
        if (!r.status().ok()) return r.status();
        profile.push_back(std::move(entry));
    }
    std::sort(profile.begin(), profile.end(), [](const auto& a, const auto& b) {
        return std::tie(a.dimension, a.category) < std::tie(b.dimension, b.category);
    });
    return profile;
}

Status GroupsRepository::SetStaffRole(std::int64_t group_id, std::int64_t user_id, partnership::GroupRole role) {
    return conn_
        .Execute(
            "INSERT INTO group_staff (group_id, user_id, role) VALUES (?, ?, ?) ON CONFLICT (group_id, user_id) "
            "DO UPDATE SET role = excluded.role",
            {group_id, user_id, EnumValue(partnership::kGroupRoles, role)})
        .status();
}

Status GroupsRepository::RemoveStaff(std::int64_t group_id, std::int64_t user_id) {
    auto changed = conn_.Execute("DELETE FROM group_staff WHERE group_id = ? AND user_id = ?", {group_id, user_id});
    if (!changed.ok()) return changed.status();
    if (*changed == 0) {
        return Status::NotFound("user " + std::to_string(user_id) + " has no role in group " +
                                std::to_string(group_id));
    }
    return Status::Ok();
}

Result<std::vector<GroupStaff>> GroupsRepository::Staff(std::int64_t group_id) {
    return StaffFromRows(
        conn_.Query("SELECT s.group_id, s.user_id, u.username, u.display_name, s.role FROM group_staff s "
                    "JOIN users u ON u.id = s.user_id WHERE s.group_id = ? "
                    "ORDER BY CASE s.role WHEN 'facilitator' THEN 0 WHEN 'chair' THEN 1 ELSE 2 END, "
                    "u.display_name, u.id",
                    {group_id}));
}

Result<std::vector<GroupStaff>> GroupsRepository::GroupsOfUser(std::int64_t user_id) {
    return StaffFromRows(
        conn_.Query("SELECT s.group_id, s.user_id, u.username, u.display_name, s.role FROM group_staff s "
                    "JOIN users u ON u.id = s.user_id WHERE s.user_id = ? ORDER BY s.group_id",
                    {user_id}));
}

}  // namespace carevoice::store
