#include "store/sign_in_counters_repository.hpp"

#include <algorithm>

namespace carevoice::store {

Result<bool> SignInCountersRepository::Take(const CounterWindow& w, std::int64_t record_limit) {
    const std::int64_t limit = std::max<std::int64_t>(record_limit, 1);
    // The first attempt of a window is always recorded. Later ones raise `recorded` while it is under the
    // limit and `counted` after that, so `counted` stays 0 exactly as long as attempts are recorded.
    CV_ASSIGN_OR_RETURN(
        auto row,
        conn_.QueryOne("INSERT INTO sign_in_counters (scope, subject, window_start, window_end, recorded, counted) "
                       "VALUES (?, ?, ?, ?, 1, 0) ON CONFLICT (scope, subject, window_start) DO UPDATE SET "
                       "recorded = CASE WHEN sign_in_counters.recorded < ? THEN sign_in_counters.recorded + 1 "
                       "ELSE sign_in_counters.recorded END, "
                       "counted = CASE WHEN sign_in_counters.recorded < ? THEN sign_in_counters.counted "
                       "ELSE sign_in_counters.counted + 1 END "
                       "RETURNING counted",
                       {w.scope, w.subject, w.start, w.end, limit, limit}));
    return row.Int(0) == 0;
}

Result<std::vector<EndedWindow>> SignInCountersRepository::TakeEnded(std::int64_t now, std::int64_t max_windows) {
    CV_ASSIGN_OR_RETURN(auto rows,
                        conn_.Query("DELETE FROM sign_in_counters WHERE id IN (SELECT id FROM sign_in_counters "
                                    "WHERE window_end <= ? ORDER BY window_end, id LIMIT ?) "
                                    "RETURNING scope, subject, window_start, window_end, recorded, counted",
                                    {now, max_windows}));
    std::vector<EndedWindow> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
        out.push_back({{r.Text(0), r.Text(1), r.Int(2), r.Int(3)}, r.Int(4), r.Int(5)});
    }
    // RETURNING gives no order; summaries read best oldest first.
    std::sort(out.begin(), out.end(), [](const EndedWindow& a, const EndedWindow& b) {
        return a.window.end != b.window.end ? a.window.end < b.window.end : a.window.subject < b.window.subject;
    });
    return out;
}

}  // namespace carevoice::store
