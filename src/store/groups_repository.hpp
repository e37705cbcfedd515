// Partnership groups in storage: the group with its links to other bodies (and who represents it on
// each), its terms of reference, the population profile it compares its membership with, and which carevoice users run
// or belong to it (group_staff), from which the web layer decides who may manage a group.
//
// Like every partnership repository, this one writes inside the caller's transaction and does not
// audit: the caller opens a store::Transaction, calls the repository, appends the audit entry
// (web::AppendAudit) and commits, so that a change is never stored without its record. Records are
// validated (partnership::Validate…) before anything is written, and the people, meetings, audits and
// work items a record points at must be its own group's. Updates match on id and group_id, so nothing
// is edited through another group; Find and Delete take an id alone, so the web layer checks the found
// record's group_id against the groups the user may manage (GroupsOfUser) before acting.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "partnership/diversity.hpp"
#include "partnership/group.hpp"
#include "partnership/terms_of_reference.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

struct GroupStaff {
    std::int64_t group_id = 0;
    std::int64_t user_id = 0;
    std::string username;
    std::string display_name;
    partnership::GroupRole role = partnership::GroupRole::kMember;
};

class GroupsRepository {
  public:
    explicit GroupsRepository(Connection& conn) : conn_(conn) {}

    // Inserts the group and its links; returns it with its id and the links' ids.
    Result<partnership::Group> Create(const partnership::Group& group, std::int64_t now);
    Result<partnership::Group> Find(std::int64_t id);
    Result<std::vector<partnership::Group>> List();  // by name
    // Replaces the group's fields and links. Representatives must be people of the group.
    Status Update(const partnership::Group& group, std::int64_t now);
    // Deletes the group and everything that belongs to it.
    Status Delete(std::int64_t id);

    Status SetTermsOfReference(std::int64_t group_id, const partnership::TermsOfReference& terms, std::int64_t now);
    // None when the group has not recorded its terms yet.
    Result<std::optional<partnership::TermsOfReference>> FindTermsOfReference(std::int64_t group_id);

    // Replaces the population profile the diversity view compares the membership with.
    Status SetPopulationProfile(std::int64_t group_id, const partnership::PopulationProfile& profile);
    // In dimension order, then category; empty when the group has entered none.
    Result<partnership::PopulationProfile> FindPopulationProfile(std::int64_t group_id);

    // Inserts or changes the user's role in the group.
    Status SetStaffRole(std::int64_t group_id, std::int64_t user_id, partnership::GroupRole role);
    Status RemoveStaff(std::int64_t group_id, std::int64_t user_id);
    Result<std::vector<GroupStaff>> Staff(std::int64_t group_id);  // facilitators, chairs, members; by name
    Result<std::vector<GroupStaff>> GroupsOfUser(std::int64_t user_id);

  private:
    Status CheckLinks(const partnership::Group& group);
    Status ReplaceLinks(const partnership::Group& group);
    Result<std::vector<partnership::GroupLink>> Links(std::int64_t group_id);
    Connection& conn_;
};

}  // namespace carevoice::store
