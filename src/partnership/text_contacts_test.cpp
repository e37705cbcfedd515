#include "partnership/text_contacts.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace carevoice::partnership {
namespace {

std::vector<std::string> Emails(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& s : FindEmailAddresses(text)) out.push_back(text.substr(s.offset, s.length));
    return out;
}

std::vector<std::string> Phones(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& p : FindPhoneNumbers(text)) out.push_back(text.substr(p.span.offset, p.span.length));
    return out;
}

using Found = std::vector<std::string>;

TEST(FindEmailAddressesTest, FindsAddressesInSentencesAndLinks) {
    EXPECT_EQ(Emails("Write to jane.example@example.org."), Found{"jane.example@example.org"});
    EXPECT_EQ(Emails("(j.o'brien+cpg@nhs.net)"), Found{"j.o'brien+cpg@nhs.net"});
    EXPECT_EQ(Emails("[Jane](mailto:Jane@Example.ORG)"), Found{"Jane@Example.ORG"});
    EXPECT_EQ(Emails("a@b.co.uk, c@d.org"), (Found{"a@b.co.uk", "c@d.org"}));
    EXPECT_EQ(Emails("“siobhán@example.ie”"), Found{"siobhán@example.ie"});
}

TEST(FindEmailAddressesTest, IgnoresWhatIsNotAnAddress) {
    EXPECT_TRUE(Emails("@CancerGroup on social media").empty());
    EXPECT_TRUE(Emails("jane@localhost").empty());
    EXPECT_TRUE(Emails("3 @ £2 each").empty());
    EXPECT_TRUE(Emails("meet @ 10.30").empty());
    EXPECT_TRUE(Emails("x@y.1").empty());
}

TEST(FindPhoneNumbersTest, FindsUkNumbersHoweverWritten) {
    for (const std::string number :
         {"01632 960123", "+44 1632 960123", "07700 900123", "(01632) 960 123", "+44 (0)1632 960123", "01632960123",
          "+447700900123", "020 7946 0123", "0161-496-0123", "0161 496 0123", "0044 1632 960123", "07700.900.123"}) {
        EXPECT_EQ(Phones("Ring " + number + " after six."), Found{number}) << number;
    }
}

TEST(FindPhoneNumbersTest, ComparesNumbersByTheirNationalDigits) {
    for (const std::string number : {"01632 960123", "+44 1632 960123", "(01632) 960 123", "+44 (0)1632 960123"}) {
        auto found = FindPhoneNumbers(number);
        ASSERT_EQ(found.size(), 1u) << number;
        EXPECT_EQ(found[0].digits, "01632960123") << number;
    }
    EXPECT_EQ(FindPhoneNumbers("+353 1 555 0123").at(0).digits, "+35315550123");
}

TEST(FindPhoneNumbersTest, FindsANumberBesideOtherNumbers) {
    EXPECT_EQ(Phones("Room 12 01632 960123"), Found{"01632 960123"});
    EXPECT_EQ(Phones("01632 960123 2 copies"), Found{"01632 960123"});
    EXPECT_EQ(Phones("14 3 2026: ring 07700 900123 or 07700 900456"), (Found{"07700 900123", "07700 900456"}));
}

TEST(FindPhoneNumbersTest, LeavesDatesTimesMoneyYearsAndCodesAlone) {
    for (const std::string text :
         {"Held on 14 3 2026 at 10:30.", "On 01 03 2026 and 01/03/2026.", "Costs £1,250,000 or £0.50 a day.",
          "The years 2015 2016 2017 2018.", "Trust RD8, site RD816, CCG 06F, practice K82024, E56000.",
          "NHS number 943 476 5919", "Clinics 0930-1030 and 1130-1230", "Version 0.5.1", "Page 12 of 14",
          "123456789012345678 is too long", "1,632,960,123 people"}) {
        EXPECT_TRUE(Phones(text).empty()) << text << " -> " << (Phones(text).empty() ? "" : Phones(text)[0]);
    }
}

TEST(FindPhoneNumbersTest, LeavesOrganisationsNonGeographicNumbersAlone) {
    // Macmillan's support line, an NHS 0300 line, a freephone number: published by organisations.
    EXPECT_TRUE(Phones("Macmillan: 0808 808 00 00. Trust: 0300 123 1234. Free: 0800 123 4567.").empty());
}

TEST(FindPhoneNumbersTest, FindsOtherCountriesNumbers) {
    EXPECT_EQ(Phones("Dublin office +353 1 555 0123"), Found{"+353 1 555 0123"});
    EXPECT_TRUE(Phones("+1 2").empty());
}

}  // namespace
}  // namespace carevoice::partnership
