// Counters of sign-in attempts by window (migration 0008), so that the audit log records the first few
// attempts of each window and one summary of the rest. Implemented once over the SQL seam; each call is
// one statement, atomic on both engines, so servers sharing a database count together.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "store/sql.hpp"

namespace carevoice::store {

// One window of attempts: an address's minute ("address"), or one lock ("address_lock",
// "account_lock") from its start to when it lifts.
struct CounterWindow {
    std::string scope;
    std::string subject;  // the client address, or the username
    std::int64_t start = 0;
    std::int64_t end = 0;
};

struct EndedWindow {
    CounterWindow window;
    std::int64_t recorded = 0;  // attempts that were written to the audit log
    std::int64_t counted = 0;   // attempts only counted
};

class SignInCountersRepository {
  public:
    explicit SignInCountersRepository(Connection& conn) : conn_(conn) {}

    // Takes an attempt's place in `window`: true when fewer than `record_limit` (at least 1) of its
    // attempts have been recorded, so this one may be written to the audit log; false when it was counted.
    Result<bool> Take(const CounterWindow& window, std::int64_t record_limit);
    // Removes up to `max_windows` windows that ended by `now` and returns them. Deleting is what claims a
    // window, so when servers race exactly one of them gets (and summarises) each.
    Result<std::vector<EndedWindow>> TakeEnded(std::int64_t now, std::int64_t max_windows);

  private:
    Connection& conn_;
};

}  // namespace carevoice::store
