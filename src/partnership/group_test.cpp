#include "partnership/group.hpp"

#include <gtest/gtest.h>

#include "partnership/test_support.hpp"

namespace carevoice::partnership {
namespace {

using testing::NamesField;

Group MiltonKeynes() {
    Group g;
    g.name = "Milton Keynes Cancer Patient Partnership";
    g.area_kind = AreaKind::kLocality;
    g.area_name = "Milton Keynes";
    g.model = GroupModel::kB;
    g.year_founded = 2004;
    g.meeting_interval_weeks = 6;
    g.links.push_back({0, LinkedBodyKind::kNetworkBoard, "Network board", {3, 4}});
    return g;
}

TEST(GroupTest, AWellFormedGroupIsValid) { EXPECT_TRUE(ValidateGroup(MiltonKeynes()).ok()); }

TEST(GroupTest, NameAndAreaAreRequired) {
    Group g = MiltonKeynes();
    g.name = "  ";
    g.area_name = "";
    const Status s = ValidateGroup(g);
    EXPECT_TRUE(NamesField(s, "name"));
    EXPECT_TRUE(NamesField(s, "area_name"));
    EXPECT_NE(s.message().find("name is required"), std::string::npos) << s.message();
}

TEST(GroupTest, AGroupOutsideTheModelsMustDescribeItself) {
    Group g = MiltonKeynes();
    g.model.reset();
    EXPECT_TRUE(NamesField(ValidateGroup(g), "model_description"));
    g.model_description = "Two locality groups sharing one chair";
    EXPECT_TRUE(ValidateGroup(g).ok());
}

TEST(GroupTest, YearFoundedBeforeTheNhsIsRefused) {
    Group g = MiltonKeynes();
    g.year_founded = 1947;
    EXPECT_TRUE(NamesField(ValidateGroup(g), "year_founded"));
}

TEST(GroupTest, MeetingIntervalMustBeAWeekToAYear) {
    Group g = MiltonKeynes();
    g.meeting_interval_weeks = 0;
    EXPECT_TRUE(NamesField(ValidateGroup(g), "meeting_interval_weeks"));
    g.meeting_interval_weeks = 53;
    EXPECT_TRUE(NamesField(ValidateGroup(g), "meeting_interval_weeks"));
}

TEST(GroupTest, ALinkNeedsABodyAndEachRepresentativeOnce) {
    Group g = MiltonKeynes();
    g.links.push_back({0, LinkedBodyKind::kTumourSiteGroup, "", {5, 5}});
    const Status s = ValidateGroup(g);
    EXPECT_TRUE(NamesField(s, "links[2].body_name"));
    EXPECT_TRUE(NamesField(s, "links[2].representative_ids"));
}

TEST(GroupTest, ContactRoutesAreOptionalButMustLookRight) {
    Group g = MiltonKeynes();
    g.contact_postal_address = "Partnership office, Standing Way, Milton Keynes";
    g.contact_phone = "01632 960 000";
    g.contact_email = "partnership@example.org";
    EXPECT_TRUE(ValidateGroup(g).ok());
    g.contact_phone = "ext 12";
    g.contact_email = "partnership at example.org";
    const Status s = ValidateGroup(g);
    EXPECT_TRUE(NamesField(s, "contact_phone"));
    EXPECT_TRUE(NamesField(s, "contact_email"));
}

TEST(GroupTest, ModelNamesRoundTrip) {
    for (const auto& model : kGroupModels) EXPECT_EQ(ParseName(kGroupModels, model.name), model.value);
    EXPECT_FALSE(ParseName(kGroupModels, "F").has_value());
    EXPECT_TRUE(ManagesGroup(GroupRole::kChair));
    EXPECT_FALSE(ManagesGroup(GroupRole::kMember));
}

}  // namespace
}  // namespace carevoice::partnership
