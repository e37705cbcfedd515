#include "store/impact_repository.hpp"

#include "store/group_membership_check.hpp"
#include "store/row_reader.hpp"

namespace carevoice::store {
namespace {

using partnership::Impact;

constexpr const char* kColumns =
    "id, group_id, title, occurred_on, kind, organisation, influence, decision_domain, involvement, evidence, "
    "lay_reflection, professional_reflection, work_item_id, you_said, we_did, difference_made, fed_back_to, "
    "fed_back_on, fed_back_how, is_public";

Result<Impact> ImpactFrom(const Row& row) {
    RowReader r(row, "impacts");
    Impact i;
    i.id = r.Int(0);
    i.group_id = r.Int(1);
    i.title = r.Text(2);
    i.occurred_on = r.Date(3);
    i.kind = r.Enum(4, partnership::kImpactKinds);
    i.organisation = r.Text(5);
    i.influence = r.Enum(6, partnership::kInfluenceStrengths);
    i.domain = r.Enum(7, partnership::kDecisionDomains);
    i.involvement = r.Enum(8, partnership::kInvolvementLevels);
    i.evidence = r.Text(9);
    i.lay_reflection = r.Text(10);
    i.professional_reflection = r.Text(11);
    i.work_item_id = r.OptInt(12);
    i.you_said = r.Text(13);
    i.we_did = r.Text(14);
    i.difference_made = r.Text(15);
    i.fed_back_to = r.Text(16);
    i.fed_back_on = r.OptDate(17);
    i.fed_back_how = r.Text(18);
    i.is_public = r.Flag(19);
    if (!r.status().ok()) return r.status();
    return i;
}

// Every column but id and group_id, in kColumns order.
std::vector<Value> Params(const Impact& i) {
    return {i.title,
            DateValue(i.occurred_on),
            EnumValue(partnership::kImpactKinds, i.kind),
            i.organisation,
            EnumValue(partnership::kInfluenceStrengths, i.influence),
            EnumValue(partnership::kDecisionDomains, i.domain),
            EnumValue(partnership::kInvolvementLevels, i.involvement),
            i.evidence,
            i.lay_reflection,
            i.professional_reflection,
            OrNull(i.work_item_id),
            i.you_said,
            i.we_did,
            i.difference_made,
            i.fed_back_to,
            OptDateValue(i.fed_back_on),
            i.fed_back_how,
            FlagValue(i.is_public)};
}

Result<std::vector<Impact>> All(Result<std::vector<Row>> rows) {
    if (!rows.ok()) return rows.status();
    std::vector<Impact> out;
    for (const Row& row : *rows) {
        CV_ASSIGN_OR_RETURN(Impact impact, ImpactFrom(row));
        out.push_back(std::move(impact));
    }
    return out;
}

}  // namespace

Status ImpactRepository::Check(const Impact& impact) {
    CV_RETURN_IF_ERROR(partnership::ValidateImpact(impact));
    CV_RETURN_IF_ERROR(RequireGroup(conn_, impact.group_id));
    if (!impact.work_item_id) return Status::Ok();
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT id FROM work_items WHERE id = ? AND group_id = ?",
                                               {*impact.work_item_id, impact.group_id}));
    if (!rows.empty()) return Status::Ok();
    const std::string problem = std::to_string(*impact.work_item_id) + " is not one of this group's work items";
    return Status::InvalidArgument("the impact is not valid: work_item_id " + problem, {{"work_item_id", problem}});
}

Result<Impact> ImpactRepository::Create(const Impact& impact, std::int64_t now) {
    CV_RETURN_IF_ERROR(Check(impact));
    std::vector<Value> params = {impact.group_id};
    for (Value& v : Params(impact)) params.push_back(std::move(v));
    params.push_back(now);
    params.push_back(now);
    CV_ASSIGN_OR_RETURN(
        auto row, conn_.QueryOne("INSERT INTO impacts (group_id, title, occurred_on, kind, organisation, influence, "
                                 "decision_domain, involvement, evidence, lay_reflection, professional_reflection, "
                                 "work_item_id, you_said, we_did, difference_made, fed_back_to, fed_back_on, "
                                 "fed_back_how, is_public, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
                                 "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                 params));
    Impact created = impact;
    created.id = row.Int(0);
    return created;
}

Result<Impact> ImpactRepository::Find(std::int64_t id) {
    auto row = conn_.QueryOne(std::string("SELECT ") + kColumns + " FROM impacts WHERE id = ?", {id});
    if (!row.ok()) {
        if (row.status().code() == StatusCode::kNotFound) {
            return Status::NotFound("no impact has the id " + std::to_string(id));
        }
        return row.status();
    }
    return ImpactFrom(*row);
}

Result<std::vector<Impact>> ImpactRepository::ListByGroup(std::int64_t group_id, bool public_only) {
    return All(conn_.Query(std::string("SELECT ") + kColumns + " FROM impacts WHERE group_id = ?" +
                               (public_only ? " AND is_public = 1" : "") + " ORDER BY occurred_on DESC, id DESC",
                           {group_id}));
}

Status ImpactRepository::Update(const Impact& impact, std::int64_t now) {
    CV_RETURN_IF_ERROR(Check(impact));
    std::vector<Value> params = Params(impact);
    params.push_back(now);
    params.push_back(impact.id);
    params.push_back(impact.group_id);
    return RequireChanged(
        conn_.Execute("UPDATE impacts SET title = ?, occurred_on = ?, kind = ?, organisation = ?, influence = ?, "
                      "decision_domain = ?, involvement = ?, evidence = ?, lay_reflection = ?, "
                      "professional_reflection = ?, work_item_id = ?, you_said = ?, we_did = ?, difference_made = ?, "
                      "fed_back_to = ?, fed_back_on = ?, fed_back_how = ?, is_public = ?, updated_at = ? "
                      "WHERE id = ? AND group_id = ?",
                      params),
        "impact of this group", impact.id);
}

Status ImpactRepository::Delete(std::int64_t id) {
    return RequireChanged(conn_.Execute("DELETE FROM impacts WHERE id = ?", {id}), "impact", id);
}

}  // namespace carevoice::store
