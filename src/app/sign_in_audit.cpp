#include "app/sign_in_audit.hpp"

#include "store/sign_in_counters_repository.hpp"

namespace carevoice::app {

Status AuditRefusedSignIn(store::Connection& conn, const Clock& clock, const Actor& actor, const std::string& record_id,
                          const std::string& outcome, std::int64_t per_address_per_minute,
                          const std::optional<SignInLock>& lock) {
    store::SignInCountersRepository counters(conn);
    const std::int64_t now = clock.NowSeconds();
    const std::int64_t minute = now - now % kSignInAuditWindowSeconds;
    // The address's minute is the bound; a lock then keeps only its first refusal of those it lets through.
    CV_ASSIGN_OR_RETURN(bool record,
                        counters.Take({"address", actor.client_address, minute, minute + kSignInAuditWindowSeconds},
                                      per_address_per_minute));
    if (record && lock) {
        CV_ASSIGN_OR_RETURN(record, counters.Take({lock->of_address ? "address_lock" : "account_lock", lock->subject,
                                                   lock->start, lock->end},
                                                  1));
    }
    if (!record) return Status::Ok();
    return AppendAudit(conn, clock, actor, "sign_in", "user", record_id, outcome);
}

Status SummariseSignInCounts(store::Connection& conn, const Clock& clock, const std::string& request_id,
                             std::int64_t max_windows) {
    CV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(conn));
    CV_ASSIGN_OR_RETURN(auto ended, store::SignInCountersRepository(conn).TakeEnded(clock.NowSeconds(), max_windows));
    for (const auto& w : ended) {
        if (w.counted == 0) continue;
        Actor who;
        who.role = "public";
        who.request_id = request_id;
        (w.window.scope == "account_lock" ? who.username : who.client_address) = w.window.subject;
        CV_RETURN_IF_ERROR(
            AppendAudit(conn, clock, who, "sign_in.counted", w.window.scope, std::to_string(w.counted), "counted"));
    }
    return tx.Commit();
}

}  // namespace carevoice::app
