// The access rule for patient-identifiable data: admins always; coordinators of an organisation involved;
// other coordinators only with an active break glass; every other role never.
#include "pathway/access.hpp"

#include <gtest/gtest.h>

namespace carevoice::pathway {
namespace {

const std::vector<std::string> kInvolved = {"RJE", "RL4"};

TEST(PatientAccessTest, AdminsSeeEveryPathway) {
    EXPECT_EQ(DecidePatientAccess(Role::kAdmin, "", kInvolved, false), AccessDecision::kAllowed);
    EXPECT_EQ(DecidePatientAccess(Role::kAdmin, "XYZ", {}, false), AccessDecision::kAllowed);
}

TEST(PatientAccessTest, CoordinatorsOfAnInvolvedOrganisationSeeIt) {
    EXPECT_EQ(DecidePatientAccess(Role::kCoordinator, "RJE", kInvolved, false), AccessDecision::kAllowed);
    EXPECT_EQ(DecidePatientAccess(Role::kCoordinator, "RL4", kInvolved, false), AccessDecision::kAllowed);
}

TEST(PatientAccessTest, OtherCoordinatorsMustBreakGlass) {
    EXPECT_EQ(DecidePatientAccess(Role::kCoordinator, "RXW", kInvolved, false), AccessDecision::kNeedsBreakGlass);
    EXPECT_EQ(DecidePatientAccess(Role::kCoordinator, "RXW", kInvolved, true), AccessDecision::kAllowedBreakGlass);
    // No organisation on the account: involved in nothing, even a pathway with an empty provider.
    EXPECT_EQ(DecidePatientAccess(Role::kCoordinator, "", {""}, false), AccessDecision::kNeedsBreakGlass);
    // Codes match exactly: a prefix is another organisation.
    EXPECT_EQ(DecidePatientAccess(Role::kCoordinator, "RJ", kInvolved, false), AccessDecision::kNeedsBreakGlass);
}

TEST(PatientAccessTest, OtherRolesNeverSeePatientsEvenWithBreakGlass) {
    for (Role r : {Role::kMember, Role::kAnalyst, Role::kFacilitator}) {
        EXPECT_EQ(DecidePatientAccess(r, "RJE", kInvolved, true), AccessDecision::kDenied) << RoleName(r);
        EXPECT_FALSE(MaySeePatients(r));
    }
    EXPECT_TRUE(MaySeePatients(Role::kCoordinator));
    EXPECT_TRUE(MaySeePatients(Role::kAdmin));
}

TEST(PatientAccessTest, BreakGlassNeedsAReasonOfTenCharacters) {
    EXPECT_NE(BreakGlassReasonProblem("   "), std::nullopt);
    EXPECT_NE(BreakGlassReasonProblem("short    ")->find("at least 10"), std::string::npos);
    EXPECT_EQ(BreakGlassReasonProblem("Out-of-hours call from the patient's daughter"), std::nullopt);
    EXPECT_NE(BreakGlassReasonProblem(std::string(1001, 'x'))->find("1000 characters or fewer"), std::string::npos);
}

}  // namespace
}  // namespace carevoice::pathway
