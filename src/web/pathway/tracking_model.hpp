// The tracking list of open pathways, shared by the page (tracking.cpp), its CSV download and the JSON API
// (api.cpp): who may see which pathways, the filters (GET parameters holding codes and refs only, never
// patient data), the clocks with red/amber/green, the next action and the unacknowledged alerts.
//
// Performance: computing clocks needs every event of every pathway; that is done once per day and per
// version of the pathway data (store::PathwayTrackingRepository::CurrentDataVersion, which every write to
// patients, pathways, key workers, actions, acknowledgements, events or the alert settings changes), and kept
// in a TrackingCache shared by the application's threads. So is each scope's whole list (every active pathway
// an organisation may see, with its clocks, next action and alerts). A request then reads one row (the
// version) and the user's organisation, and filters, sorts and pages the cached list in memory.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pathway/alerts.hpp"
#include "pathway/clocks.hpp"
#include "pathway/recompute.hpp"
#include "pathway/record.hpp"
#include "store/pathway_repository.hpp"
#include "store/pathway_tracking_repository.hpp"
#include "web/http/context.hpp"

namespace carevoice::web::pathway_tracking {

inline constexpr std::size_t kPageSize = 100;
inline constexpr int kMaxPage = 1000;

struct TrackingFilter {
    std::string provider;         // ODS code: prime provider or any event's provider
    std::string tumour;           // tumour group
    std::string area;             // the patient's area code
    std::string key_worker;       // "none", "named", or a key worker's user id
    std::string clock;            // "fds", "62", "31": pathways with that clock open
    std::string rag;              // "red", "amber", "green"
    std::string sort = "breach";  // breach, waiting, alerts, ref, provider
    int page = 1;
};

// Reads the filter from the query; every problem names its field.
Result<TrackingFilter> ReadFilter(const RequestContext& ctx);
// The query string of a filter ("provider=RAA&clock=62"), for links; codes only.
std::string FilterQuery(const TrackingFilter& filter, bool with_page);

// Which pathways the user may see: admins all; a coordinator those involving their organisation (prime
// provider, or provider / receiving provider of any event). A coordinator without an organisation sees none.
struct Scope {
    bool all = false;
    std::string organisation;  // ODS code
};
Result<Scope> ScopeFor(RequestContext& ctx);

struct TrackingRow {
    pathway::PathwayRecord record;
    std::string patient_name;
    std::string area;
    std::optional<pathway::Clock> fds, c62, c31;  // the open clocks (c31: the latest open 31-day clock)
    std::string rag;                              // red, amber, green; "" with no open clock
    std::optional<int> days_to_breach;            // the soonest of the open clocks
    std::optional<store::PathwayAction> next_action;
    std::vector<pathway::Alert> alerts;  // not acknowledged
    std::size_t acknowledged = 0;        // alerts silenced by an acknowledgement that holds
    std::set<std::string> providers;     // every provider and receiving provider of its events
};

struct Option {
    std::string value, label;
};

// Every active pathway in one scope, unfiltered, with the filter's choices among them: kept per data
// version, day and scope.
struct ScopeList {
    std::vector<TrackingRow> rows;
    std::vector<Option> providers, tumours, areas, key_workers;
};

// The red/amber/green rule, as the page states it: red when breached or 0 days or fewer to breach; amber
// within 7 days of breach on the FDS and 31-day clocks, 14 on the 62-day clock; otherwise green.
std::string RagFor(const pathway::Clock& clock);
inline constexpr const char* kRagRule =
    "Red: the clock has breached, or has 0 days or fewer to breach. Amber: 7 days or fewer to breach on the "
    "28-day Faster Diagnosis and 31-day clocks, 14 days or fewer on the 62-day clock. Green: more time than "
    "that. A pathway takes the colour of its most urgent open clock.";

// The clocks of every pathway, and each scope's list, per day and per version of the pathway data.
class TrackingCache {
  public:
    // A pathway's effective events, providers and clocks (pathway/recompute.hpp).
    using Entry = pathway::PathwayState;
    // What a request reads, kept under the data version: the clocks of every pathway computed at events
    // version `base_events`, and those of the pathways whose events changed since, computed again (`changed`,
    // which Find looks in first). A write that changes no event makes a new snapshot around the same clocks
    // (the lists and pages are built again).
    struct Snapshot {
        store::PathwayDataVersions version;
        CivilDate as_of;
        std::shared_ptr<const pathway::Recomputed> base;  // every pathway's effective events and clocks
        std::int64_t base_events = 0;
        std::shared_ptr<const pathway::Recomputed> changed;  // may be null
        const Entry* Find(std::string_view ref) const {
            if (changed) {
                if (const Entry* entry = changed->Find(ref)) return entry;
            }
            return base->Find(ref);
        }
    };
    // Beyond this many pathways changed since the base, every pathway is computed again instead.
    static constexpr std::int64_t kMaxChangedPathways = 20'000;
    Result<std::shared_ptr<const Snapshot>> Get(store::Connection& conn, CivilDate as_of);

    // The list of `scope_key` computed for `snapshot`, if it is still the current snapshot and was kept.
    std::shared_ptr<const ScopeList> FindList(const Snapshot& snapshot, const std::string& scope_key);
    // Keeps a list for `snapshot` (dropped when a newer snapshot replaces it; at most kMaxScopes kept).
    void KeepList(const Snapshot& snapshot, const std::string& scope_key, std::shared_ptr<const ScopeList> list);
    static constexpr std::size_t kMaxScopes = 256;

    // The rendered body of a page of a list (filters, count, rows and paging: nothing of the user who asked)
    // for `key` (scope, filter and page) of `snapshot`, if kept; kept like the lists, at most kMaxPages.
    std::shared_ptr<const std::string> FindPage(const Snapshot& snapshot, const std::string& key);
    void KeepPage(const Snapshot& snapshot, const std::string& key, std::shared_ptr<const std::string> body);
    static constexpr std::size_t kMaxPages = 128;

  private:
    // Keeps the memory of clocks replaced, if nothing reads them any more, for the next recompute.
    void Recycle(std::shared_ptr<const pathway::Recomputed> replaced);

    std::mutex mu_;
    std::shared_ptr<const Snapshot> snapshot_;
    pathway::Recomputed spare_;    // memory a recompute may fill (RecomputeAll's `recycled`)
    std::size_t events_read_ = 0;  // by the last recompute: room for as many and a little more is made
    std::map<std::string, std::shared_ptr<const ScopeList>> lists_;    // of snapshot_
    std::map<std::string, std::shared_ptr<const std::string>> pages_;  // of snapshot_
};

struct TrackingList {
    std::shared_ptr<const TrackingCache::Snapshot> snapshot;     // what the list was computed from
    std::string key;                                             // the scope's key in the cache
    std::shared_ptr<const ScopeList> all;                        // the scope's rows, which `rows` point into
    std::vector<const TrackingRow*> rows;                        // every row that passes the filter, sorted
    std::vector<Option> providers, tumours, areas, key_workers;  // choices among the pathways in scope
    CivilDate as_of;
};

// The alert settings stored in `settings` (defaults for any not stored).
Result<pathway::AlertSettings> LoadAlertSettings(store::Connection& conn);

// The scope's whole list, unfiltered (`rows` empty), from the cache or computed and kept.
Result<TrackingList> ScopeTrackingList(RequestContext& ctx, TrackingCache& cache, const Scope& scope);
// The rows of `list.all` that pass the filter, sorted, into `list.rows`.
void FilterTrackingList(TrackingList& list, const TrackingFilter& filter);
// Both.
Result<TrackingList> BuildTrackingList(RequestContext& ctx, TrackingCache& cache, const Scope& scope,
                                       const TrackingFilter& filter);

// Is this pathway on the user's list (the access rule of ScopeFor)?
Result<bool> PathwayInScope(RequestContext& ctx, TrackingCache& cache, const pathway::PathwayRecord& record);

// Acknowledges one alert of a pathway in the user's scope, with a note (required, at most kMaxNote
// characters), in one transaction with its audit entry ("pathway.alert.acknowledge"). InvalidArgument
// naming "note"; NotFound when the pathway is not on the user's list.
inline constexpr std::size_t kMaxNote = 2000;
Status AcknowledgeAlert(RequestContext& ctx, TrackingCache& cache, const std::string& ref, pathway::AlertRule rule,
                        const std::string& note);

// A failure of ours: logged with the request id, and the user told only that, with the reference.
void InternalError(RequestContext& ctx, const Status& status);

}  // namespace carevoice::web::pathway_tracking
