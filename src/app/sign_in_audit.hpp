// Audit entries of refused sign-ins, within a bound. Anyone can try to sign in as often as they like and
// the audit log is append-only, so what one address can add to it is capped: per address and minute the
// first few refusals are written; while an account or address is locked only the first refusal of the
// lock is; every other attempt is counted (store/sign_in_counters_repository) and each window's count is
// written as one "sign_in.counted" entry once the window has ended.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/accounts.hpp"
#include "core/clock.hpp"
#include "core/status.hpp"
#include "store/sql.hpp"

namespace carevoice::app {

inline constexpr std::int64_t kSignInAuditWindowSeconds = 60;

// A pause on signing in that is in force: of an address or of an account, from the last failure that
// caused it until it lifts.
struct SignInLock {
    bool of_address = false;
    std::string subject;  // the address, or the username
    std::int64_t start = 0;
    std::int64_t end = 0;
};

// Writes the audit entry of a refused sign-in ("failure", "locked") unless the address has had
// `per_address_per_minute` entries this minute or `lock` has had its one: then it only counts it.
Status AuditRefusedSignIn(store::Connection& conn, const Clock& clock, const Actor& actor, const std::string& record_id,
                          const std::string& outcome, std::int64_t per_address_per_minute,
                          const std::optional<SignInLock>& lock);

// Appends a "sign_in.counted" entry (record type: the window's scope, record id: how many attempts were
// counted) for each window that has ended with attempts counted, and forgets every ended window; at
// most `max_windows` in one call. One transaction, so a count is summarised exactly once.
Status SummariseSignInCounts(store::Connection& conn, const Clock& clock, const std::string& request_id,
                             std::int64_t max_windows = 100);

}  // namespace carevoice::app
