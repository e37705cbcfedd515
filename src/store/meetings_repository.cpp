#include "store/meetings_repository.hpp"

#include <map>

#include "store/group_membership_check.hpp"
#include "store/row_reader.hpp"

namespace carevoice::store {
namespace {

using partnership::Meeting;

constexpr const char* kColumns = "id, group_id, held_on, mode, place, agenda, minutes, minutes_public";

Result<Meeting> MeetingFrom(const Row& row) {
    RowReader r(row, "meetings");
    Meeting m;
    m.id = r.Int(0);
    m.group_id = r.Int(1);
    m.held_on = r.Date(2);
    m.mode = r.Enum(3, partnership::kMeetingModes);
    m.place = r.Text(4);
    m.agenda = r.Text(5);
    m.minutes = r.Text(6);
    m.minutes_public = r.Flag(7);
    if (!r.status().ok()) return r.status();
    return m;
}

}  // namespace

Status MeetingsRepository::Check(const Meeting& meeting) {
    CV_RETURN_IF_ERROR(partnership::ValidateMeeting(meeting));
    CV_RETURN_IF_ERROR(RequireGroup(conn_, meeting.group_id));
    CV_RETURN_IF_ERROR(RequirePeopleOfGroup(conn_, meeting.group_id, meeting.attendees, "attendees"));
    return RequirePeopleOfGroup(conn_, meeting.group_id, meeting.apologies, "apologies");
}

Result<Meeting> MeetingsRepository::Create(const Meeting& meeting, std::int64_t now) {
    CV_RETURN_IF_ERROR(Check(meeting));
    CV_ASSIGN_OR_RETURN(
        auto row, conn_.QueryOne("INSERT INTO meetings (group_id, held_on, mode, place, agenda, "
                                 "minutes, minutes_public, created_at, updated_at) VALUES "
                                 "(?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                 {meeting.group_id, DateValue(meeting.held_on),
                                  EnumValue(partnership::kMeetingModes, meeting.mode), meeting.place, meeting.agenda,
                                  meeting.minutes, FlagValue(meeting.minutes_public), now, now}));
    Meeting created = meeting;
    created.id = row.Int(0);
    CV_RETURN_IF_ERROR(WriteLists(created));
    return created;
}

Result<Meeting> MeetingsRepository::Find(std::int64_t id) {
    CV_ASSIGN_OR_RETURN(auto meetings, Load("id = ?", {id}, "id"));
    if (meetings.empty()) return Status::NotFound("no meeting has the id " + std::to_string(id));
    return std::move(meetings.front());
}

Result<std::vector<Meeting>> MeetingsRepository::ListByGroup(std::int64_t group_id) {
    return Load("group_id = ?", {group_id}, "held_on, id");
}

Result<std::vector<Meeting>> MeetingsRepository::ListPublicMinutes(std::int64_t group_id) {
    return Load("group_id = ? AND minutes_public = 1", {group_id}, "held_on DESC, id DESC");
}

Status MeetingsRepository::Update(const Meeting& meeting, std::int64_t now) {
    CV_RETURN_IF_ERROR(Check(meeting));
    CV_RETURN_IF_ERROR(RequireChanged(
        conn_.Execute(
            "UPDATE meetings SET held_on = ?, mode = ?, place = ?, agenda = ?, minutes = ?, "
            "minutes_public = ?, updated_at = ? WHERE id = ? AND group_id = ?",
            {DateValue(meeting.held_on), EnumValue(partnership::kMeetingModes, meeting.mode), meeting.place,
             meeting.agenda, meeting.minutes, FlagValue(meeting.minutes_public), now, meeting.id, meeting.group_id}),
        "meeting of this group", meeting.id));
    CV_RETURN_IF_ERROR(conn_.Execute("DELETE FROM meeting_attendance WHERE meeting_id = ?", {meeting.id}).status());
    CV_RETURN_IF_ERROR(conn_.Execute("DELETE FROM meeting_decisions WHERE meeting_id = ?", {meeting.id}).status());
    return WriteLists(meeting);
}

Status MeetingsRepository::Delete(std::int64_t id) {
    return RequireChanged(conn_.Execute("DELETE FROM meetings WHERE id = ?", {id}), "meeting", id);
}

Status MeetingsRepository::WriteLists(const Meeting& m) {
    for (std::int64_t person : m.attendees) {
        CV_RETURN_IF_ERROR(conn_
                               .Execute("INSERT INTO meeting_attendance (meeting_id, person_id, attended) "
                                        "VALUES (?, ?, 1)",
                                        {m.id, person})
                               .status());
    }
    for (std::int64_t person : m.apologies) {
        CV_RETURN_IF_ERROR(conn_
                               .Execute("INSERT INTO meeting_attendance (meeting_id, person_id, attended) "
                                        "VALUES (?, ?, 0)",
                                        {m.id, person})
                               .status());
    }
    for (std::size_t at = 0; at < m.decisions.size(); ++at) {
        CV_RETURN_IF_ERROR(conn_
                               .Execute("INSERT INTO meeting_decisions (meeting_id, position, decision) "
                                        "VALUES (?, ?, ?)",
                                        {m.id, static_cast<std::int64_t>(at), m.decisions[at]})
                               .status());
    }
    return Status::Ok();
}

Result<std::vector<Meeting>> MeetingsRepository::Load(const std::string& where, const std::vector<Value>& params,
                                                      const std::string& order) {
    CV_ASSIGN_OR_RETURN(auto rows, conn_.Query(std::string("SELECT ") + kColumns + " FROM meetings WHERE " + where +
                                                   " ORDER BY " + order,
                                               params));
    std::vector<Meeting> meetings;
    std::map<std::int64_t, std::size_t> index;
    for (const Row& row : rows) {
        CV_ASSIGN_OR_RETURN(Meeting meeting, MeetingFrom(row));
        index[meeting.id] = meetings.size();
        meetings.push_back(std::move(meeting));
    }
    if (meetings.empty()) return meetings;
    const std::string of_these = " WHERE meeting_id IN (SELECT id FROM meetings WHERE " + where + ")";
    CV_ASSIGN_OR_RETURN(auto attendance, conn_.Query("SELECT meeting_id, person_id, attended FROM meeting_attendance" +
                                                         of_these + " ORDER BY meeting_id, person_id",
                                                     params));
    for (const Row& row : attendance) {
        Meeting& m = meetings[index[row.Int(0)]];
        (row.Int(2) != 0 ? m.attendees : m.apologies).push_back(row.Int(1));
    }
    CV_ASSIGN_OR_RETURN(auto decisions, conn_.Query("SELECT meeting_id, decision FROM meeting_decisions" + of_these +
                                                        " ORDER BY meeting_id, position",
                                                    params));
    for (const Row& row : decisions) meetings[index[row.Int(0)]].decisions.push_back(row.Text(1));
    return meetings;
}

}  // namespace carevoice::store
