#include "store/priorities_repository.hpp"

#include <map>
#include <optional>
#include <set>

#include "store/group_membership_check.hpp"
#include "store/row_reader.hpp"

namespace carevoice::store {
namespace {

using partnership::Ballot;
using partnership::CandidatePriority;
using partnership::EvidenceItem;

Status Invalid(const std::string& what, const std::string& field, const std::string& problem) {
    return Status::InvalidArgument(what + " is not valid: " + field + " " + problem, {{field, problem}});
}

// The ids among `ids` that are rows of `table` belonging to the group.
Result<std::set<std::int64_t>> OfGroup(Connection& conn, const char* table, std::int64_t group_id,
                                       const std::vector<std::int64_t>& ids, std::optional<int> year = std::nullopt) {
    std::set<std::int64_t> found;
    if (ids.empty()) return found;
    std::vector<Value> params = {group_id};
    std::string sql = std::string("SELECT id FROM ") + table + " WHERE group_id = ?";
    if (year) {
        sql += " AND programme_year = ?";
        params.push_back(static_cast<std::int64_t>(*year));
    }
    sql += " AND id IN " + Placeholders(ids.size());
    for (std::int64_t id : ids) params.push_back(id);
    CV_ASSIGN_OR_RETURN(auto rows, conn.Query(sql, params));
    for (const Row& row : rows) found.insert(row.Int(0));
    return found;
}

}  // namespace

Result<EvidenceItem> PrioritiesRepository::CreateEvidence(const EvidenceItem& item, std::int64_t now) {
    CV_RETURN_IF_ERROR(partnership::ValidateEvidenceItem(item));
    CV_RETURN_IF_ERROR(RequireGroup(conn_, item.group_id));
    CV_ASSIGN_OR_RETURN(
        auto row,
        conn_.QueryOne("INSERT INTO evidence_items (group_id, programme_year, kind, summary, reference, "
                       "cpes_org_code, cpes_year, cpes_question, recorded_on, created_at) VALUES "
                       "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                       {item.group_id, IntValue(item.programme_year), EnumValue(partnership::kEvidenceKinds, item.kind),
                        item.summary, item.reference, item.cpes ? Value(item.cpes->org_code) : Null(),
                        item.cpes ? IntValue(item.cpes->year) : Null(), item.cpes ? Value(item.cpes->question) : Null(),
                        DateValue(item.recorded_on), now}));
    EvidenceItem created = item;
    created.id = row.Int(0);
    return created;
}

Result<std::vector<EvidenceItem>> PrioritiesRepository::ListEvidence(std::int64_t group_id, int programme_year) {
    CV_ASSIGN_OR_RETURN(auto rows,
                        conn_.Query("SELECT id, group_id, programme_year, kind, summary, reference, "
                                    "cpes_org_code, cpes_year, cpes_question, recorded_on FROM evidence_items "
                                    "WHERE group_id = ? AND programme_year = ? ORDER BY recorded_on, id",
                                    {group_id, IntValue(programme_year)}));
    std::vector<EvidenceItem> out;
    for (const Row& row : rows) {
        RowReader r(row, "evidence_items");
        EvidenceItem e;
        e.id = r.Int(0);
        e.group_id = r.Int(1);
        e.programme_year = static_cast<int>(r.Int(2));
        e.kind = r.Enum(3, partnership::kEvidenceKinds);
        e.summary = r.Text(4);
        e.reference = r.Text(5);
        if (!row.IsNull(6)) e.cpes = partnership::CpesReference{r.Text(6), static_cast<int>(r.Int(7)), r.Text(8)};
        e.recorded_on = r.Date(9);
        if (!r.status().ok()) return r.status();
        out.push_back(std::move(e));
    }
    return out;
}

Status PrioritiesRepository::DeleteEvidence(std::int64_t id) {
    return RequireChanged(conn_.Execute("DELETE FROM evidence_items WHERE id = ?", {id}), "evidence item", id);
}

Result<CandidatePriority> PrioritiesRepository::CreatePriority(const CandidatePriority& priority, std::int64_t now) {
    CV_RETURN_IF_ERROR(partnership::ValidateCandidatePriority(priority));
    CV_RETURN_IF_ERROR(RequireGroup(conn_, priority.group_id));
    CV_ASSIGN_OR_RETURN(auto evidence, OfGroup(conn_, "evidence_items", priority.group_id, priority.evidence_ids));
    for (std::int64_t id : priority.evidence_ids) {
        if (!evidence.count(id)) {
            return Invalid("the candidate priority", "evidence_ids",
                           "evidence " + std::to_string(id) + " is not one of this group's");
        }
    }
    if (priority.carried_from_work_item_id) {
        CV_ASSIGN_OR_RETURN(auto items,
                            OfGroup(conn_, "work_items", priority.group_id, {*priority.carried_from_work_item_id}));
        if (items.empty()) {
            return Invalid(
                "the candidate priority", "carried_from_work_item_id",
                std::to_string(*priority.carried_from_work_item_id) + " is not one of this group's work items");
        }
    }
    CV_ASSIGN_OR_RETURN(auto row,
                        conn_.QueryOne("INSERT INTO candidate_priorities (group_id, programme_year, title, "
                                       "description, origin, carried_from_work_item_id, created_at) VALUES "
                                       "(?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                       {priority.group_id, IntValue(priority.programme_year), priority.title,
                                        priority.description, EnumValue(partnership::kPriorityOrigins, priority.origin),
                                        OrNull(priority.carried_from_work_item_id), now}));
    CandidatePriority created = priority;
    created.id = row.Int(0);
    for (std::int64_t evidence_id : priority.evidence_ids) {
        CV_RETURN_IF_ERROR(conn_
                               .Execute("INSERT INTO priority_evidence (priority_id, evidence_id) VALUES (?, ?)",
                                        {created.id, evidence_id})
                               .status());
    }
    return created;
}

Result<std::vector<CandidatePriority>> PrioritiesRepository::ListPriorities(std::int64_t group_id, int programme_year) {
    const std::vector<Value> params = {group_id, IntValue(programme_year)};
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT id, group_id, programme_year, title, description, origin, "
                                               "carried_from_work_item_id FROM candidate_priorities "
                                               "WHERE group_id = ? AND programme_year = ? ORDER BY id",
                                               params));
    CV_ASSIGN_OR_RETURN(auto links, conn_.Query("SELECT e.priority_id, e.evidence_id FROM priority_evidence e JOIN "
                                                "candidate_priorities p ON p.id = e.priority_id WHERE p.group_id = ? "
                                                "AND p.programme_year = ? ORDER BY e.priority_id, e.evidence_id",
                                                params));
    std::map<std::int64_t, std::vector<std::int64_t>> evidence;
    for (const Row& link : links) evidence[link.Int(0)].push_back(link.Int(1));
    std::vector<CandidatePriority> out;
    for (const Row& row : rows) {
        RowReader r(row, "candidate_priorities");
        CandidatePriority p;
        p.id = r.Int(0);
        p.group_id = r.Int(1);
        p.programme_year = static_cast<int>(r.Int(2));
        p.title = r.Text(3);
        p.description = r.Text(4);
        p.origin = r.Enum(5, partnership::kPriorityOrigins);
        p.carried_from_work_item_id = r.OptInt(6);
        p.evidence_ids = evidence[p.id];
        if (!r.status().ok()) return r.status();
        out.push_back(std::move(p));
    }
    return out;
}

Status PrioritiesRepository::DeletePriority(std::int64_t id) {
    return RequireChanged(conn_.Execute("DELETE FROM candidate_priorities WHERE id = ?", {id}), "candidate priority",
                          id);
}

Result<Ballot> PrioritiesRepository::CastBallot(const Ballot& ballot, std::int64_t now) {
    CV_RETURN_IF_ERROR(partnership::ValidateBallot(ballot));
    CV_RETURN_IF_ERROR(RequireGroup(conn_, ballot.group_id));
    const std::int64_t voter[] = {ballot.person_id};
    CV_RETURN_IF_ERROR(RequirePeopleOfGroup(conn_, ballot.group_id, voter, "person_id"));
    CV_ASSIGN_OR_RETURN(auto candidates,
                        OfGroup(conn_, "candidate_priorities", ballot.group_id, ballot.choices, ballot.programme_year));
    for (std::int64_t choice : ballot.choices) {
        if (!candidates.count(choice)) {
            return Invalid(
                "the ballot", "choices",
                std::to_string(choice) + " is not a candidate priority of " + std::to_string(ballot.programme_year));
        }
    }
    CV_RETURN_IF_ERROR(conn_
                           .Execute("DELETE FROM priority_ballots WHERE group_id = ? AND programme_year = ? AND "
                                    "person_id = ?",
                                    {ballot.group_id, IntValue(ballot.programme_year), ballot.person_id})
                           .status());
    CV_ASSIGN_OR_RETURN(auto row,
                        conn_.QueryOne("INSERT INTO priority_ballots (group_id, programme_year, person_id, "
                                       "cast_at) VALUES (?, ?, ?, ?) RETURNING id",
                                       {ballot.group_id, IntValue(ballot.programme_year), ballot.person_id, now}));
    Ballot cast = ballot;
    cast.id = row.Int(0);
    for (std::size_t at = 0; at < ballot.choices.size(); ++at) {
        CV_RETURN_IF_ERROR(conn_
                               .Execute("INSERT INTO priority_ballot_choices (ballot_id, priority_id, position) "
                                        "VALUES (?, ?, ?)",
                                        {cast.id, ballot.choices[at], static_cast<std::int64_t>(at + 1)})
                               .status());
    }
    return cast;
}

Result<std::vector<Ballot>> PrioritiesRepository::ListBallots(std::int64_t group_id, int programme_year) {
    const std::vector<Value> params = {group_id, IntValue(programme_year)};
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT id, person_id FROM priority_ballots WHERE group_id = ? AND "
                                               "programme_year = ? ORDER BY id",
                                               params));
    CV_ASSIGN_OR_RETURN(auto choices, conn_.Query("SELECT c.ballot_id, c.priority_id FROM priority_ballot_choices c "
                                                  "JOIN priority_ballots b ON b.id = c.ballot_id WHERE b.group_id = ? "
                                                  "AND b.programme_year = ? ORDER BY c.ballot_id, c.position",
                                                  params));
    std::map<std::int64_t, std::vector<std::int64_t>> by_ballot;
    for (const Row& row : choices) by_ballot[row.Int(0)].push_back(row.Int(1));
    std::vector<Ballot> out;
    for (const Row& row : rows) {
        out.push_back({row.Int(0), group_id, programme_year, row.Int(1), by_ballot[row.Int(0)]});
    }
    return out;
}

}  // namespace carevoice::store
