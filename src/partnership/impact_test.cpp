#include "partnership/impact.hpp"

#include <gtest/gtest.h>

#include "partnership/test_support.hpp"

namespace carevoice::partnership {
namespace {

using testing::D;
using testing::NamesField;

Impact Valid() {
    Impact i;
    i.title = "Mirrors in the radiotherapy changing rooms";
    i.occurred_on = D("2024-04-10");
    i.kind = ImpactKind::kCareEnvironment;
    i.organisation = "Milton Keynes University Hospital";
    i.influence = InfluenceStrength::kStrong;
    i.domain = DecisionDomain::kTreatmentAndServices;
    i.involvement = InvolvementLevel::kPartnership;
    i.you_said = "There are no mirrors where you change for radiotherapy";
    i.we_did = "Estates fitted mirrors in all four changing rooms";
    i.difference_made = "Patients can tidy themselves before walking back through the waiting room";
    i.fed_back_to = "All members and the radiotherapy team";
    i.fed_back_on = D("2024-05-02");
    i.fed_back_how = "Newsletter and the May meeting";
    i.is_public = true;
    return i;
}

TEST(ImpactTest, ACompleteRecordIsValid) { EXPECT_TRUE(ValidateImpact(Valid()).ok()); }

TEST(ImpactTest, AnImpactWithoutYouSaidOrWeDidNamesBoth) {
    Impact i = Valid();
    i.you_said = "";
    i.we_did = " ";
    const Status s = ValidateImpact(i);
    EXPECT_TRUE(NamesField(s, "you_said"));
    EXPECT_TRUE(NamesField(s, "we_did"));
    EXPECT_EQ(s.message(), "the impact is not valid: you_said is required; we_did is required");
}

TEST(ImpactTest, FeedbackIsRecordedWholeOrNotAtAll) {
    Impact i = Valid();
    i.is_public = false;
    i.fed_back_on.reset();
    i.fed_back_how = "";
    const Status s = ValidateImpact(i);
    EXPECT_TRUE(NamesField(s, "fed_back_on"));
    EXPECT_TRUE(NamesField(s, "fed_back_how"));
    i.fed_back_to = "";
    EXPECT_TRUE(ValidateImpact(i).ok());
}

TEST(ImpactTest, FeedbackCannotPrecedeTheImpact) {
    Impact i = Valid();
    i.fed_back_on = D("2024-04-09");
    EXPECT_TRUE(NamesField(ValidateImpact(i), "fed_back_on"));
}

TEST(ImpactTest, APublicImpactSaysWhatDifferenceItMade) {
    Impact i = Valid();
    i.difference_made = "";
    EXPECT_TRUE(NamesField(ValidateImpact(i), "difference_made"));
    i.is_public = false;
    EXPECT_TRUE(ValidateImpact(i).ok());
}

TEST(ImpactTest, TitleAndOrganisationAreRequired) {
    Impact i = Valid();
    i.title = "";
    i.organisation = "";
    const Status s = ValidateImpact(i);
    EXPECT_TRUE(NamesField(s, "title"));
    EXPECT_TRUE(NamesField(s, "organisation"));
}

TEST(ImpactTest, ElevenKindsOfImpact) {
    EXPECT_EQ(kImpactKinds.size(), 11u);
    for (std::size_t at = 0; at < kImpactKinds.size(); ++at) {
        EXPECT_EQ(static_cast<std::size_t>(kImpactKinds[at].value), at);  // views index by enum value
    }
}

}  // namespace
}  // namespace carevoice::partnership
