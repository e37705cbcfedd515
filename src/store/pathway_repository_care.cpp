// What is done on a pathway, for the pathway repository (store/pathway_repository.hpp): key workers
// assigned, preferences recorded, actions and their completion, alert acknowledgements, and break-glass
// access with its review. Patients and pathway records are in pathway_repository.cpp.
#include "store/pathway_repository.hpp"
#include "store/pathway_tracking_repository.hpp"
#include "store/row_reader.hpp"

namespace carevoice::store {
namespace {

Result<PathwayAction> ActionFrom(const Row& row) {
    RowReader r(row, "pathway_actions");
    PathwayAction a{r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Date(4), r.OptInt(5), r.Int(6), r.Text(7)};
    CV_RETURN_IF_ERROR(r.status());
    return a;
}

constexpr const char* kActionColumns = "id, pathway_id, description, owner, due_on, done_at, created_at, created_by";

}  // namespace

Status PathwayRepository::AssignKeyWorker(std::int64_t pathway_id, const pathway::KeyWorker& w) {
    CV_RETURN_IF_ERROR(BumpPathwayDataVersion(conn_));
    if (w.name.empty())
        return Status::InvalidArgument("the key worker needs a name", {{"key_worker_name", "is required"}});
    return conn_
        .Execute(
            "INSERT INTO key_worker_assignments (pathway_id, name, role, phone, user_id, assigned_at, assigned_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            {pathway_id, w.name, w.role, w.phone, w.user_id ? Value(*w.user_id) : Null(), w.assigned_at, w.assigned_by})
        .status();
}

Status PathwayRepository::RecordPreference(std::int64_t pathway_id, const pathway::Preference& p) {
    CV_RETURN_IF_ERROR(BumpPathwayDataVersion(conn_));
    CV_RETURN_IF_ERROR(pathway::ValidatePreference(p));
    return conn_
        .Execute(
            "INSERT INTO pathway_preferences (pathway_id, kind, state, value, detail, review_on, recorded_by, "
            "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            {pathway_id, std::string(NameOf(pathway::kPreferenceKinds, p.kind)),
             std::string(p.state == pathway::PreferenceState::kDecided ? "decided" : "not_yet_decided"), p.value,
             p.detail, OptDateValue(p.review_on), p.recorded_by, p.recorded_at})
        .status();
}

Result<PathwayAction> PathwayRepository::AddAction(const PathwayAction& a) {
    CV_RETURN_IF_ERROR(BumpPathwayDataVersion(conn_));
    if (a.description.empty() || a.owner.empty()) {
        return Status::InvalidArgument("an action needs what and who",
                                       {{"description", "is required"}, {"owner", "is required"}});
    }
    CV_ASSIGN_OR_RETURN(auto row, conn_.QueryOne("INSERT INTO pathway_actions (pathway_id, description, owner, due_on, "
                                                 "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                                                 {a.pathway_id, a.description, a.owner, a.due_on.ToString(),
                                                  a.created_at, a.created_by}));
    PathwayAction out = a;
    out.id = row.Int(0);
    return out;
}

Status PathwayRepository::CompleteAction(std::int64_t pathway_id, std::int64_t action_id, std::int64_t now) {
    CV_RETURN_IF_ERROR(BumpPathwayDataVersion(conn_));
    CV_ASSIGN_OR_RETURN(auto n, conn_.Execute("UPDATE pathway_actions SET done_at = ? WHERE id = ? AND pathway_id = ? "
                                              "AND done_at IS NULL",
                                              {now, action_id, pathway_id}));
    if (n == 0) return Status::NotFound("there is no such open action on this pathway");
    return Status::Ok();
}

Result<std::vector<PathwayAction>> PathwayRepository::ListActions(std::int64_t pathway_id) {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query(std::string("SELECT ") + kActionColumns +
                                                   " FROM pathway_actions WHERE pathway_id = ? ORDER BY done_at IS NOT "
                                                   "NULL, due_on, id",
                                               {pathway_id}));
    std::vector<PathwayAction> out;
    for (const auto& row : rows) {
        CV_ASSIGN_OR_RETURN(auto a, ActionFrom(row));
        out.push_back(std::move(a));
    }
    return out;
}

Result<std::vector<PathwayAction>> PathwayRepository::ListNextActions() {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query(std::string("SELECT ") + kActionColumns +
                                               " FROM pathway_actions WHERE done_at IS NULL ORDER BY pathway_id, "
                                               "due_on, id"));
    std::vector<PathwayAction> out;
    for (const auto& row : rows) {
        if (!out.empty() && out.back().pathway_id == row.Int(1)) continue;  // the earliest per pathway
        CV_ASSIGN_OR_RETURN(auto a, ActionFrom(row));
        out.push_back(std::move(a));
    }
    return out;
}

Status PathwayRepository::Acknowledge(const AlertAcknowledgement& a) {
    CV_RETURN_IF_ERROR(BumpPathwayDataVersion(conn_));
    return conn_
        .Execute(
            "INSERT INTO alert_acknowledgements (pathway_id, rule, note, acknowledged_by, acknowledged_at) "
            "VALUES (?, ?, ?, ?, ?)",
            {a.pathway_id, a.rule, a.note, a.acknowledged_by, a.acknowledged_at})
        .status();
}

Result<std::vector<AlertAcknowledgement>> PathwayRepository::ListAcknowledgements() {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT pathway_id, rule, note, acknowledged_by, acknowledged_at FROM "
                                               "alert_acknowledgements ORDER BY id"));
    std::vector<AlertAcknowledgement> out;
    for (const auto& r : rows) out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4)});
    return out;
}

Result<BreakGlass> PathwayRepository::OpenBreakGlass(std::int64_t user_id, std::int64_t pathway_id,
                                                     const std::string& reason, std::int64_t now,
                                                     std::int64_t seconds) {
    CV_ASSIGN_OR_RETURN(auto row, conn_.QueryOne("INSERT INTO break_glass (user_id, pathway_id, reason, opened_at, "
                                                 "expires_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                                                 {user_id, pathway_id, reason, now, now + seconds}));
    return BreakGlass{row.Int(0), user_id, "", pathway_id, "", reason, now, now + seconds, std::nullopt};
}

Result<bool> PathwayRepository::HasActiveBreakGlass(std::int64_t user_id, std::int64_t pathway_id, std::int64_t now) {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT 1 FROM break_glass WHERE user_id = ? AND pathway_id = ? AND "
                                               "opened_at <= ? AND expires_at > ?",
                                               {user_id, pathway_id, now, now}));
    return !rows.empty();
}

Result<std::vector<BreakGlass>> PathwayRepository::ListUnreviewedBreakGlass() {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query("SELECT b.id, b.user_id, u.username, b.pathway_id, p.ref, b.reason, "
                                               "b.opened_at, b.expires_at FROM break_glass b JOIN users u ON u.id = "
                                               "b.user_id JOIN pathways p ON p.id = b.pathway_id WHERE b.reviewed_at "
                                               "IS NULL ORDER BY b.opened_at DESC"));
    std::vector<BreakGlass> out;
    for (const auto& r : rows) {
        out.push_back(
            {r.Int(0), r.Int(1), r.Text(2), r.Int(3), r.Text(4), r.Text(5), r.Int(6), r.Int(7), std::nullopt});
    }
    return out;
}

Status PathwayRepository::ReviewBreakGlass(std::int64_t id, const std::string& reviewer, std::int64_t now) {
    CV_ASSIGN_OR_RETURN(auto n,
                        conn_.Execute("UPDATE break_glass SET reviewed_by = ?, reviewed_at = ? WHERE id = ? AND "
                                      "reviewed_at IS NULL",
                                      {reviewer, now, id}));
    if (n == 0) return Status::NotFound("there is no such break-glass access to review");
    return Status::Ok();
}

}  // namespace carevoice::store
