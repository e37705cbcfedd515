// The events of the demo's pathways: cancer pathways from referral through diagnosis, transfers between
// providers and treatment (with both adjustments, breaches, corrections, and some lost along the way), and
// end-of-life pathways with contacts, emergency admissions, preferences and deaths. Only what happened up
// to today is recorded; the rest is still to come.
#include <cstdio>

#include "demo/pathway_demo_parts.hpp"

namespace carevoice::demo {
namespace {

using pathway::Event;
using pathway::EventType;

constexpr const char* kTumourGroups[] = {"lung",     "breast",         "colorectal",     "prostate",      "skin",
                                         "upper_gi", "haematological", "gynaecological", "head_and_neck", "urological"};

// Adds events in order, up to today: once one falls after today, the pathway is still under way there.
class Recorder {
  public:
    Recorder(DemoPathway& p, CivilDate today) : p_(p), today_(today) {}
    // The event's id, or "" when it falls after today (and nothing later is recorded).
    std::string Add(CivilDate date, EventType type, const std::string& provider) {
        if (stopped_ || date > today_) {
            stopped_ = true;
            return {};
        }
        Event e;
        e.pathway_id = p_.record.ref;
        e.event_id = "E" + std::to_string(++count_);
        e.date = date;
        e.type = type;
        e.provider = provider;
        p_.events.push_back(e);
        return e.event_id;
    }
    Event& Last() { return p_.events.back(); }
    bool stopped() const { return stopped_; }

  private:
    DemoPathway& p_;
    CivilDate today_;
    int count_ = 0;
    bool stopped_ = false;
};

std::string Ref(const char* prefix, int n) {
    char ref[24];
    std::snprintf(ref, sizeof ref, "%s-%04d", prefix, n);
    return ref;
}

pathway::KeyWorker KeyWorkerFor(Rng& rng, const std::string& role) {
    constexpr const char* kNames[] = {"Jo Ashby",    "Sam Birch",   "Alex Corran", "Robin Dale",
                                      "Chris Eaton", "Lee Fairfax", "Pat Greer",   "Jordan Hale"};
    pathway::KeyWorker w;
    w.name = std::string(kNames[rng.Below(8)]) + " (invented)";
    w.role = role;
    w.phone = "01632 960" + std::to_string(200 + rng.Below(100));
    w.assigned_by = "(carevoice demo)";
    return w;
}

void KeyWorkerContacts(Recorder& rec, Rng& rng, CivilDate from, CivilDate to, const std::string& provider) {
    for (CivilDate d = from.AddDays(rng.Between(10, 20)); d < to; d = d.AddDays(rng.Between(14, 28))) {
        if (rec.Add(d, EventType::kKeyWorkerContact, provider).empty()) return;
    }
}

pathway::Place RandomPlace(Rng& rng) {
    const int roll = rng.Below(100);
    if (roll < 45) return pathway::Place::kHospital;
    if (roll < 70) return pathway::Place::kHome;
    if (roll < 85) return pathway::Place::kHospice;
    return pathway::Place::kCareHome;
}

pathway::Preference PlaceOfDeathWish(pathway::Place place) {
    pathway::Preference wish;
    wish.kind = pathway::PreferenceKind::kPlaceOfDeath;
    wish.state = pathway::PreferenceState::kDecided;
    wish.value = std::string(NameOf(pathway::kPlaces, place));
    wish.detail = "Recorded with the patient and their family (synthetic demo).";
    wish.recorded_by = kEndOfLifeCoordinator;
    return wish;
}

// A death: where, and whether it was where the patient wished (when a wish was recorded).
void Die(DemoPathway& p, Recorder& rec, Rng& rng, CivilDate on, const std::string& provider, int area,
         bool may_record_wish) {
    const AreaProfile& profile = ProfileOf(area);
    std::optional<pathway::Place> wish;
    if (may_record_wish && rng.Chance(profile.preference_percent)) {
        wish = rng.Chance(60) ? pathway::Place::kHome
                              : (rng.Chance(70) ? pathway::Place::kHospice : pathway::Place::kCareHome);
        p.record.preferences.push_back(PlaceOfDeathWish(*wish));
    }
    // Emergency admissions in the last 90 days of life: more often without a plan.
    const int admissions = rng.Chance(wish ? 25 : 55) ? rng.Between(1, 2) : 0;
    for (int i = 0; i < admissions; ++i)
        rec.Add(on.AddDays(-rng.Between(5, 80) + i), EventType::kEmergencyAdmission, "ZC2");
    if (rec.Add(on, EventType::kDeath, provider).empty()) return;
    p.record.status = pathway::PathwayStatus::kDied;
    p.record.died_on = on;
    p.record.place_of_death = wish && rng.Chance(profile.in_place_percent) ? *wish : RandomPlace(rng);
}

}  // namespace

DemoPathway CancerPathway(Rng& rng, int n, int area, CivilDate referral, CivilDate today) {
    DemoPathway p;
    const AreaProfile& profile = ProfileOf(area);
    auto& r = p.record;
    r.ref = Ref("SYN-C", n);
    r.kind = pathway::PathwayKind::kCancer;
    const int route_roll = rng.Below(100);
    r.route = route_roll < 78   ? pathway::Route::kUrgentSuspectedCancer
              : route_roll < 86 ? pathway::Route::kUrgentScreening
              : route_roll < 93 ? pathway::Route::kBreastSymptomatic
                                : pathway::Route::kOther;
    r.tumour_group = *r.route == pathway::Route::kBreastSymptomatic ? "breast" : kTumourGroups[rng.Below(10)];
    r.referral_received_on = referral;
    r.prime_provider = kCancerPrime;
    r.crisis_contact = {"Acute oncology 24/7 line (synthetic demo)", "01632 960900"};
    r.summary.about_me = "Synthetic demo record: an invented person, not a real patient.";
    r.summary.what_matters = rng.Chance(50) ? "Staying at home with my dog." : "Being able to keep working.";
    r.summary.goals = "To know what is happening and who to call.";
    r.care_plan = "Synthetic demo care plan: tests, results with the key worker, then the agreed treatment.";
    if (rng.Chance(profile.key_worker_percent)) {
        r.key_worker = KeyWorkerFor(rng, "Cancer clinical nurse specialist (" + r.tumour_group + ")");
    }
    p.patient = InventPatient(rng, n, area, today, r.tumour_group);
    const std::string first = area < 2 ? "ZC2" : "ZC3";
    Recorder rec(p, today);
    rec.Add(referral, EventType::kReferralReceived, first);
    rec.Last().route = r.route;
    CivilDate day = referral;
    if (*r.route == pathway::Route::kOther) {
        if (!rng.Chance(60)) return p;  // routine referral, never upgraded: no clock, still under way
        day = referral.AddDays(rng.Between(8, 25));
        rec.Add(day, EventType::kConsultantUpgrade, first);
    } else if (rng.Chance(7)) {  // adjustment 1: first appointment missed
        rec.Add(referral.AddDays(4), EventType::kAppointmentMissed, first);
        day = referral.AddDays(4 + rng.Between(3, 10));
        if (!rec.stopped()) rec.Last().until = day;
    }
    const CivilDate seen = day.AddDays(rng.Between(2, 9));
    const std::string seen_id = rec.Add(rng.Chance(3) ? seen.AddDays(1) : seen, EventType::kFirstSeen, first);
    if (!seen_id.empty() && rec.Last().date != seen) {  // a correction: the first date was keyed wrongly
        rec.Add(seen, EventType::kFirstSeen, first);
        if (!rec.stopped()) rec.Last().supersedes = seen_id;
    }
    if (rng.Chance(3)) {  // lost in the system: nothing recorded since the first appointment
        p.unacknowledged_alert = true;
        return p;
    }
    const CivilDate told = seen.AddDays(rng.Between(profile.diagnosis_min, profile.diagnosis_max));
    const bool cancer = rng.Chance(50);
    if (rec.Add(told, EventType::kDiagnosisCommunicated, first).empty()) return p;
    rec.Last().outcome = cancer ? pathway::DiagnosisOutcome::kCancer : pathway::DiagnosisOutcome::kRuledOut;
    if (!cancer) {
        if (!rec.Add(told.AddDays(rng.Between(1, 6)), EventType::kDischarge, first).empty()) {
            r.status = pathway::PathwayStatus::kDischarged;
        }
        return p;
    }
    rec.Add(told.AddDays(3), EventType::kMdtDiscussion, first);
    const CivilDate decided = told.AddDays(rng.Between(5, 12));
    rec.Add(decided, EventType::kDecisionToTreat, first);
    std::string treating = first;
    CivilDate earliest_treatment = decided;
    if (rng.Chance(30)) {  // a transfer to the regional cancer centre
        const CivilDate sent = std::max(seen.AddDays(rng.Between(10, 40)), told);
        if (!rec.Add(sent, EventType::kTransferSent, first).empty()) rec.Last().to_provider = "ZC4";
        if (rng.Chance(8)) {  // sent, never accepted: lost between providers
            p.unacknowledged_alert = true;
            return p;
        }
        rec.Add(sent.AddDays(rng.Between(1, 3)), EventType::kTransferAccepted, "ZC4");
        treating = "ZC4";
        earliest_treatment = std::max(decided, sent.AddDays(5));
    }
    CivilDate treated = std::max(decided.AddDays(rng.Between(8, profile.treat_max)), earliest_treatment);
    const bool surgery = rng.Chance(45);
    if (rng.Chance(6)) {  // adjustment 2: a reasonable offer of admitted treatment declined
        const CivilDate offered = decided.AddDays(rng.Between(7, 14));
        const int away = rng.Between(7, 21);
        rec.Add(offered, EventType::kOfferDeclined, treating);
        if (!rec.stopped()) {
            rec.Last().modality = pathway::Modality::kSurgery;
            rec.Last().admitted = true;
            rec.Last().until = offered.AddDays(away);
        }
        treated = std::max(treated, offered.AddDays(away + rng.Between(2, 8)));
    }
    KeyWorkerContacts(rec, rng, seen, treated, first);
    if (rec.Add(treated, EventType::kTreatmentStarted, treating).empty()) return p;
    rec.Last().modality = surgery ? pathway::Modality::kSurgery : pathway::Modality::kChemotherapy;
    rec.Last().admitted = surgery;
    if (rng.Chance(30)) {  // a second treatment, with its earliest clinically appropriate date
        const CivilDate ecad = treated.AddDays(rng.Between(21, 35));
        rec.Add(ecad, EventType::kEcad, treating);
        if (rec.Add(ecad.AddDays(rng.Between(0, 38)), EventType::kTreatmentStarted, treating).empty()) return p;
        rec.Last().modality = pathway::Modality::kRadiotherapy;
        rec.Last().admitted = false;
    }
    if (rng.Chance(8)) {
        Die(p, rec, rng, treated.AddDays(rng.Between(30, 150)), treating, area, true);
    } else if (rng.Chance(30)) {
        if (!rec.Add(treated.AddDays(rng.Between(40, 90)), EventType::kDischarge, treating).empty()) {
            r.status = pathway::PathwayStatus::kDischarged;
        }
    }
    return p;
}

DemoPathway EndOfLifePathway(Rng& rng, int n, int area, CivilDate start, CivilDate today) {
    DemoPathway p;
    const AreaProfile& profile = ProfileOf(area);
    auto& r = p.record;
    r.ref = Ref("SYN-E", n);
    r.kind = pathway::PathwayKind::kEndOfLife;
    const int roll = rng.Below(100);
    r.tumour_group = roll < 70 ? "cancer" : roll < 80 ? "heart_failure" : roll < 90 ? "copd" : "dementia";
    r.prime_provider = kEndOfLifePrime;
    r.crisis_contact = {"Moorlands Hospice 24/7 advice line (synthetic demo)", "01632 960901"};
    r.summary.about_me = "Synthetic demo record: an invented person, not a real patient.";
    r.summary.what_matters = "Being comfortable, and my family being with me.";
    r.summary.goals = "To stay out of hospital if I can.";
    r.care_plan = "Synthetic demo care plan: anticipatory medicines at home; the hospice team visits weekly.";
    if (rng.Chance(profile.key_worker_percent)) r.key_worker = KeyWorkerFor(rng, "Community palliative care nurse");
    p.patient = InventPatient(rng, n, area, today, r.tumour_group);
    const std::string provider = rng.Chance(50) ? "ZE2" : "ZE3";
    Recorder rec(p, today);
    // The referral to end-of-life care: route `other`, so it starts no waiting-time clock.
    rec.Add(start, EventType::kReferralReceived, provider);
    rec.Last().route = pathway::Route::kOther;
    r.route = pathway::Route::kOther;
    r.referral_received_on = start;
    rec.Add(start.AddDays(1), EventType::kKeyWorkerContact, provider);
    const CivilDate dies = start.AddDays(rng.Between(20, 240));
    KeyWorkerContacts(rec, rng, start, std::min(dies, today), provider);
    if (dies <= today && rng.Chance(75)) {
        Die(p, rec, rng, dies, provider, area, true);
    } else if (rng.Chance(profile.preference_percent)) {
        pathway::Preference wish = PlaceOfDeathWish(rng.Chance(60) ? pathway::Place::kHome : pathway::Place::kHospice);
        if (rng.Chance(20)) wish.state = pathway::PreferenceState::kNotYetDecided, wish.value.clear();
        r.preferences.push_back(wish);
    }
    return p;
}

std::vector<DemoPathway> GeneratePathwayDemo(CivilDate today) {
    Rng rng(20150701);  // the prime providers' start date in Staffordshire, as a seed
    std::vector<DemoPathway> all;
    constexpr int kCancer = 260;
    constexpr int kEndOfLife = 80;
    for (int i = 0; i < kCancer; ++i) {
        const int area = PickArea(rng);
        all.push_back(CancerPathway(rng, i + 1, area, today.AddDays(-rng.Between(0, 365)), today));
    }
    for (int i = 0; i < kEndOfLife; ++i) {
        const int area = PickArea(rng);
        all.push_back(EndOfLifePathway(rng, kCancer + i + 1, area, today.AddDays(-rng.Between(10, 365)), today));
    }
    return all;
}

}  // namespace carevoice::demo
