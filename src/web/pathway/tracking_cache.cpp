// The tracking list's cache (tracking_model.hpp): the clocks of every pathway per data version and day, and
// what is built from them and kept until the next version: each scope's list and each page's rendered body.
#include <map>
#include <mutex>
#include <utility>

#include "store/pathway_events_repository.hpp"
#include "store/pathway_tracking_repository.hpp"
#include "web/pathway/tracking_model.hpp"

namespace carevoice::web::pathway_tracking {

Result<std::shared_ptr<const TrackingCache::Snapshot>> TrackingCache::Get(store::Connection& conn, CivilDate as_of) {
    // The versions are read before the data: what is computed is at least as new as the versions it is kept
    // under, so a later write always shows as a newer version.
    CV_ASSIGN_OR_RETURN(auto version, store::PathwayTrackingRepository(conn).CurrentDataVersions());
    std::shared_ptr<const Snapshot> kept;
    {
        std::lock_guard lock(mu_);
        if (snapshot_ && snapshot_->as_of == as_of) {
            // The same data, or newer (another request read the versions after this one did).
            if (snapshot_->version.data >= version.data && snapshot_->version.events >= version.events)
                return snapshot_;
            kept = snapshot_;
        }
    }
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->version = version;
    snapshot->as_of = as_of;
    store::PathwayEventsRepository repo(conn);
    if (kept && kept->version.events == version.events) {
        // No event changed: the clocks stand; only what is built from the other data is built again.
        snapshot->base = kept->base;
        snapshot->base_events = kept->base_events;
        snapshot->changed = kept->changed;
    } else if (kept) {
        // Only the pathways whose events changed since the base are computed again, when they are few.
        CV_ASSIGN_OR_RETURN(auto changed,
                            repo.ListChangedSince(kept->base_events, version.events, kMaxChangedPathways));
        if (changed) {
            snapshot->base = kept->base;
            snapshot->base_events = kept->base_events;
            snapshot->changed =
                std::make_shared<const pathway::Recomputed>(pathway::RecomputeAll(std::move(*changed), as_of));
        }
    }
    if (!snapshot->base) {
        // Every pathway, computed outside the lock: two threads may both compute after an import; the later
        // one is kept.
        std::size_t expected = 0;
        {
            std::lock_guard lock(mu_);
            expected = events_read_;
        }
        // The first read counts first (1 s for 22.7 million events): growing the vector as it reads moved
        // every event twice more and touched half as much memory again.
        if (expected == 0) {
            CV_ASSIGN_OR_RETURN(auto count, repo.Count());
            expected = static_cast<std::size_t>(count);
        }
        CV_ASSIGN_OR_RETURN(auto events, repo.ListAll(expected + expected / 16));
        pathway::Recomputed spare;
        {
            std::lock_guard lock(mu_);
            events_read_ = events.size();
            spare = std::move(spare_);
        }
        snapshot->base =
            std::make_shared<pathway::Recomputed>(pathway::RecomputeAll(std::move(events), as_of, std::move(spare)));
        snapshot->base_events = version.events;
    }
    kept.reset();  // held here, the clocks it replaces could not be recycled below
    std::shared_ptr<const pathway::Recomputed> replaced;
    {
        std::lock_guard lock(mu_);
        if (!snapshot_ || snapshot_->version.data != version.data || snapshot_->as_of != as_of) {
            lists_.clear();
            pages_.clear();
        }
        if (snapshot_ && snapshot_->base != snapshot->base) replaced = snapshot_->base;
        snapshot_ = snapshot;
    }
    Recycle(std::move(replaced));
    return std::shared_ptr<const Snapshot>(snapshot);
}

void TrackingCache::Recycle(std::shared_ptr<const pathway::Recomputed> replaced) {
    // No longer in the cache, no one can take another reference to it: if this is the only one, no request
    // is reading it, and its memory can hold the next recompute (the clocks were made non-const).
    if (!replaced || replaced.use_count() != 1) return;
    pathway::Recomputed memory = std::move(const_cast<pathway::Recomputed&>(*replaced));
    replaced.reset();
    memory.events = {};  // the next recompute brings its own
    std::lock_guard lock(mu_);
    spare_ = std::move(memory);
}

std::shared_ptr<const ScopeList> TrackingCache::FindList(const Snapshot& snapshot, const std::string& scope_key) {
    std::lock_guard lock(mu_);
    if (snapshot_.get() != &snapshot) return nullptr;
    auto found = lists_.find(scope_key);
    return found == lists_.end() ? nullptr : found->second;
}

std::shared_ptr<const std::string> TrackingCache::FindPage(const Snapshot& snapshot, const std::string& key) {
    std::lock_guard lock(mu_);
    if (snapshot_.get() != &snapshot) return nullptr;
    auto found = pages_.find(key);
    return found == pages_.end() ? nullptr : found->second;
}

void TrackingCache::KeepPage(const Snapshot& snapshot, const std::string& key,
                             std::shared_ptr<const std::string> body) {
    std::lock_guard lock(mu_);
    if (snapshot_.get() != &snapshot) return;  // a newer snapshot arrived meanwhile: this page is stale
    if (pages_.size() >= kMaxPages) pages_.clear();
    pages_[key] = std::move(body);
}

void TrackingCache::KeepList(const Snapshot& snapshot, const std::string& scope_key,
                             std::shared_ptr<const ScopeList> list) {
    std::lock_guard lock(mu_);
    if (snapshot_.get() != &snapshot) return;  // a newer snapshot arrived meanwhile: this list is stale
    if (lists_.size() >= kMaxScopes) lists_.clear();
    lists_[scope_key] = std::move(list);
}

}  // namespace carevoice::web::pathway_tracking
