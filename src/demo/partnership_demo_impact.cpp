// What the demo group changed, recorded as impacts with "you said — we did — the difference it made";
// the measures it charts (a monthly count it keeps, and the survey item it wants to move); and the buddy
// plan of its trust, which the 2018 survey's matching paired with a mentor.
#include <string>
#include <vector>

#include "demo/partnership_demo_parts.hpp"
#include "improvement/cpes_observations.hpp"
#include "improvement/measure.hpp"
#include "partnership/buddy_plan.hpp"
#include "partnership/dates.hpp"
#include "partnership/impact.hpp"
#include "store/buddy_plan_repository.hpp"
#include "store/cpes_yearly_scores.hpp"
#include "store/impact_repository.hpp"
#include "store/measures_repository.hpp"

namespace carevoice::demo {
namespace {

using partnership::DecisionDomain;
using partnership::Impact;
using partnership::ImpactKind;
using partnership::InfluenceStrength;
using partnership::InvolvementLevel;

constexpr const char* kHospital = "Milton Keynes University Hospital";

struct DemoImpact {
    const char* title;
    int days_ago;
    ImpactKind kind;
    const char* organisation;
    InfluenceStrength influence;
    DecisionDomain domain;
    InvolvementLevel involvement;
    const char* you_said;
    const char* we_did;
    const char* difference;  // empty: not known yet, so not public
    const char* fed_back_to;
    const char* fed_back_how;
    const char* work_item;  // key in DemoContext::work_items, or empty
};

const DemoImpact kImpacts[] = {
    {"Drinking water in the outpatient waiting area", 290, ImpactKind::kCareEnvironment, kHospital,
     InfluenceStrength::kStrong, DecisionDomain::kTreatmentAndServices, InvolvementLevel::kPartnership,
     "There is no drinking water in the cancer outpatient waiting area, and clinics often run late.",
     "Our environmental audit reported it to the clinic manager and estates, who installed a water cooler.",
     "Patients and the people with them can get a drink while they wait, without asking at reception.",
     "All members, the clinic team", "Minutes and the members' newsletter", ""},
    {"Waiting times shown in the clinic", 220, ImpactKind::kServiceDelivery, kHospital, InfluenceStrength::kSome,
     DecisionDomain::kServiceDeliveryAndResources, InvolvementLevel::kConsultation,
     "Nobody tells you how late the clinic is running.",
     "The clinic put up a screen showing the current wait, updated by reception.",
     "Patients know how long they will wait and can tell whoever is collecting them.", "All members",
     "Members' meeting", ""},
    {"Leaflets in other languages and large print", 250, ImpactKind::kPatientInformation, kHospital,
     InfluenceStrength::kSome, DecisionDomain::kTreatmentAndServices, InvolvementLevel::kConsultation,
     "The clinic's leaflets are in English only, and nothing is in large print.",
     "The information officer now stocks the main leaflets in five languages and large print.",
     "Patients who read little English, or see poorly, can take information home.", "Members and the CNS team",
     "Newsletter", ""},
    {"Patients' stories in CNS induction", 150, ImpactKind::kProfessionalTraining, kHospital,
     InfluenceStrength::kStrong, DecisionDomain::kTreatmentAndServices, InvolvementLevel::kPartnership,
     "New nurses do not hear what it is like to be told you have cancer.",
     "Two members now tell their stories at every induction of new cancer nurses.",
     "New nurses say it changed how they start conversations with patients.", "All members",
     "Members' meeting and the trust's staff bulletin", ""},
    {"Clinical nurse specialist contact cards", 60, ImpactKind::kCommunication, kHospital, InfluenceStrength::kStrong,
     DecisionDomain::kTreatmentAndServices, InvolvementLevel::kPartnership,
     "Many patients never learn the name of their clinical nurse specialist (and the survey says so).",
     "Members designed a contact card with the CNS team; it is given at every diagnosis appointment.",
     "Most new patients now leave with a name and a number to call (see the monthly chart).",
     "All members, the network board", "Newsletter and a board paper", "cards"},
    {"Survivorship information day agreed", 100, ImpactKind::kPlanningCommissioning, "Cancer network board",
     InfluenceStrength::kSome, DecisionDomain::kServiceDeliveryAndResources, InvolvementLevel::kPartnership,
     "Once treatment ends there is little support, and people do not know what exists.",
     "Our chair asked the network board, which agreed to fund a survivorship information day.", "", "", "", "support"},
    {"Response to the national consultation on cancer services", 180, ImpactKind::kPolicyFeedback,
     "Department of Health and Social Care", InfluenceStrength::kNone, DecisionDomain::kPolicy,
     InvolvementLevel::kConsultation, "Members want their experience to count in national plans.",
     "The group sent a joint response drawing on members' experiences.", "", "", "", ""},
    {"Audit checklist shared with the Thames Valley groups", 70, ImpactKind::kSharingGoodPractice,
     "Thames Valley user partnership group", InfluenceStrength::kSome, DecisionDomain::kTreatmentAndServices,
     InvolvementLevel::kLayControl, "Other groups asked how we run our environmental audits.",
     "We shared our checklist and ran a joint audit visit, led by lay members.",
     "Two more groups now audit their own clinics.", "The Thames Valley groups", "A joint meeting", ""},
};

Status AddImpacts(DemoContext& demo) {
    ImpactRepository impacts(demo.conn);
    for (const DemoImpact& d : kImpacts) {
        Impact i;
        i.group_id = demo.group_id;
        i.title = d.title;
        i.occurred_on = demo.today.AddDays(-d.days_ago);
        i.kind = d.kind;
        i.organisation = d.organisation;
        i.influence = d.influence;
        i.domain = d.domain;
        i.involvement = d.involvement;
        i.evidence = "Minutes of the group's meetings";
        i.lay_reflection = "We were listened to, and could see the change ourselves.";
        i.professional_reflection = "Patients noticed things we walk past every day.";
        i.you_said = d.you_said;
        i.we_did = d.we_did;
        i.difference_made = d.difference;
        i.fed_back_to = d.fed_back_to;
        if (*d.fed_back_to) i.fed_back_on = i.occurred_on.AddDays(21);
        i.fed_back_how = d.fed_back_how;
        i.is_public = *d.difference != '\0';
        if (*d.work_item) i.work_item_id = demo.work_items.at(d.work_item);
        CV_RETURN_IF_ERROR(impacts.Create(i, demo.now).status());
    }
    return Status::Ok();
}

// A monthly count the CNS team keeps: the share of new patients given a contact card, 18 months, the cards
// arriving half way (a shift the chart should show).
constexpr int kMonths = 18;
constexpr double kCardShare[kMonths] = {61, 64, 58, 66, 62, 60, 65, 63, 59, 78, 83, 81, 86, 84, 88, 85, 90, 87};

// Published year-on-year scores of Q17 for RD8 (cpes_2015_2018_results.csv.gz), used when the survey results
// have not been imported.
const std::vector<improvement::PublishedYearScore> kPublishedQ17 = {
    {2015, 85, 257}, {2016, 83, 296}, {2017, 84, 327}, {2018, 81, 315}};

Status AddMeasures(DemoContext& demo) {
    MeasuresRepository measures(demo.conn);
    improvement::Measure cards;
    cards.group_id = demo.group_id;
    cards.name = "New patients given their CNS's contact card";
    cards.unit = "%";
    cards.better = improvement::ImprovementDirection::kIncrease;
    cards.target = 95;
    cards.work_item_id = demo.work_items.at("cards");
    CV_ASSIGN_OR_RETURN(cards, measures.Create(cards, demo.now));
    std::vector<improvement::Observation> monthly;
    const CivilDate this_month = *CivilDate::FromYmd(demo.today.year(), demo.today.month(), 1);
    for (int at = 0; at < kMonths; ++at) {
        monthly.push_back({partnership::AddMonths(this_month, at - kMonths), kCardShare[at]});
    }
    CV_RETURN_IF_ERROR(measures.ReplaceObservations(cards.id, monthly));

    improvement::Measure survey;
    survey.group_id = demo.group_id;
    survey.name = "Given the name of a clinical nurse specialist (CPES Q17)";
    survey.unit = "%";
    survey.better = improvement::ImprovementDirection::kIncrease;
    survey.source = improvement::MeasureSource::kCpes;
    survey.cpes_org_code = "RD8";
    survey.cpes_question = "Q17";
    survey.work_item_id = demo.work_items.at("cards");
    CV_ASSIGN_OR_RETURN(survey, measures.Create(survey, demo.now));
    CV_ASSIGN_OR_RETURN(auto stored, CpesYearlyScores(demo.conn, "RD8", "Q17"));
    CV_ASSIGN_OR_RETURN(auto yearly, improvement::ObservationsFromCpes(stored.empty() ? kPublishedQ17 : stored));
    CV_RETURN_IF_ERROR(measures.ReplaceObservations(survey.id, yearly));

    // Fed from the pathway (the synthetic Staffordshire-like demo, when loaded): counted each month when the
    // chart is drawn, so nothing is stored.
    improvement::Measure fds;
    fds.group_id = demo.group_id;
    fds.name = "Told the outcome within 28 days of an urgent referral (from the pathway)";
    fds.unit = "%";
    fds.better = improvement::ImprovementDirection::kIncrease;
    fds.target = 80;
    fds.source = improvement::MeasureSource::kPathway;
    fds.pathway_measure = "fds";
    return measures.Create(fds, demo.now).status();
}

// `carevoice buddy --year 2018` (default options) pairs RD8, below expected on many questions, with RR7
// (Gateshead Health NHS Foundation Trust); these are four of the questions the pair covers.
Status AddBuddyPlan(DemoContext& demo) {
    BuddyPlanRepository plans(demo.conn);
    auto existing = plans.FindByPair("RR7", "RD8", 2018);
    if (existing.ok()) return Status::Ok();
    if (existing.status().code() != StatusCode::kNotFound) return existing.status();
    partnership::BuddyImprovementPlan plan;
    plan.mentor_code = "RR7";
    plan.mentee_code = "RD8";
    plan.pair_year = 2018;
    const partnership::PlanWindow window = partnership::DefaultBuddyPlanWindow(2018);
    plan.starts_on = window.starts_on;
    plan.ends_on = window.ends_on;
    plan.questions = {"Q14", "Q16", "Q17", "Q35"};
    plan.summary =
        "Naming a clinical nurse specialist for every patient, practical help with side effects, and "
        "someone to talk to on the wards; the 2019 survey will show whether it worked.";
    plan.actions = {
        {0, "Shadow the mentor's CNS-led diagnosis clinic", "Lead cancer nurse, RD8", window.starts_on.AddDays(27),
         partnership::ActionStatus::kDone},
        {0, "Adapt the mentor's side-effects advice sheet", "Chemotherapy unit, RD8", window.starts_on.AddDays(89),
         partnership::ActionStatus::kDone},
        {0, "Ward staff trained to offer time to talk about worries", "Ward managers, RD8", window.ends_on,
         partnership::ActionStatus::kOpen},
    };
    return plans.Create(plan, demo.now).status();
}

}  // namespace

Status AddImpactsAndMeasures(DemoContext& demo) {
    CV_RETURN_IF_ERROR(AddImpacts(demo));
    CV_RETURN_IF_ERROR(AddMeasures(demo));
    return AddBuddyPlan(demo);
}

}  // namespace carevoice::demo
