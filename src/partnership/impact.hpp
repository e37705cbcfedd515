// The impact log: what changed because the group took part, recorded in one light-touch, consistent
// way (the report's call, §4.3.1, §5.4, §5.6.2) — the kind of impact (§4.4, §4.5), whom it
// influenced and how strongly (the mapping form, §4.3.2, §6.2.10), the decision domain and level of
// involvement (Charles and DeMaio's ladder, §5.2, Table 4), the evidence, lay and professional
// reflections, and "you said — we did — the difference it made — fed back to whom, when, how".
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "core/civil_date.hpp"
#include "core/enum_names.hpp"
#include "core/status.hpp"

namespace carevoice::partnership {

// §4.4.1 impact on patients, §4.4.2 on professionals, §4.4.3 on services, §4.5 strategy and policy.
enum class ImpactKind {
    kPatientInformation,
    kAccess,
    kCommunication,
    kProfessionalTraining,
    kProfessionalAttitudes,
    kCareEnvironment,
    kServiceDelivery,
    kQualityMonitoring,
    kPolicyFeedback,
    kPlanningCommissioning,
    kSharingGoodPractice,
};

inline constexpr std::size_t kImpactKindCount = 11;

inline constexpr std::array<EnumName<ImpactKind>, kImpactKindCount> kImpactKinds = {{
    {ImpactKind::kPatientInformation, "patient_information", "Patient information"},
    {ImpactKind::kAccess, "access", "Access to services"},
    {ImpactKind::kCommunication, "communication", "Patient–professional communication"},
    {ImpactKind::kProfessionalTraining, "professional_training", "Professional training and education"},
    {ImpactKind::kProfessionalAttitudes, "professional_attitudes", "Professional attitudes"},
    {ImpactKind::kCareEnvironment, "care_environment", "Care environment"},
    {ImpactKind::kServiceDelivery, "service_delivery", "Service organisation and delivery"},
    {ImpactKind::kQualityMonitoring, "quality_monitoring", "Monitoring of quality"},
    {ImpactKind::kPolicyFeedback, "policy_feedback", "Policy feedback"},
    {ImpactKind::kPlanningCommissioning, "planning_commissioning", "Planning and commissioning"},
    {ImpactKind::kSharingGoodPractice, "sharing_good_practice", "Sharing good practice"},
}};

// The mapping form's key (§6.2.10): strong, some or no influence.
enum class InfluenceStrength { kStrong, kSome, kNone };

inline constexpr std::array<EnumName<InfluenceStrength>, 3> kInfluenceStrengths = {{
    {InfluenceStrength::kStrong, "strong", "Strong influence"},
    {InfluenceStrength::kSome, "some", "Some influence"},
    {InfluenceStrength::kNone, "none", "No influence"},
}};

// Charles and DeMaio's decision-making domains (§5.2).
enum class DecisionDomain { kTreatmentAndServices, kServiceDeliveryAndResources, kPolicy };

inline constexpr std::array<EnumName<DecisionDomain>, 3> kDecisionDomains = {{
    {DecisionDomain::kTreatmentAndServices, "treatment_and_services", "Treatments and services provided to patients"},
    {DecisionDomain::kServiceDeliveryAndResources, "service_delivery_and_resources",
     "Service delivery and resource allocation"},
    {DecisionDomain::kPolicy, "policy", "Regional and national allocation and policy"},
}};

// The ladder of lay participation (§5.2).
enum class InvolvementLevel { kConsultation, kPartnership, kLayControl };

inline constexpr std::array<EnumName<InvolvementLevel>, 3> kInvolvementLevels = {{
    {InvolvementLevel::kConsultation, "consultation", "Consultation"},
    {InvolvementLevel::kPartnership, "partnership", "Partnership"},
    {InvolvementLevel::kLayControl, "lay_control", "Lay control"},
}};

struct Impact {
    std::int64_t id = 0;
    std::int64_t group_id = 0;
    std::string title;
    CivilDate occurred_on;
    ImpactKind kind = ImpactKind::kPatientInformation;
    std::string organisation;  // the organisation influenced, e.g. "Milton Keynes University Hospital"
    InfluenceStrength influence = InfluenceStrength::kSome;
    DecisionDomain domain = DecisionDomain::kTreatmentAndServices;
    InvolvementLevel involvement = InvolvementLevel::kConsultation;
    std::string evidence;  // how we know: minutes, a changed leaflet, a letter
    std::string lay_reflection;
    std::string professional_reflection;
    std::optional<std::int64_t> work_item_id;
    std::string you_said;
    std::string we_did;
    std::string difference_made;           // may be unknown at first
    std::string fed_back_to;               // whom
    std::optional<CivilDate> fed_back_on;  // when
    std::string fed_back_how;              // how: newsletter, meeting, letter
    bool is_public = false;                // shown on the group's public "you said, we did" page
};

// Names every problem: title; organisation; you_said; we_did; fed_back_to / fed_back_on /
// fed_back_how (feedback is recorded whole: to whom, when and how, or not at all); fed_back_on
// (before the impact); difference_made (required to publish: the public account says what changed).
Status ValidateImpact(const Impact& impact);

}  // namespace carevoice::partnership
