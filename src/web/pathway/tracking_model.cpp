#include "web/pathway/tracking_model.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <limits>
#include <map>

#include "app/accounts.hpp"
#include "store/settings_repository.hpp"
#include "web/http/app.hpp"

namespace carevoice::web::pathway_tracking {
namespace {

constexpr std::size_t kMaxCode = 32;

// Codes and refs only: letters, digits, '_' and '-'. A name (with a space) or an NHS number is refused
// by length or character long before it could be stored anywhere.
bool IsCode(const std::string& s) {
    if (s.size() > kMaxCode) return false;
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '-'; });
}

bool OneOf(const std::string& s, std::initializer_list<const char*> allowed) {
    return std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return s == a; });
}

CivilDate DayOf(std::int64_t seconds) { return CivilDate::FromDays(seconds / 86400); }

bool InScope(const Scope& scope, const pathway::PathwayRecord& r, const TrackingCache::Entry* entry) {
    if (scope.all) return true;
    if (scope.organisation.empty()) return false;
    if (r.prime_provider == scope.organisation) return true;
    return entry && entry->Involves(scope.organisation);
}

int Urgency(const std::string& rag) { return rag == "red" ? 0 : rag == "amber" ? 1 : rag == "green" ? 2 : 3; }

void AddOption(std::map<std::string, std::string>& options, const std::string& value, const std::string& label) {
    if (!value.empty()) options.emplace(value, label);
}

std::vector<Option> Sorted(const std::map<std::string, std::string>& options) {
    std::vector<Option> out;
    for (const auto& [value, label] : options) out.push_back({value, label});
    return out;
}

void FillClocks(TrackingRow& row, std::span<const pathway::Clock> clocks) {
    for (const pathway::Clock& c : clocks) {
        if (c.status != pathway::ClockStatus::kOpen) continue;
        auto& slot = c.kind == pathway::ClockKind::kFds  ? row.fds
                     : c.kind == pathway::ClockKind::k62 ? row.c62
                                                         : row.c31;
        slot = c;
        const std::string rag = RagFor(c);
        if (row.rag.empty() || Urgency(rag) < Urgency(row.rag)) row.rag = rag;
        if (c.days_to_breach && (!row.days_to_breach || *c.days_to_breach < *row.days_to_breach)) {
            row.days_to_breach = c.days_to_breach;
        }
    }
}

const std::optional<pathway::Clock>& ClockOf(const TrackingRow& row, const std::string& kind) {
    return kind == "fds" ? row.fds : kind == "31" ? row.c31 : row.c62;
}

bool KeepRow(const TrackingRow& row, const TrackingFilter& f) {
    if (!f.provider.empty() && row.record.prime_provider != f.provider && !row.providers.contains(f.provider)) {
        return false;
    }
    if (!f.tumour.empty() && row.record.tumour_group != f.tumour) return false;
    if (!f.area.empty() && row.area != f.area) return false;
    if (f.key_worker == "none" && row.record.key_worker) return false;
    if (f.key_worker == "named" && !row.record.key_worker) return false;
    if (!f.key_worker.empty() && f.key_worker != "none" && f.key_worker != "named") {
        const auto& kw = row.record.key_worker;
        if (!kw || !kw->user_id || std::to_string(*kw->user_id) != f.key_worker) return false;
    }
    if (!f.clock.empty() && !ClockOf(row, f.clock)) return false;
    if (!f.rag.empty() && row.rag != f.rag) return false;
    return true;
}

void SortRows(std::vector<const TrackingRow*>& rows, const TrackingFilter& f) {
    if (f.sort == "ref" || f.sort == "provider") {
        const bool by_provider = f.sort == "provider";
        std::stable_sort(rows.begin(), rows.end(), [&](const TrackingRow* a, const TrackingRow* b) {
            if (by_provider && a->record.prime_provider != b->record.prime_provider) {
                return a->record.prime_provider < b->record.prime_provider;
            }
            return a->record.ref < b->record.ref;
        });
        return;
    }
    // The other orders rank by one number, worked out once per row (this runs on every request, over
    // thousands of rows): ties keep the list's order, as a stable sort would.
    auto key = [&](const TrackingRow& r) -> std::int64_t {
        if (f.sort == "alerts") return -static_cast<std::int64_t>(r.alerts.size());  // most first
        if (f.sort == "waiting") {                                                   // longest first
            const auto& c = ClockOf(r, f.clock.empty() ? "62" : f.clock);
            return -(c && c->wait_days ? *c->wait_days : -1);
        }
        // Soonest to breach first; no open clock last.
        std::optional<int> days = r.days_to_breach;
        if (!f.clock.empty()) {
            const auto& c = ClockOf(r, f.clock);
            days = c ? c->days_to_breach : std::nullopt;
        }
        return days ? *days : std::numeric_limits<std::int64_t>::max();
    };
    std::vector<std::pair<std::int64_t, std::size_t>> keyed;
    keyed.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) keyed.emplace_back(key(*rows[i]), i);
    std::sort(keyed.begin(), keyed.end());
    std::vector<const TrackingRow*> sorted;
    sorted.reserve(rows.size());
    for (const auto& [k, i] : keyed) sorted.push_back(rows[i]);
    rows = std::move(sorted);
}

}  // namespace

Result<TrackingFilter> ReadFilter(const RequestContext& ctx) {
    TrackingFilter f;
    std::vector<FieldProblem> problems;
    auto code = [&](const char* name, std::string& out) {
        out = ctx.Param(name);
        if (!IsCode(out)) problems.push_back({name, "must be a code of up to 32 letters, digits, '_' or '-'"});
    };
    code("provider", f.provider);
    code("tumour", f.tumour);
    code("area", f.area);
    code("key_worker", f.key_worker);
    f.clock = ctx.Param("clock");
    if (!OneOf(f.clock, {"", "fds", "62", "31"})) problems.push_back({"clock", "must be fds, 62 or 31"});
    f.rag = ctx.Param("rag");
    if (!OneOf(f.rag, {"", "red", "amber", "green"})) problems.push_back({"rag", "must be red, amber or green"});
    if (std::string sort = ctx.Param("sort"); !sort.empty()) {
        f.sort = sort;
        if (!OneOf(sort, {"breach", "waiting", "alerts", "ref", "provider"})) {
            problems.push_back({"sort", "must be breach, waiting, alerts, ref or provider"});
        }
    }
    if (std::string page = ctx.Param("page"); !page.empty()) {
        auto [end, ec] = std::from_chars(page.data(), page.data() + page.size(), f.page);
        if (ec != std::errc() || end != page.data() + page.size() || f.page < 1 || f.page > kMaxPage) {
            problems.push_back({"page", "must be a whole number from 1 to " + std::to_string(kMaxPage)});
        }
    }
    if (!problems.empty()) return Status::InvalidArgument("Check the filters of the tracking list.", problems);
    return f;
}

std::string FilterQuery(const TrackingFilter& f, bool with_page) {
    std::string q;
    auto add = [&](const char* name, const std::string& value) {
        if (value.empty()) return;
        if (!q.empty()) q += '&';
        q.append(name).append("=").append(value);
    };
    add("provider", f.provider);
    add("tumour", f.tumour);
    add("area", f.area);
    add("key_worker", f.key_worker);
    add("clock", f.clock);
    add("rag", f.rag);
    if (f.sort != "breach") add("sort", f.sort);
    if (with_page && f.page > 1) add("page", std::to_string(f.page));
    return q;
}

Result<Scope> ScopeFor(RequestContext& ctx) {
    Scope scope;
    if (ctx.user && ctx.user->role == Role::kAdmin) {
        scope.all = true;
        return scope;
    }
    CV_ASSIGN_OR_RETURN(auto code, store::PathwayTrackingRepository(ctx.db()).OrganisationCodeOfUser(ctx.user->id));
    scope.organisation = code.value_or("");
    return scope;
}

std::string RagFor(const pathway::Clock& clock) {
    if (clock.status == pathway::ClockStatus::kBreached) return "red";
    if (!clock.days_to_breach) return "green";
    const int d = *clock.days_to_breach;
    if (d <= 0) return "red";
    return d <= (clock.kind == pathway::ClockKind::k62 ? 14 : 7) ? "amber" : "green";
}

Result<pathway::AlertSettings> LoadAlertSettings(store::Connection& conn) {
    pathway::AlertSettings settings;
    store::SettingsRepository repo(conn);
    for (const auto& field : pathway::kAlertSettingFields) {
        CV_ASSIGN_OR_RETURN(auto value, repo.Get(std::string(field.name)));
        // A stored value that no longer reads (edited by hand) leaves the default: the page shows which.
        if (value) (void)pathway::SetAlertSetting(settings, field.name, *value);
    }
    return settings;
}

namespace {

// Every active pathway of the scope with its clocks, next action and unacknowledged alerts.
Result<std::shared_ptr<const ScopeList>> BuildScopeList(RequestContext& ctx, const TrackingCache::Snapshot& snapshot,
                                                        const Scope& scope) {
    auto out = std::make_shared<ScopeList>();
    // A coordinator of no organisation: nobody on the list.
    if (!scope.all && scope.organisation.empty()) return std::shared_ptr<const ScopeList>(out);
    const CivilDate today = snapshot.as_of;
    store::PathwayRepository repo(ctx.db());
    // Only what the scope may hold is read (InScope below still decides, on the effective events).
    const std::string involving = scope.all ? std::string() : scope.organisation;
    CV_ASSIGN_OR_RETURN(auto pathways, repo.ListActivePathwaysInvolving(involving));
    CV_ASSIGN_OR_RETURN(auto actions, repo.ListNextActions());
    CV_ASSIGN_OR_RETURN(auto acks, repo.ListAcknowledgements());
    CV_ASSIGN_OR_RETURN(auto labels, store::PathwayTrackingRepository(ctx.db()).ListPatientLabels(involving));
    CV_ASSIGN_OR_RETURN(auto settings, LoadAlertSettings(ctx.db()));

    std::map<std::int64_t, store::PathwayAction> next_by_pathway;
    for (auto& a : actions) next_by_pathway.emplace(a.pathway_id, std::move(a));
    std::map<std::pair<std::int64_t, std::string>, CivilDate> acked;  // the latest acknowledgement per rule
    for (const auto& a : acks) acked[{a.pathway_id, a.rule}] = DayOf(a.acknowledged_at);

    std::map<std::string, std::string> providers, tumours, areas, key_workers;
    out->rows.reserve(pathways.size());
    for (auto& record : pathways) {
        if (record.status != pathway::PathwayStatus::kActive) continue;
        const TrackingCache::Entry* entry = snapshot.Find(record.ref);
        if (!InScope(scope, record, entry)) continue;
        TrackingRow row;
        if (auto l = labels.find(record.id); l != labels.end()) {
            row.patient_name = l->second.name;
            row.area = l->second.area_code;
        }
        if (entry) {
            FillClocks(row, entry->clocks);
            for (std::string_view p : entry->providers) row.providers.emplace(p);
        }
        if (auto n = next_by_pathway.find(record.id); n != next_by_pathway.end()) row.next_action = n->second;
        pathway::AlertInput input{&record, entry ? entry->events : std::span<const pathway::Event>(), std::nullopt};
        if (row.next_action) {
            input.next_action =
                pathway::NextAction{row.next_action->description, row.next_action->owner, row.next_action->due_on};
        }
        for (auto& alert : pathway::ComputeAlerts(input, today, settings)) {
            auto ack = acked.find({record.id, std::string(NameOf(pathway::kAlertRules, alert.rule))});
            if (ack != acked.end() && pathway::AcknowledgementHolds(alert, ack->second)) {
                ++row.acknowledged;
            } else {
                row.alerts.push_back(std::move(alert));
            }
        }
        AddOption(providers, record.prime_provider, record.prime_provider);
        for (const auto& p : row.providers) AddOption(providers, p, p);
        AddOption(tumours, record.tumour_group, record.tumour_group);
        AddOption(areas, row.area, row.area);
        if (record.key_worker && record.key_worker->user_id) {
            AddOption(key_workers, std::to_string(*record.key_worker->user_id), record.key_worker->name);
        }
        row.record = std::move(record);
        out->rows.push_back(std::move(row));
    }
    out->providers = Sorted(providers);
    out->tumours = Sorted(tumours);
    out->areas = Sorted(areas);
    out->key_workers = Sorted(key_workers);
    return std::shared_ptr<const ScopeList>(out);
}

}  // namespace

Result<TrackingList> ScopeTrackingList(RequestContext& ctx, TrackingCache& cache, const Scope& scope) {
    const CivilDate today = ctx.app.clock().Today();
    CV_ASSIGN_OR_RETURN(auto snapshot, cache.Get(ctx.db(), today));
    // An ODS code holds no '*', so the key of "every pathway" is never an organisation's.
    const std::string key = scope.all ? "*" : scope.organisation;
    auto all = cache.FindList(*snapshot, key);
    if (!all) {
        CV_ASSIGN_OR_RETURN(all, BuildScopeList(ctx, *snapshot, scope));
        cache.KeepList(*snapshot, key, all);
    }
    TrackingList list;
    list.snapshot = snapshot;
    list.key = key;
    list.as_of = today;
    list.all = all;
    list.providers = all->providers;
    list.tumours = all->tumours;
    list.areas = all->areas;
    list.key_workers = all->key_workers;
    return list;
}

void FilterTrackingList(TrackingList& list, const TrackingFilter& filter) {
    list.rows.clear();
    for (const TrackingRow& row : list.all->rows) {
        if (KeepRow(row, filter)) list.rows.push_back(&row);
    }
    SortRows(list.rows, filter);
}

Result<TrackingList> BuildTrackingList(RequestContext& ctx, TrackingCache& cache, const Scope& scope,
                                       const TrackingFilter& filter) {
    CV_ASSIGN_OR_RETURN(auto list, ScopeTrackingList(ctx, cache, scope));
    FilterTrackingList(list, filter);
    return list;
}

Result<bool> PathwayInScope(RequestContext& ctx, TrackingCache& cache, const pathway::PathwayRecord& record) {
    CV_ASSIGN_OR_RETURN(auto scope, ScopeFor(ctx));
    CV_ASSIGN_OR_RETURN(auto snapshot, cache.Get(ctx.db(), ctx.app.clock().Today()));
    return InScope(scope, record, snapshot->Find(record.ref));
}

Status AcknowledgeAlert(RequestContext& ctx, TrackingCache& cache, const std::string& ref, pathway::AlertRule rule,
                        const std::string& note) {
    if (note.empty())
        return Status::InvalidArgument("Check the acknowledgement.",
                                       {{"note", "Enter a note saying what was done or why the alert can wait"}});
    if (note.size() > kMaxNote) {
        return Status::InvalidArgument(
            "Check the acknowledgement.",
            {{"note", "Keep the note to " + std::to_string(kMaxNote) + " characters or fewer"}});
    }
    store::PathwayRepository repo(ctx.db());
    CV_ASSIGN_OR_RETURN(auto record, repo.FindPathwayByRef(ref));
    bool visible = false;
    if (record) {
        CV_ASSIGN_OR_RETURN(visible, PathwayInScope(ctx, cache, *record));
    }
    if (!visible) return Status::NotFound("There is no pathway " + ref + " on your tracking list.");
    CV_ASSIGN_OR_RETURN(auto tx, store::Transaction::Begin(ctx.db()));
    const std::string rule_name(NameOf(pathway::kAlertRules, rule));
    CV_RETURN_IF_ERROR(
        repo.Acknowledge({record->id, rule_name, note, ctx.user->username, ctx.app.clock().NowSeconds()}));
    CV_RETURN_IF_ERROR(app::AppendAudit(ctx.db(), ctx.app.clock(), ctx.ActorForAudit(), "pathway.alert.acknowledge",
                                        "pathway", std::to_string(record->id) + " " + rule_name, "success"));
    return tx.Commit();
}

void InternalError(RequestContext& ctx, const Status& status) {
    std::fprintf(stderr, "request_id=%s route=%s internal_error=%s\n", ctx.request_id.c_str(),
                 ctx.route.pattern.c_str(), status.message().c_str());
    ctx.Error(503, "unavailable",
              "The service could not do this just now. Try again; if it keeps happening, give the administrator "
              "this reference: " +
                  ctx.request_id);
}

}  // namespace carevoice::web::pathway_tracking
