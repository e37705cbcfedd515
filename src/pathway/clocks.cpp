#include "pathway/clocks.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string_view>

#include "core/parallel.hpp"

namespace carevoice::pathway {
namespace {

// National Cancer Breach Allocation Guidance (April 2016): handover by day 38, treatment within 24 days.
constexpr int kHandoverByDay = 38;
constexpr int kTreatWithinDays = 24;

int Days(CivilDate from, CivilDate to) { return static_cast<int>(DaysBetween(from, to)); }

// The effective events of one pathway in applied order, with the facts the clocks need.
struct Timeline {
    std::span<const Event> events;  // effective, in applied order
    std::vector<DataQualityProblem>* problems = nullptr;

    // Index of the first event of `type` at or after `from` (and before `before`), or none.
    std::optional<std::size_t> First(EventType type, std::size_t from = 0,
                                     std::size_t before = static_cast<std::size_t>(-1)) const {
        for (std::size_t i = from; i < events.size() && i < before; ++i) {
            if (events[i].type == type) return i;
        }
        return std::nullopt;
    }
    void Problem(const Event& e, std::string text) const { problems->push_back({e.event_id, std::move(text)}); }
};

// First-appointment DNA: the days from the clock start to the latest rebook date of the appointments
// missed before the patient was first seen (and before the clock stopped).
int DnaAdjustment(const Timeline& t, std::size_t start, std::optional<std::size_t> stop) {
    std::optional<CivilDate> latest;
    for (std::size_t i = start; i < t.events.size() && (!stop || i < *stop); ++i) {
        const Event& e = t.events[i];
        if (e.type == EventType::kFirstSeen) break;
        if (e.type == EventType::kAppointmentMissed && e.until && (!latest || *e.until > *latest)) latest = e.until;
    }
    if (!latest) return 0;
    return std::max(0, Days(t.events[start].date, *latest));
}

// Declined reasonable offers of admitted treatment dated from `from` (a date) up to the clock's stop.
int OfferAdjustment(const Timeline& t, CivilDate from, std::optional<CivilDate> stop) {
    int days = 0;
    for (const Event& e : t.events) {
        if (e.type != EventType::kOfferDeclined || e.admitted != true || !e.until) continue;
        if (e.date < from || (stop && e.date >= *stop)) continue;
        days += std::max(0, Days(e.date, *e.until));
    }
    return days;
}

// Fills stop, wait, status and days to breach. `stop` is the stopping event, `closing` one that closes
// the clock without a result (ruled out, death) when it comes first.
void Finish(Clock& c, const Timeline& t, std::optional<std::size_t> stop, std::optional<std::size_t> closing,
            CivilDate as_of) {
    c.target_days = TargetDays(c.kind);
    if (closing && (!stop || *closing < *stop)) {
        c.stop = t.events[*closing].date;
        c.status = ClockStatus::kClosed;
        return;
    }
    if (stop) {
        c.stop = t.events[*stop].date;
        c.wait_days = Days(c.start, *c.stop) - c.adjustment_days;
        c.status = *c.wait_days <= c.target_days ? ClockStatus::kMet : ClockStatus::kBreached;
        return;
    }
    c.status = ClockStatus::kOpen;
    c.wait_days = Days(c.start, as_of) - c.adjustment_days;
    c.days_to_breach = Days(as_of, c.TargetDate());
}

std::optional<std::size_t> EarliestOf(std::initializer_list<std::optional<std::size_t>> candidates) {
    std::optional<std::size_t> best;
    for (const auto& c : candidates) {
        if (c && (!best || *c < *best)) best = c;
    }
    return best;
}

std::optional<std::size_t> RuledOut(const Timeline& t, std::size_t from) {
    for (std::size_t i = from; i < t.events.size(); ++i) {
        const Event& e = t.events[i];
        if (e.type == EventType::kDiagnosisCommunicated && e.outcome == DiagnosisOutcome::kRuledOut) return i;
    }
    return std::nullopt;
}

Allocation Allocate(const Timeline& t, const Clock& c, std::size_t start, std::size_t treatment, int dna_days) {
    Allocation a;
    const std::string& referring = t.events[start].provider;
    const std::string& treating = t.events[treatment].provider;
    for (std::size_t i = start; i < treatment; ++i) {
        const Event& e = t.events[i];
        if (e.type != EventType::kTransferSent && e.type != EventType::kTransferAccepted) continue;
        for (const std::string* p : {&e.provider, &e.to_provider}) {
            if (!p->empty() && *p != referring && *p != treating &&
                std::find(a.between.begin(), a.between.end(), *p) == a.between.end()) {
                a.between.push_back(*p);
            }
        }
    }
    if (referring == treating) {
        a.allocated = true;
        a.shares = {{referring, 1.0}};
        return a;
    }
    std::optional<std::size_t> handover;
    for (std::size_t i = start; i < treatment; ++i) {
        const Event& e = t.events[i];
        if (e.type == EventType::kTransferSent && e.to_provider == treating) handover = i;
    }
    if (!handover) {
        a.problem = "treated at " + treating + " with no transfer to it recorded";
        return a;
    }
    const CivilDate handover_date = t.events[*handover].date;
    a.handover_days = Days(c.start, handover_date) - dna_days;
    a.treating_days = Days(handover_date, *c.stop) - OfferAdjustment(t, handover_date, c.stop);
    const bool handed_over_in_time = *a.handover_days <= kHandoverByDay;
    const bool treated_in_time = *a.treating_days <= kTreatWithinDays;
    const bool met = c.status == ClockStatus::kMet;
    a.allocated = true;
    if (met && handed_over_in_time) {
        a.shares = {{referring, 0.5}, {treating, 0.5}};
    } else if (met && treated_in_time) {
        a.shares = {{treating, 1.0}};
    } else if (!met && handed_over_in_time && !treated_in_time) {
        a.shares = {{treating, 1.0}};
    } else if (!met && !handed_over_in_time && treated_in_time) {
        a.shares = {{referring, 1.0}};
    } else if (!met && !handed_over_in_time && !treated_in_time) {
        a.shares = {{referring, 0.5}, {treating, 0.5}};
    } else {
        a.allocated = false;
        a.problem = met ? "met although neither handed over by day 38 nor treated within 24 days"
                        : "breached although handed over by day 38 and treated within 24 days";
    }
    return a;
}

}  // namespace

std::string_view ClockName(ClockKind kind) {
    switch (kind) {
        case ClockKind::kFds:
            return "fds";
        case ClockKind::k62:
            return "62";
        case ClockKind::k31:
            return "31";
    }
    return "";
}

std::string_view StatusName(ClockStatus status) {
    switch (status) {
        case ClockStatus::kMet:
            return "met";
        case ClockStatus::kBreached:
            return "breached";
        case ClockStatus::kOpen:
            return "open";
        case ClockStatus::kClosed:
            return "closed";
    }
    return "";
}

int TargetDays(ClockKind kind) {
    switch (kind) {
        case ClockKind::kFds:
            return 28;
        case ClockKind::k62:
            return 62;
        case ClockKind::k31:
            return 31;
    }
    return 0;
}

PathwayClocks ComputeClocks(std::vector<Event> events, CivilDate as_of) {
    const std::vector<Event> effective = EffectiveEvents(std::move(events));
    return ComputeClocksOfEffective(effective, as_of);
}

PathwayClocks ComputeClocksOfEffective(std::span<const Event> effective, CivilDate as_of) {
    PathwayClocks out;
    if (!effective.empty()) out.pathway_id = effective.front().pathway_id;
    AppendClocksOfEffective(effective, as_of, out.clocks, out.problems);
    return out;
}

void AppendClocksOfEffective(std::span<const Event> effective, CivilDate as_of, std::vector<Clock>& clocks,
                             std::vector<DataQualityProblem>& problems) {
    Timeline t{effective, &problems};
    const auto& ev = t.events;

    const auto referral = t.First(EventType::kReferralReceived);
    for (std::size_t i = referral ? *referral + 1 : ev.size(); i < ev.size(); ++i) {
        if (ev[i].type == EventType::kReferralReceived)
            t.Problem(ev[i], "a second referral on one pathway: the first counts");
    }
    const auto death = t.First(EventType::kDeath);

    if (referral && ev[*referral].route) {
        const std::size_t r = *referral;
        const bool urgent = IsUrgentRoute(*ev[r].route);
        // Faster Diagnosis Standard: urgent routes only.
        if (urgent) {
            Clock fds;
            fds.kind = ClockKind::kFds;
            fds.start = ev[r].date;
            const auto stop =
                EarliestOf({t.First(EventType::kDiagnosisCommunicated, r), t.First(EventType::kDecisionToTreat, r),
                            t.First(EventType::kTreatmentStarted, r)});
            fds.adjustment_days = DnaAdjustment(t, r, stop);
            Finish(fds, t, stop, death, as_of);
            clocks.push_back(std::move(fds));
        }
        // 62 days: from the urgent referral, or from the consultant upgrade of a routine one.
        std::optional<std::size_t> start62;
        for (std::size_t i = r; i < ev.size(); ++i) {
            if (ev[i].type != EventType::kConsultantUpgrade) continue;
            if (urgent) {
                t.Problem(ev[i], "a pathway already on a 62-day clock from an urgent referral cannot be upgraded");
            } else if (!start62) {
                start62 = i;
            } else {
                t.Problem(ev[i], "a second consultant upgrade: the first counts");
            }
        }
        if (urgent) start62 = r;
        if (start62) {
            Clock c;
            c.kind = ClockKind::k62;
            c.start = ev[*start62].date;
            const auto stop = t.First(EventType::kTreatmentStarted, *start62);
            const int dna = urgent ? DnaAdjustment(t, *start62, stop) : 0;
            const auto closing = EarliestOf({RuledOut(t, *start62), death});
            c.adjustment_days = dna + OfferAdjustment(t, c.start, stop ? std::optional(ev[*stop].date) : std::nullopt);
            Finish(c, t, stop, closing, as_of);
            if (stop && (c.status == ClockStatus::kMet || c.status == ClockStatus::kBreached)) {
                c.allocation = std::make_shared<const Allocation>(Allocate(t, c, *start62, *stop, dna));
                if (!c.allocation->allocated)
                    t.Problem(ev[*stop], "62-day result not allocated: " + c.allocation->problem);
            }
            clocks.push_back(std::move(c));
        }
    } else if (!ev.empty()) {
        problems.push_back({ev.front().event_id, "no referral received: no clock starts without one"});
    }

    // 31 days: decision to treat → first treatment; latest ECAD since the last treatment → the next one.
    for (std::size_t k = 0, from = 0;; ++k) {
        // The treatment ending the k-th 31-day clock; none after the last.
        const std::optional<std::size_t> stop = t.First(EventType::kTreatmentStarted, from);
        const std::size_t until = stop ? *stop : ev.size();
        std::optional<std::size_t> start;
        if (k == 0) {
            start = t.First(EventType::kDecisionToTreat, 0, until);
        } else {
            for (std::size_t i = from; i < until; ++i) {
                if (ev[i].type == EventType::kEcad) start = i;  // the latest counts
            }
        }
        if (start) {
            Clock c;
            c.kind = ClockKind::k31;
            c.treatment = static_cast<int>(k) + 1;
            c.start = ev[*start].date;
            c.adjustment_days = OfferAdjustment(t, c.start, stop ? std::optional(ev[*stop].date) : std::nullopt);
            Finish(c, t, stop, death, as_of);
            clocks.push_back(std::move(c));
        } else if (stop) {
            t.Problem(ev[*stop], k == 0 ? "first treatment with no decision to treat before it: no 31-day clock"
                                        : "treatment with no earliest clinically appropriate date since the one "
                                          "before: no 31-day clock");
        }
        if (!stop) break;
        from = *stop + 1;
    }
}

std::string FormatAllocation(const Allocation& allocation) {
    if (!allocation.allocated) return "unallocated";
    std::string out;
    for (const auto& s : allocation.shares) {
        if (!out.empty()) out += ';';
        char share[16];
        std::snprintf(share, sizeof share, "%g", s.share);
        out += s.provider + "=" + share;
    }
    return out;
}

std::vector<PathwayClocks> ComputeAllClocks(std::vector<Event> events, CivilDate as_of) {
    const std::vector<std::size_t> start = SortByPathway(events);
    std::vector<PathwayClocks> out(start.size() - 1);
    // Each pathway's clocks are independent: slices of the pathways are computed on the machine's cores,
    // each writing only its own slots of `out` and touching only its own pathways' events.
    RunSlices(out.size(), WorkersFor(out.size(), kPathwaysPerWorker),
              [&](std::size_t, std::size_t from, std::size_t to) {
                  for (std::size_t k = from; k < to; ++k) {
                      const std::span<Event> own(events.data() + start[k], start[k + 1] - start[k]);
                      out[k] = ComputeClocksOfEffective(own.first(KeepEffective(own)), as_of);
                      out[k].pathway_id = own.front().pathway_id;
                  }
              });
    return out;
}

std::vector<std::string> ClockCsvColumns() {
    return {"pathway_id", "clock",       "treatment", "start",          "stop",      "adjustment_days",
            "wait_days",  "target_days", "status",    "days_to_breach", "allocation"};
}

std::vector<std::string> ClockCsvFields(const std::string& pathway_id, const Clock& c) {
    auto number = [](std::optional<int> n) { return n ? std::to_string(*n) : std::string(); };
    return {pathway_id,
            std::string(ClockName(c.kind)),
            c.kind == ClockKind::k31 ? std::to_string(c.treatment) : "",
            c.start.ToString(),
            c.stop && c.status != ClockStatus::kOpen ? c.stop->ToString() : "",
            std::to_string(c.adjustment_days),
            number(c.wait_days),
            std::to_string(c.target_days),
            std::string(StatusName(c.status)),
            number(c.days_to_breach),
            c.allocation ? FormatAllocation(*c.allocation) : ""};
}

}  // namespace carevoice::pathway
