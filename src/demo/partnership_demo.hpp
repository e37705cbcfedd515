// Demo data for the partnership capability: a group modelled on the Milton Keynes Cancer Patient
// Partnership (shared/domain/000_98702a441cbb01ec.txt) — members of every kind with invented names, a
// year of meetings, an environmental audit of an outpatient clinic and its re-audit, a work programme
// built on the local trust's real 2018 survey results, impacts with "you said, we did", measures and a
// buddy plan. Never real patients.
#pragma once

#include "core/clock.hpp"
#include "core/status.hpp"
#include "store/sql.hpp"

namespace carevoice::demo {

// The demo group's name; FillPartnershipDemo does nothing when a group of this name exists.
inline constexpr const char* kDemoGroupName = "Milton Keynes Cancer Patient Partnership (demo)";

// Creates the demo group and everything in it in one transaction of its own (call it outside a
// transaction), with dates relative to clock.Today(). Links the demo accounts 'facilitator' and
// 'member' (created by `carevoice demo`) as the group's facilitator and a member when they exist.
// Reads the published survey results if they were imported, and otherwise uses the same published
// figures written into the demo.
Status FillPartnershipDemo(store::Connection& conn, const Clock& clock);

}  // namespace carevoice::demo
