// Records of a group may only point at that group's own people (attendees, owners, auditors, voters,
// representatives). Foreign keys prove a person exists; this proves they belong to the group.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "core/status.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

// InvalidArgument naming `field` and each person who is not a person of `group_id`.
Status RequirePeopleOfGroup(Connection& conn, std::int64_t group_id, std::span<const std::int64_t> person_ids,
                            std::string_view field);

// NotFound when the group does not exist.
Status RequireGroup(Connection& conn, std::int64_t group_id);

}  // namespace carevoice::store
